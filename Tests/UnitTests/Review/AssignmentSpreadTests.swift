import Archive
import Foundation
import Review
import Testing

@Suite struct AssignmentSpreadTests {
    /// Ten reviewers from five institutions (one with a conflict), the most open at once varying.
    private static let reviewers: [Reviewer] = [
        ("Ann", "ABER", ["recognition"]), ("Bob", "ABER", ["career development"]),
        ("Cat", "BRIS", ["technician voice"]), ("Dan", "BRIS", ["rag"]),
        ("Eve", "LJMU", ["talent"]), ("Fay", "LJMU", ["recognition", "rag"]),
        ("Gus", "CARD", ["career development"]), ("Hal", "CARD", []),
        ("Ivy", "DUND", ["visibility"]), ("Jon", "DUND", ["sustainability"]),
    ].enumerated().map { index, entry in
        Reviewer(
            name: entry.0, email: "\(entry.0.lowercased())@example.ac.uk", institution: entry.1,
            expertise: entry.2, maxOpen: 3 + index % 2, conflicts: entry.0 == "Ivy" ? ["EXET"] : [])
    }

    /// Assigns two reviewers to each of `count` submissions from six institutions in turn (EXET has no
    /// reviewers), with the flagged areas varying; a new window starts every `window` submissions; each review
    /// comes back four submissions later; the load is re-tallied from the records every time, as the service does.
    private static func simulate(
        _ count: Int, window: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [AssignmentRecord] {
        let institutions = ["LJMU", "ABER", "EXET", "BRIS", "CARD", "DUND"]
        let areas = [["career development"], [], ["recognition", "rag"], ["talent"], []]
        let start = UKCalendar.calendar.date(from: DateComponents(year: 2024, month: 1, day: 29, hour: 9))!
        let time = { (number: Int) in start.addingTimeInterval(Double(number) * 3 * 3600) }
        var records: [AssignmentRecord] = []
        for number in 0..<count {
            let institution = institutions[number % institutions.count]
            let reference = "TC-\(number)-\(institution)"
            let choice = Assigner.choose(
                count: 2, institution: institution, wanted: areas[number % areas.count], reviewers: reviewers,
                load: ReviewerLoad.tally(records, windowStart: time(number / window * window)), alreadyAssigned: [])
            #expect(choice.shortfall == 0, "submission \(number): \(choice.excluded)", sourceLocation: sourceLocation)
            for reviewer in choice.reviewers {
                #expect(
                    reviewer.institution != institution, "\(reviewer.name) got \(reference)",
                    sourceLocation: sourceLocation)
                #expect(
                    !reviewer.conflicts.contains(institution), "\(reviewer.name) got \(reference)",
                    sourceLocation: sourceLocation)
                records.append(
                    AssignmentRecord(
                        reference: reference, reviewer: reviewer, assigned: time(number), days: 21,
                        reason: choice.reasons[reviewer.email] ?? ""))
            }
            for index in records.indices where records[index].reference.hasPrefix("TC-\(number - 4)-") {
                records[index].status = .received
            }
        }
        return records
    }

    /// Expects every reviewer's number of `records` to be within one of the mean.
    private static func expectEvenSpread(
        _ records: [AssignmentRecord], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let counts = Dictionary(grouping: records, by: \.reviewer).mapValues(\.count)
        let mean = Double(records.count) / Double(reviewers.count)
        for reviewer in reviewers {
            let count = counts[reviewer.email, default: 0]
            #expect(
                abs(Double(count) - mean) <= 1, "\(reviewer.name): \(count), mean \(mean); all: \(counts)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func sixtySubmissionsInOneWindowSpreadEvenlyAndNeverToTheirOwnInstitution() {
        let records = Self.simulate(60, window: 60)
        #expect(records.count == 120)
        Self.expectEvenSpread(records)
    }

    /// "Fewest this window" restarts with each window, so the spread is even within each window; over both it
    /// may drift by one more per window.
    @Test func twoWindowsOfThirtyEachSpreadEvenlyWithinTheWindow() {
        let records = Self.simulate(60, window: 30)
        #expect(records.count == 120)
        Self.expectEvenSpread(Array(records.prefix(60)))
        Self.expectEvenSpread(Array(records.suffix(60)))
    }
}
