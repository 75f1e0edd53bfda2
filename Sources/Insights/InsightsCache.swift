import Archive
import Foundation
import Hashing
import Review

/// `_State/insights.tsv`: each submission's facts as last read, with the stamp of the files they came from,
/// so `insights` reads again only the folders that changed. Derived: deleting it costs one full read.
///
/// Tab-separated lines, fields escaped (`\\`, `\t`, `\n`): a `K` line with the vocabulary and rubrics it was
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
        let bytes = [UInt8](data)
        var facts: [String: SubmissionFacts] = [:]
        var current: SubmissionFacts?
        var first = true
        var start = 0
        // Read as bytes: a line at a time, its fields split at tabs (an escaped tab is `\t`, never a tab).
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var fields: [String] = []
            var fieldStart = start
            for index in start...end where index == end || bytes[index] == 0x09 {
                fields.append(unescape(bytes[fieldStart..<index]))
                fieldStart = index + 1
            }
            start = end + 1
            if first {
                guard fields.count == 2, fields[0] == "K", fields[1] == key else { return [:] }
                first = false
                continue
            }
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
        func line(_ fields: [String]) { out += fields.map(escape).joined(separator: "\t") + "\n" }
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

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x5C) else { return text }
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
