import Archive
import Foundation
import Review
import Service

extension ReviewDesk {
    /// Runs the reminder pass once per calendar day (London): the first call on a new day does it.
    @discardableResult
    public func remindIfNewDay(now: Date) throws -> Int {
        try context.oncePerDay("reminders", now: now) { try remind(now: now) }
    }

    /// Sends what the reminder planner asks for at `now`, one email per reviewer whatever the number of
    /// reviews it is about, and records it on each assignment; returns how many emails were queued.
    func remind(now: Date) throws -> Int {
        let all = store.allAssignments()
        let folders = Dictionary(all.map { ($0.assignment.token, $0.folder) }, uniquingKeysWith: { first, _ in first })
        let actions = ReminderPlanner.plan(assignments: all.map(\.assignment), now: now, policy: policy)
        let day = UKCalendar.dayString(now).replacingOccurrences(of: "-", with: "")
        let letters = ReviewLetters(letters: context.letters(now: now))
        var queued = 0
        for message in ReminderPlanner.reviewerMessages(actions) {
            let items = message.actions.map { action -> (AssignmentRecord, Bool) in
                if case .overdue = action { return (action.record, true) }
                return (action.record, false)
            }
            guard let first = items.first?.0 else { continue }
            // Queued first, then recorded: a crash in between queues nothing twice (the id is fixed for the
            // day) and loses no reminder.
            try context.enqueue(
                letters.reminder(items: items, day: day),
                id: "\(first.reference)-reminder-\(first.tag)-\(day)", reference: first.reference)
            for (assignment, _) in items { try record(assignment, in: folders) { $0.remindersSent.append(now) } }
            for (assignment, overdue) in items {
                context.log.record(
                    overdue ? "reminder-overdue" : "reminder", reference: assignment.reference,
                    "\(assignment.reference): \(overdue ? "overdue notice" : "reminder") to \(assignment.reviewer)")
            }
            queued += 1
        }
        for case .tellCoordinators(let assignment) in actions {
            let days = UKCalendar.days(from: assignment.due, to: now)
            try context.enqueue(
                letters.coordinatorNotice(
                    reference: assignment.reference, kind: "overdue.\(assignment.tag)", subject: "Review overdue",
                    action:
                        "A review is \(days) days overdue. You may want to contact the reviewer, send a reminder now, or give the review to someone else.",
                    facts: [
                        ("Reference", assignment.reference),
                        ("Reviewer", "\(assignment.reviewerName) <\(assignment.reviewer)>"),
                        ("Due", ReviewLetters.date(assignment.due)),
                        ("Reminders", "\(assignment.remindersSent.count) sent"),
                    ], coordinators: context.coordinators),
                id: "\(assignment.reference)-overdue-coordinators-\(assignment.tag)", reference: assignment.reference)
            try record(assignment, in: folders) { $0.coordinatorsToldOverdue = true }
            queued += 1
        }
        return queued
    }

    /// Changes one stored assignment and saves its submission's assignments; returns it as saved.
    @discardableResult
    private func record(
        _ assignment: AssignmentRecord, in folders: [String: String], _ change: (inout AssignmentRecord) -> Void
    ) throws -> AssignmentRecord? {
        guard let folder = folders[assignment.token] else { return nil }
        var records = store.assignments(in: folder)
        guard let index = records.firstIndex(where: { $0.token == assignment.token }) else { return nil }
        change(&records[index])
        try store.save(records, in: folder)
        return records[index]
    }
}
