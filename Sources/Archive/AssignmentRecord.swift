import Foundation

/// Where one reviewer's assignment to one submission stands.
public enum AssignmentStatus: String, Sendable, Codable {
    /// Waiting for the reviewer's scored rubric.
    case open
    /// A valid review came back.
    case received
    /// Taken off the reviewer (after `tcreview reassign`).
    case withdrawn
}

/// One reviewer on one submission: an entry of the submission's `reviews/assignments.json`.
public struct AssignmentRecord: Sendable, Codable, Equatable {
    /// The submission, e.g. `TC-2024-07-LJMU`.
    public var reference: String
    /// The reviewer's primary address.
    public var reviewer: String
    public var reviewerName: String
    /// Random and unguessable; carried in the subject so a reply can be matched to this assignment.
    public var token: String
    public var assigned: Date
    /// The review is due by the end of this date's London calendar day.
    public var due: Date
    public var status: AssignmentStatus
    /// Why this reviewer was chosen, for the record.
    public var reason: String
    /// When reminders about this assignment went out (due-soon and overdue alike).
    public var remindersSent: [Date]
    public var coordinatorsToldOverdue: Bool

    public init(
        reference: String, reviewer: String, reviewerName: String, token: String = AssignmentRecord.newToken(),
        assigned: Date, due: Date, status: AssignmentStatus = .open, reason: String = "",
        remindersSent: [Date] = [], coordinatorsToldOverdue: Bool = false
    ) {
        self.reference = reference
        self.reviewer = reviewer.lowercased()
        self.reviewerName = reviewerName
        self.token = token
        self.assigned = assigned
        self.due = due
        self.status = status
        self.reason = reason
        self.remindersSent = remindersSent
        self.coordinatorsToldOverdue = coordinatorsToldOverdue
    }

    /// The RFC 4648 base32 alphabet: no 0, 1, 8 or 9 to be misread as O, I, B or g.
    static let tokenAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// Twelve base32 characters (60 bits) from the system's cryptographic random source, e.g. `K7QX2MZB4TWA`.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in tokenAlphabet[Int(generator.next(upperBound: UInt8(32)))] })
    }
}

extension AssignmentRecord {
    /// The folder in a submission folder that holds its assignments and reviews.
    public static let folderName = "reviews"
    /// The assignments' file in that folder.
    public static let fileName = "assignments.json"

    /// The assignments of the submission in `folder`; none when it has no file yet.
    public static func load(folder: String) -> [AssignmentRecord] {
        guard let data = FileSystem.read("\(folder)/\(folderName)/\(fileName)") else { return [] }
        return (try? JSONFiles.decoder.decode([AssignmentRecord].self, from: data)) ?? []
    }
}
