import Archive
import Foundation
import POSIX

/// `tcreview verify`: every file a `submission.json` lists, re-hashed and compared with its recorded size and
/// SHA-256.
public enum Verifier {
    /// Every listed file that is missing or altered, in filed submissions (identified or not) and quarantine
    /// records, sorted by reference and file. A submission folder without a readable `submission.json` is
    /// reported too. The folders are shared between the cores.
    public static func verify(archive: String) -> [VerifyProblem] {
        let root = ArchiveScanner.normalized(archive)
        var folders = ArchiveScanner.submissionFolders(root: root).map { (relative: $0, quarantine: false) }
        let quarantine = ArchiveLayout.quarantineFolder
        for year in Paths.entries("\(root)/\(quarantine)") where year.isDirectory {
            for month in Paths.entries("\(root)/\(quarantine)/\(year.name)") where month.isDirectory {
                let monthPath = "\(quarantine)/\(year.name)/\(month.name)"
                for item in Paths.entries("\(root)/\(monthPath)") where item.isDirectory {
                    folders.append(("\(monthPath)/\(item.name)", true))
                }
            }
        }
        guard !folders.isEmpty else { return [] }
        let items = folders
        let workers = Parallel.workers(for: items.count, minimumPerWorker: 64)
        let found = Parallel.run(workers: workers) { worker in
            let decoder = JSONFiles.makeDecoder()
            var problems: [VerifyProblem] = []
            var index = worker
            while index < items.count {
                problems += check(
                    root: root, relative: items[index].relative, quarantine: items[index].quarantine, decoder: decoder)
                index += workers
            }
            return problems
        }
        return found.flatMap { $0 }.sorted { a, b in
            a.reference != b.reference ? a.reference < b.reference : a.file < b.file
        }
    }

    /// A one-line report per problem, or a line saying all is well.
    public static func render(_ problems: [VerifyProblem]) -> String {
        guard !problems.isEmpty else { return "Every filed file matches its recorded size and SHA-256.\n" }
        var out = ""
        for problem in problems {
            out += "\(problem.kind): \(problem.file) (\(problem.reference)): \(problem.detail)\n"
        }
        out += "\(problems.count) problem\(problems.count == 1 ? "" : "s").\n"
        return out
    }

    static func check(root: String, relative: String, quarantine: Bool, decoder: JSONDecoder) -> [VerifyProblem] {
        let folder = "\(root)/\(relative)"
        let reference = (relative as NSString).lastPathComponent
        let recordPath = "\(relative)/\(ArchiveLayout.recordFileName)"
        guard let data = FileSystem.read("\(folder)/\(ArchiveLayout.recordFileName)") else {
            // Quarantine also keeps review replies that belong to no submission, without a record.
            if quarantine { return [] }
            return [
                VerifyProblem(
                    reference: reference, file: recordPath, kind: "missing",
                    detail: "the submission folder has no submission.json")
            ]
        }
        guard let record = try? decoder.decode(SubmissionRecord.self, from: data) else {
            return [
                VerifyProblem(
                    reference: reference, file: recordPath, kind: "altered",
                    detail: "submission.json is not a readable submission record")
            ]
        }
        var problems: [VerifyProblem] = []
        for file in record.files {
            let shown = "\(relative)/\(file.name)"
            let problem: (kind: String, detail: String)? =
                switch file.check(in: folder) {
                case .matches: nil
                case .missing: ("missing", "recorded with \(file.size) bytes, SHA-256 \(file.sha256.prefix(12))…")
                case .unreadable: ("missing", "cannot be read")
                case .changedSize(let size): ("altered", "\(size) bytes, recorded \(file.size)")
                case .changedContent(let hex):
                    ("altered", "SHA-256 \(hex.prefix(12))…, recorded \(file.sha256.prefix(12))…")
                }
            if let problem {
                problems.append(
                    VerifyProblem(reference: record.reference, file: shown, kind: problem.kind, detail: problem.detail))
            }
        }
        return problems
    }
}
