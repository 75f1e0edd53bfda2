import Archive
import Foundation

extension AssignmentRecord {
    /// A new open assignment of `reviewer` made at `assigned`, due at the end of the London day `days` calendar
    /// days later, with a fresh token.
    public init(reference: String, reviewer: Reviewer, assigned: Date, days: Int, reason: String) {
        self.init(
            reference: reference, reviewer: reviewer.email, reviewerName: reviewer.name, assigned: assigned,
            due: UKCalendar.endOfDay(days, after: assigned), reason: reason)
    }
}
