import Archive
import Foundation

/// One stored review, as `reviews/review-<reviewer>-<n>.json`.
public struct StoredReview: Codable, Sendable, Equatable {
    public var reference: String
    public var reviewer: String
    public var reviewerName: String
    public var number: Int
    public var received: Date
    /// The earlier review by the same reviewer that this one replaces (both are kept).
    public var supersedes: String?
    public var stage: Int
    public var answers: ReviewAnswers
    /// The Message-ID (or content hash) of the reply it came from.
    public var messageKey: String?
    /// When the reviewer wrote it (the reply's Date, when plausible); nil for reviews stored before.
    public var written: Date?

    public init(
        reference: String, reviewer: String, reviewerName: String, number: Int, received: Date, supersedes: String?,
        stage: Int, answers: ReviewAnswers, messageKey: String?, written: Date?
    ) {
        self.reference = reference
        self.reviewer = reviewer
        self.reviewerName = reviewerName
        self.number = number
        self.received = received
        self.supersedes = supersedes
        self.stage = stage
        self.answers = answers
        self.messageKey = messageKey
        self.written = written
    }

    /// A reviewer's review that counts: the one written last, by the reply's Date; of two written at the
    /// same time (or without a Date), the one that arrived last. So an older copy arriving late never
    /// replaces a newer review.
    public static func current(_ reviews: [StoredReview]) -> StoredReview? {
        reviews.max { ($0.written ?? $0.received, $0.number) < ($1.written ?? $1.received, $1.number) }
    }
}

/// A submission folder's review files as peer review keeps them, for whoever reads them (the review desk,
/// the feedback): `reviews/assignments.json` and `reviews/review-<reviewer>-<n>.json`.
public enum ReviewFiles {
    public static let folderName = AssignmentRecord.folderName

    /// The submission's assignments; none when it has no file yet.
    public static func assignments(in folder: String) -> [AssignmentRecord] { AssignmentRecord.load(folder: folder) }

    /// Every review stored for the submission, all reviewers and versions.
    public static func storedReviews(in folder: String) -> [StoredReview] {
        let reviews = "\(folder)/\(folderName)"
        return FileSystem.list(reviews).filter { $0.hasPrefix("review-") && $0.hasSuffix(".json") }.compactMap { name in
            FileSystem.read("\(reviews)/\(name)").flatMap { try? JSONFiles.decoder.decode(StoredReview.self, from: $0) }
        }
    }

    /// The review that counts from each reviewer whose assignment is received, in assignment order
    /// (Reviewer A, B, …).
    public static func currentReviews(in folder: String) -> [ReviewAnswers] {
        currentStoredReviews(in: folder).map(\.answers)
    }

    /// The same reviews whole (reviewer, number, answers); `assignments` when the caller has read them already.
    public static func currentStoredReviews(in folder: String, assignments: [AssignmentRecord]? = nil)
        -> [StoredReview]
    {
        let stored = storedReviews(in: folder)
        return (assignments ?? self.assignments(in: folder)).filter { $0.status == .received }.compactMap {
            assignment in StoredReview.current(stored.filter { $0.reviewer == assignment.reviewer })
        }
    }
}
