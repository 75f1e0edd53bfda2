import Archive
import Foundation
import Review
import Testing

@Suite struct AssignmentRecordTests {
    @Test func tokensAreTwelveBase32CharactersAndDoNotRepeat() {
        let tokens = (0..<2000).map { _ in AssignmentRecord.newToken() }
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        #expect(tokens.allSatisfy { $0.count == 12 && $0.allSatisfy(alphabet.contains) })
        #expect(Set(tokens).count == tokens.count)
        // Every symbol turns up: the tokens use the whole alphabet, not a slice of it.
        #expect(Set(tokens.joined()) == alphabet)
    }

    @Test func newAssignmentIsOpenAndDueAtTheEndOfTheLondonDay() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July: 21 days later is 22 July.
        let assigned = ISO8601DateFormatter().date(from: "2024-06-30T23:30:00Z")!
        let reviewer = Reviewer(name: "Ann", email: "Ann@Aber.ac.uk")
        let record = AssignmentRecord(
            reference: "TC-2024-07-LJMU", reviewer: reviewer, assigned: assigned, days: 21, reason: "why")
        #expect(record.reviewer == "ann@aber.ac.uk")
        #expect(record.reviewerName == "Ann")
        #expect(record.status == .open)
        #expect(record.remindersSent.isEmpty)
        #expect(!record.coordinatorsToldOverdue)
        #expect(record.due == ISO8601DateFormatter().date(from: "2024-07-22T22:59:59Z"))
    }

    @Test func recordSurvivesAJSONRoundTrip() throws {
        let record = AssignmentRecord(
            reference: "TC-2024-07-LJMU", reviewer: "ann@aber.ac.uk", reviewerName: "Ann", token: "ABCDEFGH2345",
            assigned: Date(timeIntervalSince1970: 1_720_000_000), due: Date(timeIntervalSince1970: 1_722_000_000),
            status: .withdrawn, reason: "r", remindersSent: [Date(timeIntervalSince1970: 1_721_000_000)],
            coordinatorsToldOverdue: true)
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(AssignmentRecord.self, from: data) == record)
        #expect(String(decoding: data, as: UTF8.self).contains("\"withdrawn\""))
    }

    @Test func tallyCountsOpenThisWindowAndLastAssignedButNotWithdrawn() {
        let july = { (day: Int) in UKCalendar.calendar.date(from: DateComponents(year: 2024, month: 7, day: day))! }
        func record(_ reviewer: String, _ day: Int, _ status: AssignmentStatus) -> AssignmentRecord {
            AssignmentRecord(
                reference: "TC-\(day)", reviewer: reviewer, reviewerName: reviewer, assigned: july(day), due: july(28),
                status: status)
        }
        let loads = ReviewerLoad.tally(
            [
                record("Ann@x.ac.uk", 1, .received), record("ann@x.ac.uk", 10, .open), record("ann@x.ac.uk", 12, .open),
                record("ann@x.ac.uk", 20, .withdrawn), record("bob@x.ac.uk", 3, .withdrawn),
            ], windowStart: july(5))
        #expect(loads["ann@x.ac.uk"] == ReviewerLoad(open: 2, thisWindow: 2, lastAssigned: july(12)))
        #expect(loads["bob@x.ac.uk"] == nil)
    }
}
