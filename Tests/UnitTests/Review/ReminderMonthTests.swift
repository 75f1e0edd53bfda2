import Archive
import Foundation
import Review
import Testing

/// `hour:minute` London time on a day of 2024.
private func london(_ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    UKCalendar.calendar.date(from: DateComponents(year: 2024, month: month, day: day, hour: hour, minute: minute))!
}

/// What the daily pass did on one run, as the service would have sent it.
private struct Sent: Equatable {
    var day: String
    var reviewer: String
    var kind: String
    var reference: String
}

/// Runs the pass twice a day (07:00 and 19:00 London) for `days` days from `start`, applying each plan as the
/// service does: reminders appended to `remindersSent`, notices flagged, and `receive` marking reviews that came
/// back (reference → London time received).
private func simulate(
    _ records: inout [AssignmentRecord], from start: Date, days: Int, receive: [String: Date] = [:],
    policy: ReminderPolicy = ReminderPolicy()
) -> (actions: [Sent], messages: [Sent]) {
    var actions: [Sent] = []
    var messages: [Sent] = []
    for offset in 0..<days {
        let day = UKCalendar.calendar.date(byAdding: .day, value: offset, to: start)!
        for hour in [7, 19] {
            let now = UKCalendar.calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day)!
            for index in records.indices where receive[records[index].reference].map({ $0 <= now }) ?? false {
                records[index].status = .received
            }
            let plan = ReminderPlanner.plan(assignments: records, now: now, policy: policy)
            for message in ReminderPlanner.reviewerMessages(plan) {
                messages.append(
                    Sent(day: UKCalendar.dayString(now), reviewer: message.reviewer, kind: "message", reference: ""))
            }
            for action in plan {
                let record = action.record
                guard let index = records.firstIndex(where: { $0.token == record.token }) else { continue }
                let kind: String
                switch action {
                case .dueSoon: kind = "due soon"; records[index].remindersSent.append(now)
                case .overdue: kind = "overdue"; records[index].remindersSent.append(now)
                case .tellCoordinators: kind = "coordinators"; records[index].coordinatorsToldOverdue = true
                }
                actions.append(
                    Sent(
                        day: UKCalendar.dayString(now), reviewer: record.reviewer, kind: kind,
                        reference: record.reference))
            }
        }
    }
    return (actions, messages)
}

/// An open assignment made at `assigned`, due at the end of the London day `days` later.
private func assignment(_ reference: String, _ reviewer: String, assigned: Date, days: Int) -> AssignmentRecord {
    var record = AssignmentRecord(
        reference: reference, reviewer: Reviewer(name: reviewer, email: "\(reviewer)@example.ac.uk"),
        assigned: assigned, days: days, reason: "test")
    record.token = reference + "-" + reviewer
    return record
}

@Suite struct ReminderMonthTests {
    /// Assigned 14 October, 21 days to review: due 4 November, after the clocks go back on 27 October.
    @Test func aReviewNeverSentBackGetsOneReminderOfEachKindAndOneNotice() {
        var records = [assignment("TC-2024-07-LJMU", "ann", assigned: london(10, 14, 9), days: 21)]
        let (actions, _) = simulate(&records, from: london(10, 14), days: 31)
        #expect(
            actions == [
                Sent(day: "2024-11-01", reviewer: "ann@example.ac.uk", kind: "due soon", reference: "TC-2024-07-LJMU"),
                Sent(day: "2024-11-05", reviewer: "ann@example.ac.uk", kind: "overdue", reference: "TC-2024-07-LJMU"),
                Sent(
                    day: "2024-11-11", reviewer: "ann@example.ac.uk", kind: "coordinators", reference: "TC-2024-07-LJMU"
                ),
            ])
        #expect(records[0].remindersSent.count == 2)
        #expect(records[0].coordinatorsToldOverdue)
    }

    @Test func nothingAfterTheReviewIsReceived() {
        var records = [assignment("TC-1", "ann", assigned: london(10, 14, 9), days: 21)]
        // Received on the afternoon of the due date, after the due-soon reminder.
        let (actions, _) = simulate(&records, from: london(10, 14), days: 31, receive: ["TC-1": london(11, 4, 15)])
        #expect(actions.map(\.kind) == ["due soon"])
        #expect(actions.map(\.day) == ["2024-11-01"])
    }

    @Test func receivedEarlyMeansNoReminderAtAll() {
        var records = [assignment("TC-1", "ann", assigned: london(10, 14, 9), days: 21)]
        let (actions, _) = simulate(&records, from: london(10, 14), days: 31, receive: ["TC-1": london(10, 30, 12)])
        #expect(actions.isEmpty)
    }

    /// Three of Ann's assignments fall due the same day and a fourth the day after; Bob has one due the same day.
    @Test func neverTwoMessagesToOneReviewerOnOneDayEvenWithThreeDueTogether() {
        var records = [
            assignment("TC-A", "ann", assigned: london(10, 14, 9), days: 21),
            assignment("TC-B", "ann", assigned: london(10, 14, 10), days: 21),
            assignment("TC-C", "ann", assigned: london(10, 14, 11), days: 21),
            assignment("TC-D", "ann", assigned: london(10, 15, 9), days: 21),
            assignment("TC-E", "bob", assigned: london(10, 14, 9), days: 21),
        ]
        let (actions, messages) = simulate(&records, from: london(10, 14), days: 31)

        let perReviewerDay = Dictionary(grouping: messages, by: { "\($0.reviewer) \($0.day)" })
        #expect(perReviewerDay.values.allSatisfy { $0.count == 1 }, "\(messages)")
        // Each assignment still gets exactly one reminder of each kind, and the coordinators hear once of each.
        for record in records {
            let mine = actions.filter { $0.reference == record.reference }
            #expect(mine.filter { $0.kind == "due soon" }.count == 1, "\(record.reference): \(mine)")
            #expect(mine.filter { $0.kind == "overdue" }.count == 1, "\(record.reference): \(mine)")
            #expect(mine.filter { $0.kind == "coordinators" }.count == 1, "\(record.reference): \(mine)")
        }
        // Ann's three due together share one message on 1 November; TC-D's comes the next day.
        #expect(actions.filter { $0.day == "2024-11-01" && $0.reviewer == "ann@example.ac.uk" }.count == 3)
        #expect(
            messages.filter { $0.reviewer == "ann@example.ac.uk" }.map(\.day) == [
                "2024-11-01", "2024-11-02", "2024-11-05", "2024-11-06",
            ])
    }

    @Test func noReminderIsSentTwiceInADayWhenThePassRunsTwice() {
        var records = [assignment("TC-1", "ann", assigned: london(10, 14, 9), days: 21)]
        let (actions, _) = simulate(&records, from: london(10, 14), days: 31)
        let days = actions.filter { $0.kind != "coordinators" }.map(\.day)
        #expect(Set(days).count == days.count)
        #expect(records[0].remindersSent.allSatisfy { UKCalendar.calendar.component(.hour, from: $0) == 7 })
    }
}
