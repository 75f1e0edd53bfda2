import Archive
import Foundation
import Hashing
import POSIX

/// Chooses a submission's reference and folder, and writes the folder so that it appears whole or not at all:
/// every file is staged in the archive's scratch folder, flushed, and the folder is renamed into place.
struct SubmissionFiler {
    /// Where a message will be filed.
    struct Plan {
        var reference: String
        var version: Int
        /// Absolute path of the month (or quarantine month) folder.
        var parent: String
        var relativeFolder: String
    }

    /// A file to put in the folder.
    struct Input {
        var source: String
        /// The name in the folder; nil to derive a safe one from `originalName`.
        var name: String?
        var originalName: String?
        var pages: Int?
        var role: SubmissionRecord.Role
    }

    let layout: ArchiveLayout

    /// The next free reference for a submission: `TC-2024-07-LJMU`, then `TC-2024-07-LJMU-v2`, …
    func planSubmission(identification: Identification, hash: String, reusing earlier: MessageState?, key: String)
        -> Plan
    {
        let period = "\(identification.year)-\(String(format: "%02d", identification.month))"
        let base =
            identification.institution.map { "TC-\(period)-\($0.short)" }
            ?? "TC-\(period)-UNIDENTIFIED-\(hash.prefix(6).uppercased())"
        let parent = layout.monthFolder(
            institution: identification.institution?.name, year: identification.year, month: identification.month)
        return plan(base: base, parent: parent, reusing: earlier, key: key)
    }

    /// The quarantine folder for a message that cannot be filed: `Q-2024-07-1A2B3C4D`.
    func planQuarantine(hash: String, year: Int, month: Int, reusing earlier: MessageState?, key: String) -> Plan {
        let base = "Q-\(year)-\(String(format: "%02d", month))-\(hash.prefix(8).uppercased())"
        return plan(base: base, parent: layout.quarantineFolder(year: year, month: month), reusing: earlier, key: key)
    }

    private func plan(base: String, parent: String, reusing earlier: MessageState?, key: String) -> Plan {
        // A filing interrupted by a crash is finished under the reference it had reserved, unless another
        // message has since taken that folder.
        if let earlier, earlier.reference == base || earlier.reference.hasPrefix(base + "-v"),
            "\(layout.root)/\(earlier.folder)".hasPrefix(parent + "/"),
            !FileSystem.exists("\(layout.root)/\(earlier.folder)")
        {
            let version = Int(earlier.reference.dropFirst(base.count + 2)) ?? 1
            return Plan(reference: earlier.reference, version: version, parent: parent, relativeFolder: earlier.folder)
        }
        var version = 1
        var reference = base
        while FileSystem.exists("\(parent)/\(reference)") {
            version += 1
            reference = "\(base)-v\(version)"
        }
        let relative = String("\(parent)/\(reference)".dropFirst(layout.root.count + 1))
        return Plan(reference: reference, version: version, parent: parent, relativeFolder: relative)
    }

    /// Writes the folder: moves each input in under a safe, unique name, writes `submission.json` with
    /// every file's SHA-256, flushes everything at once (`syncfs`), and renames the folder into place.
    func commit(plan: Plan, record: SubmissionRecord, files: [Input], scratch: String) throws -> SubmissionRecord {
        let staging = "\(scratch)/\(plan.reference)"
        FileSystem.remove(staging)
        try FileSystem.makeDirectory(staging)
        var used = Self.reservedNames
        var record = record
        for input in files {
            // The service's own files keep their names; a sender's never takes one of them.
            let name =
                input.name
                ?? uniqueName(
                    SafeName.fileName(input.originalName ?? "", extension: "pdf", fallback: "submission"), used: &used)
            let destination = "\(staging)/\(name)"
            do { try Paths.rename(input.source, to: destination) } catch {
                throw ArchiveError.io(path: destination, operation: "move into", errno: error.errno)
            }
            let (sha256, size) = try SHA256.file(destination)
            let original = input.originalName.flatMap { $0 == name ? nil : $0 }
            record.files.append(
                .init(
                    name: name, originalName: original, size: size, sha256: sha256,
                    pages: input.pages, role: input.role))
        }
        // Group commit: nothing in the staging folder is flushed one by one; one flush of the file system
        // puts every staged file and the folder's entries on disk, and only then is the folder renamed
        // into place (the rename's own folder flushed). A crash before the rename leaves only scratch.
        if let reason = record.reason {
            try FileSystem.writeAtomically(
                Data(reasonText(record, reason: reason).utf8), to: "\(staging)/reason.txt", durable: false)
        }
        try FileSystem.writeAtomically(
            try record.encoded(), to: "\(staging)/\(ArchiveLayout.recordFileName)", durable: false)
        try FileSystem.syncFileSystem(containing: staging)
        try FileSystem.makeDirectory(plan.parent)
        try FileSystem.rename(staging, to: "\(plan.parent)/\(plan.reference)")
        return record
    }

    /// Names the service writes in a submission folder itself, which a sender's attachment never takes.
    static let reservedNames: Set<String> = [
        ArchiveLayout.recordFileName, ArchiveLayout.messageFileName, "headers.eml", "reason.txt", "text.txt",
        "layout.json",
        "prescreen.txt", "prescreen.json", "prescreen.previous.txt", "prescreen.previous.json", "action-plan.csv",
        "feedback.txt", "feedback.pdf", "feedback.json",
        "summary.txt", "reviews",
    ]

    private func uniqueName(_ name: String, used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate.lowercased()) {
            let ext = (name as NSString).pathExtension
            let stem = (name as NSString).deletingPathExtension
            candidate = ext.isEmpty ? "\(stem) (\(counter))" : "\(stem) (\(counter)).\(ext)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    private func reasonText(_ record: SubmissionRecord, reason: String) -> String {
        """
        This message was kept, not filed as a submission.

        Reference: \(record.reference)
        From:      \(record.senderAddress)
        Subject:   \(record.subject ?? "(none)")
        Received:  \(record.received.formatted(.iso8601))
        Reason:    \(reason)

        The original message is beside this file. Once the sender resends a usable PDF it is filed
        as usual; this folder can then be deleted.

        """
    }
}
