import Archive
import Foundation

/// Decides, for the daily pass, which reminders go out and when the coordinators hear of an overdue review.
///
/// Days are London calendar days (`UKCalendar`). For each open assignment, with D its due day:
/// - **due soon**: once, from `daysBefore` days before D up to and including D (later days catch up a missed
///   pass), but never on the day it was assigned — the assignment email already gives the due date;
/// - **overdue**: once, from D + 1 (or the first pass after it);
/// - **tell coordinators**: once, from D + `overdueNotifyDays`.
/// A reminder in `remindersSent` dated on or before D counts as the due-soon one, after D as the overdue one.
///
/// One reminder a reviewer a day: all the reminders one pass returns for a reviewer are meant to go out as
/// **one** message (see `reviewerMessages(_:)`); a reviewer already reminded today, about any assignment, gets
/// nothing more until tomorrow (the reminders wait, they are not lost).
public enum ReminderPlanner {
    /// What the daily pass should do at `now`: reminders grouped by reviewer (address, then due date, then
    /// reference), then the coordinator notices by reference. Pure: uses only its inputs.
    public static func plan(assignments: [AssignmentRecord], now: Date, policy: ReminderPolicy) -> [ReminderAction] {
        let today = UKCalendar.dayNumber(of: now)
        let remindedToday = Set(
            assignments.filter { $0.remindersSent.contains { UKCalendar.dayNumber(of: $0) == today } }
                .map { $0.reviewer.lowercased() })

        var reminders: [ReminderAction] = []
        var notices: [ReminderAction] = []
        for record in assignments where record.status == .open {
            let dueDay = UKCalendar.dayNumber(of: record.due)
            let sentDays = record.remindersSent.map(UKCalendar.dayNumber(of:))
            let untilDue = dueDay - today

            if today - dueDay >= policy.overdueNotifyDays && !record.coordinatorsToldOverdue {
                notices.append(.tellCoordinators(record))
            }
            guard !remindedToday.contains(record.reviewer.lowercased()) else { continue }
            if untilDue < 0 {
                if !sentDays.contains(where: { $0 > dueDay }) { reminders.append(.overdue(record)) }
            } else if untilDue <= policy.daysBefore, today > UKCalendar.dayNumber(of: record.assigned),
                !sentDays.contains(where: { $0 <= dueDay })
            {
                reminders.append(.dueSoon(record))
            }
        }
        reminders.sort { a, b in
            let (x, y) = (a.record, b.record)
            if x.reviewer.lowercased() != y.reviewer.lowercased() {
                return x.reviewer.lowercased() < y.reviewer.lowercased()
            }
            if x.due != y.due { return x.due < y.due }
            return x.reference < y.reference
        }
        notices.sort { $0.record.reference < $1.record.reference }
        return reminders + notices
    }

    /// The reminders of one plan gathered into one message per reviewer (address order), each listing its
    /// actions in plan order; coordinator notices are left out.
    public static func reviewerMessages(_ actions: [ReminderAction]) -> [ReviewerReminder] {
        var messages: [ReviewerReminder] = []
        for action in actions where action.remindsReviewer {
            let reviewer = action.record.reviewer.lowercased()
            if let index = messages.firstIndex(where: { $0.reviewer == reviewer }) {
                messages[index].actions.append(action)
            } else {
                messages.append(ReviewerReminder(reviewer: reviewer, actions: [action]))
            }
        }
        return messages.sorted { $0.reviewer < $1.reviewer }
    }
}
