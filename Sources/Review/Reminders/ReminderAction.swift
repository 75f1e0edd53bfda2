import Archive

/// One thing the daily pass should do about one assignment.
public enum ReminderAction: Sendable, Equatable {
    /// Remind the reviewer that the review is due soon.
    case dueSoon(AssignmentRecord)
    /// Remind the reviewer that the review is overdue.
    case overdue(AssignmentRecord)
    /// Tell the coordinators the review is long overdue.
    case tellCoordinators(AssignmentRecord)

    /// The assignment the action is about.
    public var record: AssignmentRecord {
        switch self {
        case .dueSoon(let record), .overdue(let record), .tellCoordinators(let record): record
        }
    }

    /// Whether the action is a message to the reviewer (and so counts towards one reminder a day).
    public var remindsReviewer: Bool {
        if case .tellCoordinators = self { return false }
        return true
    }
}
