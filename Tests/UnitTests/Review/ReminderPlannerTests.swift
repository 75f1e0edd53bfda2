import Archive
import Foundation
import Review
import Testing

/// `hour:minute` London time on a day of 2024.
private func london(_ month: Int, _ day: Int, _ hour: Int = 8, _ minute: Int = 0) -> Date {
    UKCalendar.calendar.date(from: DateComponents(year: 2024, month: month, day: day, hour: hour, minute: minute))!
}

/// An open assignment of `reviewer` made on `assigned`, due at the end of the London day `due`.
private func assignment(
    _ reference: String, reviewer: String = "ann@aber.ac.uk", assigned: Date = london(11, 1),
    due: Date, reminders: [Date] = [], status: AssignmentStatus = .open, told: Bool = false
) -> AssignmentRecord {
    AssignmentRecord(
        reference: reference, reviewer: reviewer, reviewerName: "R", token: "TOKEN", assigned: assigned,
        due: UKCalendar.endOfDay(0, after: due), status: status, remindersSent: reminders,
        coordinatorsToldOverdue: told)
}

private func plan(_ records: [AssignmentRecord], at now: Date, _ policy: ReminderPolicy = ReminderPolicy())
    -> [ReminderAction]
{
    ReminderPlanner.plan(assignments: records, now: now, policy: policy)
}

@Suite struct ReminderPlannerTests {
    @Test func defaultsAreThreeDaysBeforeAndSevenDaysOverdue() {
        #expect(ReminderPolicy() == ReminderPolicy(daysBefore: 3, overdueNotifyDays: 7))
    }

    @Test func dueSoonGoesOutDaysBeforeTheDueDateAndNotEarlier() {
        let record = assignment("TC-1", due: london(11, 20))
        #expect(plan([record], at: london(11, 16, 23, 59)).isEmpty)
        #expect(plan([record], at: london(11, 17, 0, 1)) == [.dueSoon(record)])
    }

    @Test func daysAreLondonDaysNotUTCDays() {
        // 00:30 BST on 17 July is 23:30 UTC on 16 July: in London it is already three days before the 20th.
        let record = assignment("TC-1", assigned: london(7, 1), due: london(7, 20))
        #expect(plan([record], at: london(7, 17, 0, 30)) == [.dueSoon(record)])
        #expect(plan([record], at: london(7, 16, 23, 30)).isEmpty)
    }

    @Test func missedPassCatchesUpWhileNotYetOverdue() {
        let record = assignment("TC-1", due: london(11, 20))
        #expect(plan([record], at: london(11, 19)) == [.dueSoon(record)])
        #expect(plan([record], at: london(11, 20, 23)) == [.dueSoon(record)])
    }

    @Test func dueSoonIsSentOnlyOnce() {
        let record = assignment("TC-1", due: london(11, 20), reminders: [london(11, 17)])
        #expect(plan([record], at: london(11, 18)).isEmpty)
        #expect(plan([record], at: london(11, 20)).isEmpty)
    }

    @Test func noDueSoonOnTheDayOfAssignmentButTheNextDay() {
        let record = assignment("TC-1", assigned: london(11, 18, 9), due: london(11, 20))
        #expect(plan([record], at: london(11, 18, 17)).isEmpty)
        #expect(plan([record], at: london(11, 19)) == [.dueSoon(record)])
    }

    @Test func overdueGoesOutTheDayAfterTheDueDateOnce() {
        let record = assignment("TC-1", due: london(11, 20), reminders: [london(11, 17)])
        #expect(plan([record], at: london(11, 20, 23, 59)).isEmpty)
        #expect(plan([record], at: london(11, 21, 0, 1)) == [.overdue(record)])
        var sent = record
        sent.remindersSent.append(london(11, 21))
        #expect(plan([sent], at: london(11, 22)).isEmpty)
    }

    @Test func passMissedUntilAfterTheDueDateSendsOnlyTheOverdueReminder() {
        let record = assignment("TC-1", due: london(11, 20))
        #expect(plan([record], at: london(11, 23)) == [.overdue(record)])
    }

    @Test func coordinatorsAreToldOnTheSeventhDayOverdueOnce() {
        let record = assignment("TC-1", due: london(11, 20), reminders: [london(11, 17), london(11, 21)])
        #expect(plan([record], at: london(11, 26, 23)).isEmpty)
        #expect(plan([record], at: london(11, 27)) == [.tellCoordinators(record)])
        var told = record
        told.coordinatorsToldOverdue = true
        #expect(plan([told], at: london(11, 28)).isEmpty)
    }

    @Test func policyDaysAreHonoured() {
        let record = assignment("TC-1", due: london(11, 20))
        let policy = ReminderPolicy(daysBefore: 5, overdueNotifyDays: 2)
        #expect(plan([record], at: london(11, 14), policy).isEmpty)
        #expect(plan([record], at: london(11, 15), policy) == [.dueSoon(record)])
        let overdue = assignment("TC-1", due: london(11, 20), reminders: [london(11, 15), london(11, 21)])
        #expect(plan([overdue], at: london(11, 21), policy).isEmpty)
        #expect(plan([overdue], at: london(11, 22), policy) == [.tellCoordinators(overdue)])
    }

    @Test(arguments: [AssignmentStatus.received, .withdrawn])
    func onlyOpenAssignmentsAreChased(status: AssignmentStatus) {
        let record = assignment("TC-1", due: london(11, 20), status: status)
        for day in 15...30 {
            #expect(plan([record], at: london(11, day)).isEmpty)
        }
    }

    @Test func aReviewerRemindedTodayGetsNothingMoreUntilTomorrow() {
        // An earlier pass today reminded Ann about TC-1 (since received); TC-2 waits until tomorrow.
        let earlier = assignment("TC-1", due: london(11, 18), reminders: [london(11, 17, 7)], status: .received)
        let waiting = assignment("TC-2", due: london(11, 19))
        let other = assignment("TC-3", reviewer: "bob@bris.ac.uk", due: london(11, 19))
        #expect(plan([earlier, waiting, other], at: london(11, 17, 19)) == [.dueSoon(other)])
        #expect(plan([earlier, waiting, other], at: london(11, 18, 7)) == [.dueSoon(waiting), .dueSoon(other)])
    }

    @Test func coordinatorNoticesAreNotHeldBackByTheDailyLimit() {
        let record = assignment("TC-1", due: london(11, 10), reminders: [london(11, 7), london(11, 17, 7)])
        #expect(plan([record], at: london(11, 17, 19)) == [.tellCoordinators(record)])
    }

    @Test func oneMessagePerReviewerGroupsTheirReminders() {
        let a = assignment("TC-A", due: london(11, 20))
        let b = assignment("TC-B", due: london(11, 19))
        let c = assignment("TC-C", reviewer: "bob@bris.ac.uk", due: london(11, 20))
        let old = assignment("TC-D", due: london(11, 1), reminders: [london(10, 29), london(11, 2)])
        let actions = plan([a, c, b, old], at: london(11, 17))
        #expect(actions == [.dueSoon(b), .dueSoon(a), .dueSoon(c), .tellCoordinators(old)])
        let messages = ReminderPlanner.reviewerMessages(actions)
        #expect(messages.map(\.reviewer) == ["ann@aber.ac.uk", "bob@bris.ac.uk"])
        #expect(messages.first?.actions == [.dueSoon(b), .dueSoon(a)])
    }

    @Test func inputOrderDoesNotChangeThePlan() {
        let records = [
            assignment("TC-A", due: london(11, 20)), assignment("TC-B", reviewer: "bob@x.ac.uk", due: london(11, 18)),
            assignment("TC-C", reviewer: "cat@x.ac.uk", due: london(11, 5)),
            assignment("TC-D", reviewer: "dan@x.ac.uk", due: london(11, 1)),
        ]
        let expected = plan(records, at: london(11, 17))
        #expect(expected.count == 6)
        #expect(plan(records.reversed(), at: london(11, 17)) == expected)
    }
}
