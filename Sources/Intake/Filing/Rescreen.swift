import Archive
import FollowThrough
import Foundation
import Hashing
import Prescreen

/// Screens a filed submission again with today's PDF reader and checks, so the archive benefits from a
/// better reader. It rewrites only the pre-screen's files and `submission.json`, and never emails anyone.
///
/// The caller holds the archive's write lock (`ArchiveLock.writing`), as every command that changes it does.
public struct Rescreen: Sendable {
    static let previousReportFileName = "prescreen.previous.txt"
    static let previousJSONFileName = "prescreen.previous.json"

    /// Every file the pre-screen owns in a submission folder, with its role in `submission.json`.
    static let managedFiles: [(name: String, role: SubmissionRecord.Role)] =
        [(previousReportFileName, .prescreen), (previousJSONFileName, .prescreen)] + PrescreenStep.files
        + [(FollowThroughReport.fileName, .prescreen), (FollowThroughReport.textFileName, .prescreen)]

    /// How one submission's pre-screen came out the second time.
    public struct Outcome: Sendable, Equatable {
        public var reference: String
        /// The verdict (`ok`, `attention`, `missing`) before and after; nil before when there was no report.
        public var before: String?
        public var after: String
        /// Each finding whose level changed, e.g. `signoff-leader: missing → ok`, and a form read differently.
        public var changes: [String]
        /// What a coordinator should know, e.g. an earlier report not kept because it had been altered.
        public var notes: [String]

        public var changed: Bool { before != after || !changes.isEmpty }

        /// `TC-2024-07-LJMU: missing → ok (signoff-leader: missing → ok)`, `TC-2024-07-LJMU: still attention
        /// (url: ok → attention; q3-answered: attention → ok)`, or `TC-2024-07-LJMU: unchanged (ok)`.
        public var line: String {
            guard changed else { return "\(reference): unchanged (\(after))" }
            let detail = changes.isEmpty ? "" : " (\(changes.joined(separator: "; ")))"
            guard before != after else { return "\(reference): still \(after)\(detail)" }
            return "\(reference): \(before ?? "none") → \(after)\(detail)"
        }
    }

    let context: IntakeContext

    public init(context: IntakeContext) { self.context = context }

    /// Re-extracts the PDFs of the submission in `folder`, screens them, keeps the earlier report as
    /// `prescreen.previous.txt`/`.json`, writes the new files, updates `submission.json`, and journals
    /// `rescreened`. When a PDF cannot be read nothing in the folder changes.
    public func rescreen(folder: String) throws(RescreenError) -> Outcome {
        let recordPath = "\(folder)/\(ArchiveLayout.recordFileName)"
        let record: SubmissionRecord
        do { record = try SubmissionRecord.load(recordPath) } catch {
            throw .noRecord(folder: folder, detail: error.description)
        }
        let reference = record.reference
        guard record.status == .filed else { throw .notFiled(reference: reference, status: record.status.rawValue) }
        let pdfs = record.files.filter { $0.role == .submission }
        guard !pdfs.isEmpty else { throw .noPDF(reference: reference) }
        for pdf in pdfs where !Self.matches(pdf, in: folder) { throw .altered(reference: reference, file: pdf.name) }

        let work = "\(context.layout.scratch)/rescreen-\(UUID().uuidString)"
        defer { FileSystem.remove(work) }
        let screening: PrescreenStep.Outcome
        do {
            try FileSystem.makeDirectory(work)
            let sources = try extract(pdfs, folder: folder, work: work, reference: reference)
            let institution = context.settings.institutions.first { $0.name == record.institution }
            let screened = "\(work)/screened"
            try FileSystem.makeDirectory(screened)
            screening = try PrescreenStep.run(
                sources: sources, institution: institution, reference: reference, directory: screened,
                inspector: context.inspector)
        } catch let error as RescreenError {
            throw error
        } catch {
            throw .notWritten(reference: reference, detail: "\(error)")
        }
        let screened: (report: PrescreenReport, outputs: [PrescreenStep.Output])
        switch screening {
        case .screened(let report, let outputs): screened = (report, outputs)
        case .noText: throw .noText(reference: reference)
        case .unfinished(let why):
            throw .unfinished(
                reference: reference,
                reason: "\(why); a larger pdf-timeout or pdf-memory-limit in [service] may let it finish")
        }

        let earlier = record.files.first { $0.name == PrescreenStep.jsonFileName }.flatMap { listed in
            Self.matches(listed, in: folder) ? PrescreenReport.load(folder: folder) : nil
        }
        var outcome = Outcome(
            reference: reference, before: record.prescreen, after: screened.report.worstLevel.rawValue,
            changes: Self.changes(from: earlier, to: screened.report, formBefore: record.form), notes: [])
        do {
            outcome.notes = try keepEarlierReport(record, folder: folder)
            // The follow-through is made again from the new report (a RAG table read now, a plan read better).
            let followThrough = try FollowThroughStep.run(
                report: screened.report, institution: record.institution, reference: reference,
                directory: "\(work)/screened", layout: context.layout)
            for name in [FollowThroughReport.fileName, FollowThroughReport.textFileName]
            where !followThrough.contains(where: { $0.name == name }) {
                FileSystem.remove("\(folder)/\(name)")
            }
            let outputs = screened.outputs.map { ($0.path, $0.name) } + followThrough.map { ($0.source, $0.name ?? "") }
            for (path, name) in outputs {
                guard let data = FileSystem.read(path) else {
                    throw ArchiveError.io(path: path, operation: "read", errno: EIO)
                }
                try FileSystem.writeAtomically(data, to: "\(folder)/\(name)")
            }
            // A layout the new screen did not read is not left behind beside the new report.
            if !screened.outputs.contains(where: { $0.name == PrescreenStep.layoutFileName }) {
                FileSystem.remove("\(folder)/\(PrescreenStep.layoutFileName)")
            }
            var updated = record
            updated.files = try Self.rehashed(record.files, folder: folder)
            updated.prescreen = screened.report.worstLevel.rawValue
            updated.form = screened.report.form.rawValue
            updated.stage = screened.report.form.stage
            try FileSystem.writeAtomically(try updated.encoded(), to: recordPath)
        } catch {
            throw .notWritten(reference: reference, detail: "\(error)")
        }
        var detail = [
            "before": outcome.before ?? "", "after": outcome.after, "changes": outcome.changes.joined(separator: "; "),
            "folder": folder.hasPrefix(context.layout.root + "/")
                ? String(folder.dropFirst(context.layout.root.count + 1)) : folder,
        ]
        if !outcome.notes.isEmpty { detail["notes"] = outcome.notes.joined(separator: "; ") }
        context.log.record(
            "rescreened", reference: reference, "\(outcome.line); pre-screened again, no email sent", detail: detail)
        return outcome
    }

    /// Runs the extraction child on each PDF, writing its text and layout into `work`.
    private func extract(_ pdfs: [SubmissionRecord.File], folder: String, work: String, reference: String)
        throws(RescreenError) -> [PrescreenStep.Source]
    {
        var sources: [PrescreenStep.Source] = []
        for (index, pdf) in pdfs.enumerated() {
            var source = PrescreenStep.Source(
                pages: nil, textPath: "\(work)/\(index).txt", layoutPath: "\(work)/\(index).layout.json")
            switch context.inspector.inspect(
                "\(folder)/\(pdf.name)", textOutput: source.textPath, layoutOutput: source.layoutPath)
            {
            case .readable(let summary): source.pages = summary.pages
            case .encrypted: throw .unreadable(reference: reference, file: pdf.name, reason: "it needs a password")
            case .unreadable(let detail):
                throw .unreadable(reference: reference, file: pdf.name, reason: detail)
            case .killed(let why):
                throw .unreadable(
                    reference: reference, file: pdf.name,
                    reason: "\(why); a larger pdf-timeout or pdf-memory-limit in [service] may let it finish")
            }
            sources.append(source)
        }
        return sources
    }

    /// Copies `prescreen.txt` and `prescreen.json` to their `previous` names when they are the ones
    /// `submission.json` lists; returns a note for each that was not (altered, or left by a rescreen that
    /// stopped before it rewrote the record), whose `previous` file then stays as it is.
    private func keepEarlierReport(_ record: SubmissionRecord, folder: String) throws(ArchiveError) -> [String] {
        var notes: [String] = []
        for (current, previous) in [
            (PrescreenStep.reportFileName, Self.previousReportFileName),
            (PrescreenStep.jsonFileName, Self.previousJSONFileName),
        ] {
            guard let listed = record.files.first(where: { $0.name == current }),
                let data = FileSystem.read("\(folder)/\(current)")
            else { continue }
            guard Self.matches(listed, in: folder) else {
                notes.append(
                    "\(current) did not match its SHA-256 in submission.json, so it was not kept as \(previous)")
                continue
            }
            try FileSystem.writeAtomically(data, to: "\(folder)/\(previous)")
        }
        return notes
    }

    /// The record's file list with every pre-screen file as it now is on disk: re-hashed, added when new,
    /// dropped when gone; the PDFs and the message are left as they were.
    static func rehashed(_ files: [SubmissionRecord.File], folder: String) throws -> [SubmissionRecord.File] {
        var files = files
        for (name, role) in managedFiles {
            let path = "\(folder)/\(name)"
            guard FileSystem.exists(path) else {
                files.removeAll { $0.name == name }
                continue
            }
            let (sha256, size) = try SHA256.file(path)
            let entry = SubmissionRecord.File(
                name: name, originalName: nil, size: size, sha256: sha256, pages: nil, role: role)
            if let index = files.firstIndex(where: { $0.name == name }) {
                files[index] = entry
            } else {
                files.append(entry)
            }
        }
        return files
    }

    /// Whether a listed file is on disk with its recorded size and SHA-256.
    static func matches(_ file: SubmissionRecord.File, in folder: String) -> Bool { file.check(in: folder) == .matches }

    /// `signoff-leader: missing → ok` for each finding whose level differs, and the form when it was read
    /// differently. A finding only one report has shows as `none` on the other side, unless it is `ok` there
    /// (a check the earlier reader did not get to that passes now is no news). Without an earlier report to
    /// compare with, only the form.
    static func changes(from earlier: PrescreenReport?, to report: PrescreenReport, formBefore: String?) -> [String] {
        var lines: [String] = []
        if let formBefore, formBefore != report.form.rawValue {
            lines.append("form: \(formBefore) → \(report.form.rawValue)")
        }
        guard let earlier else { return lines }
        let before = Dictionary(earlier.findings.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(report.findings.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        var ids = report.findings.map(\.id)
        ids += earlier.findings.map(\.id).filter { after[$0] == nil }
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted && (before[id] ?? .ok) != (after[id] ?? .ok) {
            lines.append("\(id): \(before[id]?.rawValue ?? "none") → \(after[id]?.rawValue ?? "none")")
        }
        return lines
    }
}

/// Why a submission was not screened again; its earlier report is then kept as it was.
public enum RescreenError: Error, Equatable, CustomStringConvertible {
    case noRecord(folder: String, detail: String)
    case notFiled(reference: String, status: String)
    case noPDF(reference: String)
    case altered(reference: String, file: String)
    case unreadable(reference: String, file: String, reason: String)
    case noText(reference: String)
    /// The screening child ran past its limits.
    case unfinished(reference: String, reason: String)
    /// A write failed part-way; running the rescreen again finishes it.
    case notWritten(reference: String, detail: String)

    /// The submission's reference, or its folder's name when the record could not be read.
    public var reference: String {
        switch self {
        case .noRecord(let folder, _): (folder as NSString).lastPathComponent
        case .notFiled(let reference, _), .noPDF(let reference), .altered(let reference, _),
            .unreadable(let reference, _, _), .noText(let reference), .unfinished(let reference, _),
            .notWritten(let reference, _):
            reference
        }
    }

    public var description: String {
        switch self {
        case .noRecord(let folder, let detail):
            "\(folder) has no usable submission.json (\(detail)); run 'tcreview verify' and restore it from a backup"
        case .notFiled(let reference, let status):
            "\(reference) is \(status), not filed, so it has no pre-screen to redo"
        case .noPDF(let reference):
            "\(reference) lists no submitted PDF in its submission.json, so there is nothing to screen"
        case .altered(let reference, let file):
            "\(reference): \(file) no longer matches its SHA-256 in submission.json; run 'tcreview verify' and restore it from a backup before screening it again"
        case .unreadable(let reference, let file, let reason):
            "\(reference): \(file) could not be read (\(reason)); its earlier report is kept"
        case .noText(let reference):
            "\(reference): the reader found no text in its PDFs; its earlier report is kept"
        case .unfinished(let reference, let reason):
            "\(reference): the pre-screen could not finish (\(reason)); its earlier report is kept"
        case .notWritten(let reference, let detail):
            "\(reference): the new pre-screen could not be written (\(detail)); fix that and run 'tcreview rescreen \(reference)' again to finish it"
        }
    }
}
