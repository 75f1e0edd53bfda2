import Archive
import ArchiveView
import Foundation
import Hashing
import Review

/// `_State/insights.tsv`: each submission's facts as last read, with the stamp of the files they came from,
/// so `insights` reads again only the folders that changed. Derived: deleting it costs one full read.
///
/// `TabSeparated` lines: a `K` line with the vocabulary and rubrics it was
/// made with (another vocabulary makes it void), then per folder an `F` line (folder, stamp, filed, window,
/// institution) followed by its `A` (action), `R` (RAG row), `C` (carried action) and `S` (score) lines.
enum InsightsCache {
    static let fileName = "_State/insights.tsv"

    /// What the facts depend on besides the folders: the vocabulary and the rubrics' criteria.
    static func key(vocabulary: InitiativeVocabulary, rubrics: [Int: Rubric]) -> String {
        var text = vocabulary.kinds.map { "\($0.name):\($0.phrases.joined(separator: ","))" }.joined(separator: ";")
        for stage in rubrics.keys.sorted() {
            text +=
                "|\(stage):"
                + (rubrics[stage]?.scoredCriteria.map { "\($0.id)=\($0.title)" } ?? []).joined(separator: ",")
        }
        return String(SHA256.hex(of: Data(text.utf8)).prefix(32))
    }

    static func load(root: String, key: String) -> [String: SubmissionFacts] {
        guard let data = FileSystem.read("\(root)/\(fileName)") else { return [:] }
        let rows = TabSeparated.rows(data)
        guard let head = rows.first, head == ["K", key] else { return [:] }
        var facts: [String: SubmissionFacts] = [:]
        var current: SubmissionFacts?
        for fields in rows.dropFirst() {
            switch fields.first {
            case "F" where fields.count == 6:
                if let done = current { facts[done.folder] = done }
                var fact = SubmissionFacts(folder: fields[1], stamp: fields[2])
                fact.filed = fields[3] == "1"
                fact.window = fields[4]
                fact.institution = fields[5].isEmpty ? nil : fields[5]
                current = fact
            case "A" where fields.count == 4:
                current?.actions.append(.init(theme: fields[1], kind: fields[2], name: fields[3]))
            case "R" where fields.count == 4:
                current?.rag.append(.init(kind: fields[1], status: fields[2], text: fields[3]))
            case "C" where fields.count == 3:
                current?.carried.append(.init(theme: fields[1], status: fields[2]))
            case "S" where fields.count == 3:
                if let value = Int(fields[2]) { current?.scores.append(.init(criterion: fields[1], value: value)) }
            default:
                // A torn or foreign line: the folder it belongs to is read again.
                current = nil
            }
        }
        if let done = current { facts[done.folder] = done }
        return facts
    }

    static func save(_ facts: [SubmissionFacts], root: String, key: String) throws {
        var out = "K\t\(key)\n"
        func line(_ fields: [String]) { out += TabSeparated.line(fields) }
        for fact in facts {
            line(["F", fact.folder, fact.stamp, fact.filed ? "1" : "0", fact.window, fact.institution ?? ""])
            for action in fact.actions { line(["A", action.theme, action.kind, action.name]) }
            for rated in fact.rag { line(["R", rated.kind, rated.status, rated.text]) }
            for carried in fact.carried { line(["C", carried.theme, carried.status]) }
            for score in fact.scores { line(["S", score.criterion, "\(score.value)"]) }
        }
        try FileSystem.makeDirectory("\(root)/_State")
        try FileSystem.writeAtomically(Data(out.utf8), to: "\(root)/\(fileName)", durable: false)
    }
}
