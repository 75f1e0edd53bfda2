import Foundation

/// Where one reviewer's part in one submission stands, as a coordinator reads it.
public enum ReviewerState: String, Sendable, Codable {
    /// The request went out and the review is not yet due.
    case sent
    /// The request went out and the due date has passed without a review.
    case overdue
    /// A valid review came back.
    case received
    /// The assignment was taken off the reviewer.
    case withdrawn

    /// The word the status table and index use: `in` for a received review.
    public var label: String {
        switch self {
        case .sent: "sent"
        case .overdue: "overdue"
        case .received: "in"
        case .withdrawn: "withdrawn"
        }
    }
}

/// One reviewer on one submission.
public struct ReviewerStatus: Sendable, Equatable {
    /// The reviewer's address.
    public var reviewer: String
    public var state: ReviewerState
    /// The end of the London day by which the review is due.
    public var due: Date

    public init(reviewer: String, state: ReviewerState, due: Date) {
        self.reviewer = reviewer
        self.state = state
        self.due = due
    }
}

/// One filed submission, as the status table, the index and the summary files show it.
public struct SubmissionSummary: Sendable, Equatable {
    public var reference: String
    /// The institution's name; nil for an unidentified submission.
    public var institution: String?
    /// `1`, `2`, `3`, or `?` when the pre-screen did not recognise the form.
    public var stage: String
    /// When the email arrived.
    public var received: Date
    /// The submission period (from the title, or the arrival month).
    public var year: Int
    public var month: Int
    /// The submission window it belongs to: `2025-01` (August to January) or `2025-07` (February to July).
    public var window: String
    /// The pre-screen's verdict: `ok`, `attention` or `missing`; nil when no text could be read.
    public var prescreen: String?
    public var reviewers: [ReviewerStatus]
    /// `none`, `draft` or `sent`.
    public var feedback: String
    /// The submission folder, absolute.
    public var folder: String
    /// The submission folder from the archive root, e.g. `Liverpool John Moores University/2024/07-July/TC-2024-07-LJMU`.
    public var relativeFolder: String
    /// The files a coordinator opens, relative to the folder, those that exist: the PDFs, `prescreen.txt`,
    /// `reviews/review-*.txt`, `feedback.txt`, `feedback.pdf`.
    public var files: [String]

    public init(
        reference: String, institution: String?, stage: String, received: Date, year: Int, month: Int,
        window: String, prescreen: String?, reviewers: [ReviewerStatus], feedback: String, folder: String,
        relativeFolder: String, files: [String]
    ) {
        self.reference = reference
        self.institution = institution
        self.stage = stage
        self.received = received
        self.year = year
        self.month = month
        self.window = window
        self.prescreen = prescreen
        self.reviewers = reviewers
        self.feedback = feedback
        self.folder = folder
        self.relativeFolder = relativeFolder
        self.files = files
    }
}

extension SubmissionSummary {
    /// The first folder under the archive root: the institution's (or `_Unidentified`).
    public var topFolder: String { relativeFolder.split(separator: "/").first.map(String.init) ?? "" }

    /// The institution's name, or `(unidentified)`.
    public var institutionLabel: String { institution ?? "(unidentified)" }

    /// Each reviewer and state, `ada@x: in, ben@y: overdue`, or `-` when none is assigned.
    public var reviewersText: String {
        reviewers.isEmpty ? "-" : reviewers.map { "\($0.reviewer): \($0.state.label)" }.joined(separator: ", ")
    }

    /// The PDFs among `files`.
    var pdfFiles: [String] {
        files.filter { !$0.hasPrefix("reviews/") && !$0.hasPrefix("feedback.") && $0 != "prescreen.txt" }
    }
    /// The readable reviews among `files`.
    var reviewFiles: [String] { files.filter { $0.hasPrefix("reviews/") } }
    /// `feedback.txt` and `feedback.pdf`, those that exist.
    var feedbackFiles: [String] { files.filter { $0 == "feedback.txt" || $0 == "feedback.pdf" } }
}

/// A filed file that is gone or no longer matches its recorded size and SHA-256.
public struct VerifyProblem: Sendable, Equatable {
    public var reference: String
    /// The file's path from the archive root.
    public var file: String
    /// `missing` or `altered`.
    public var kind: String
    public var detail: String

    public init(reference: String, file: String, kind: String, detail: String) {
        self.reference = reference
        self.file = file
        self.kind = kind
        self.detail = detail
    }
}
