import Archive
import Foundation
import Review

/// Where review assignments live: `reviews/assignments.json` in each submission folder (readable beside the
/// reviews themselves), and an index from each token to its submission folder in `_State/tokens/`.
struct AssignmentStore: Sendable {
    let layout: ArchiveLayout
    let state: StateStore

    static let reviewsFolder = ReviewFiles.folderName
    static let fileName = AssignmentRecord.fileName

    private struct TokenEntry: Codable {
        var folder: String
    }

    func assignments(in folder: String) -> [AssignmentRecord] { ReviewFiles.assignments(in: folder) }

    /// Saves a submission's assignments atomically, then indexes their tokens.
    func save(_ assignments: [AssignmentRecord], in folder: String) throws {
        try FileSystem.makeDirectory("\(folder)/\(Self.reviewsFolder)")
        try FileSystem.writeAtomically(
            try JSONFiles.encoder.encode(assignments), to: "\(folder)/\(Self.reviewsFolder)/\(Self.fileName)")
        let relative = String(folder.dropFirst(layout.root.count + 1))
        for assignment in assignments where state.load(TokenEntry.self, kind: "tokens", key: assignment.token) == nil {
            try state.save(TokenEntry(folder: relative), kind: "tokens", key: assignment.token)
        }
    }

    /// Every review stored for a submission (`reviews/review-*.json`), all reviewers and versions.
    func storedReviews(in folder: String) -> [StoredReview] { ReviewFiles.storedReviews(in: folder) }

    /// The submission folder a token belongs to, if the token was ever issued.
    func folder(forToken token: String) -> String? {
        guard let entry = state.load(TokenEntry.self, kind: "tokens", key: token) else { return nil }
        let folder = "\(layout.root)/\(entry.folder)"
        // A coordinator may have moved the folder; then find it by its reference.
        if FileSystem.exists(folder) { return folder }
        let reference = (entry.folder as NSString).lastPathComponent
        return submissionFolder(reference: reference)
    }

    /// Every submission folder with its record.
    func submissions() -> [(folder: String, record: SubmissionRecord)] {
        layout.submissionRecordPaths().compactMap { path in
            guard let record = try? SubmissionRecord.load(path) else { return nil }
            return ((path as NSString).deletingLastPathComponent, record)
        }
    }

    /// The folder of the submission with this reference.
    func submissionFolder(reference: String) -> String? { layout.submissionFolder(reference: reference) }

    /// Every assignment in the archive, with its submission folder.
    func allAssignments() -> [(folder: String, assignment: AssignmentRecord)] {
        submissions().flatMap { submission in assignments(in: submission.folder).map { (submission.folder, $0) } }
    }
}
