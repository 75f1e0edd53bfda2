import ArchiveView
import Configuration
import Deadlines
import Foundation
import Testing

@Suite struct ArchiveViewDeadlinesTests {
    @Test(arguments: [
        ("2023-05", 2024, 7),  // 14 months: May to November 2024 holds the end of July
        ("2023-09", 2025, 1),  // 16 months
        ("2023-01", 2024, 1),  // 12 months, the first of two windows that fit
        ("2023-07", 2024, 7),  // 12 months
        ("2023-12", 2025, 1),  // 13 months
        ("2023-02", 2024, 7),  // 17 months; January 2024 is only 11
        ("2023-08", 2025, 1),  // 17 months; July 2024 is only 11
    ])
    func stageOneIsTheFirstWindowClosing12To18MonthsAfterJoining(joined: String, year: Int, month: Int) throws {
        let parts = joined.split(separator: "-").compactMap { Int($0) }
        let window = Deadlines.stageOneWindow(joinedYear: parts[0], joinedMonth: parts[1])
        #expect(window.year == year && window.month == month)
    }

    @Test func windowsCloseAtTheEndOfTheLastLondonDay() {
        #expect(Deadlines.closing(year: 2024, month: 7) == date("2024-07-31T22:59:59Z"))  // BST
        #expect(Deadlines.closing(year: 2025, month: 1) == date("2025-01-31T23:59:59Z"))  // GMT
    }

    func summary(_ reference: String, _ institution: String, year: Int, month: Int, stage: String = "1")
        -> SubmissionSummary
    {
        SubmissionSummary(
            reference: reference, institution: institution, stage: stage,
            received: date(String(format: "%04d-%02d-20T10:00:00Z", year, month)), year: year, month: month,
            window: ArchiveScanner.window(year: year, month: month), prescreen: "ok", reviewers: [], feedback: "none",
            folder: "/archive/\(reference)", relativeFolder: reference, files: [])
    }

    /// On 10 March 2025: the window closing end of July 2025 is open; a year ahead reaches March 2026.
    @Test func sentLateDueAndUpcomingOnAFixedClock() {
        let now = date("2025-03-10T12:00:00Z")
        let institutions = [
            Institution(name: "Alder", short: "ALD", joined: "2023-05"),  // Stage 1 2024-07, sent on time
            Institution(name: "Birch", short: "BIR", joined: "2023-05"),  // Stage 1 2024-07, nothing: late
            Institution(name: "Cedar", short: "CED", joined: "2023-05"),  // 2024-07, sent in 2025-01: late but sent
            Institution(name: "Damson", short: "DAM", joined: "2024-03"),  // Stage 1 2025-07: due now
            Institution(name: "Elm", short: "ELM", joined: "2024-09"),  // Stage 1 2026-01: upcoming
            Institution(name: "Fir", short: "FIR", joined: "2025-03"),  // Stage 1 2026-07: beyond a year
            Institution(name: "Gorse", short: "GOR", joined: "2020-05"),  // 2021-07 sent, Stage 2 2024-07 late
            Institution(name: "Hazel", short: "HAZ"),  // no joined date
            Institution(name: "Ivy", short: "IVY", joined: "2023-09"),  // Stage 1 2025-01, sent early (Stage 1 form)
            Institution(name: "Juniper", short: "JUN", joined: "2023-09"),  // 2025-01; early, form not recognised
            Institution(name: "Kauri", short: "KAU", joined: "2023-09"),  // 2025-01; one sent before joining
        ]
        let summaries = [
            summary("TC-2024-07-ALD", "Alder", year: 2024, month: 7),
            summary("TC-2024-10-CED", "Cedar", year: 2024, month: 10),
            summary("TC-2021-07-GOR", "Gorse", year: 2021, month: 7),
            summary("TC-2024-06-IVY", "Ivy", year: 2024, month: 6),
            summary("TC-2024-06-JUN", "Juniper", year: 2024, month: 6, stage: "?"),
            summary("TC-2024-07-HAZ", "Hazel", year: 2024, month: 7),
            summary("TC-2023-06-KAU", "Kauri", year: 2023, month: 6),
            summary("TC-2024-07-UNIDENTIFIED-1", "(nobody)", year: 2024, month: 7),
        ]
        let rows = Deadlines.rows(institutions: institutions, summaries: summaries, now: now)
        let table = rows.map { "\($0.window) \($0.institution) \($0.stage) \($0.state) \($0.reference ?? "-")" }
        #expect(
            table == [
                "2021-07 Gorse 1 sent TC-2021-07-GOR",
                "2024-07 Alder 1 sent TC-2024-07-ALD",
                "2024-07 Birch 1 late -",
                "2024-07 Cedar 1 sent TC-2024-10-CED",
                "2024-07 Gorse 2 late -",
                "2025-01 Ivy 1 sent TC-2024-06-IVY",
                "2025-01 Juniper 1 late -",
                "2025-01 Kauri 1 late -",
                "2025-07 Damson 1 due -",
                "2026-01 Elm 1 upcoming -",
            ])
        #expect(rows.first { $0.institution == "Damson" }?.windowCloses == date("2025-07-31T22:59:59Z"))
        #expect(rows.first { $0.institution == "Damson" }?.short == "DAM")
    }

    @Test func aStageIsDueUntilItsWindowClosesThenLate() {
        let institutions = [Institution(name: "Alder", short: "ALD", joined: "2023-05")]
        let before = Deadlines.rows(institutions: institutions, summaries: [], now: date("2024-07-31T22:59:59Z"))
        let after = Deadlines.rows(institutions: institutions, summaries: [], now: date("2024-07-31T23:00:00Z"))
        #expect(before.map(\.state) == ["due"])
        #expect(after.map(\.state) == ["late"])
        // A year and more before, it is not listed; within a year, upcoming.
        #expect(Deadlines.rows(institutions: institutions, summaries: [], now: date("2023-07-01T00:00:00Z")).isEmpty)
        #expect(
            Deadlines.rows(institutions: institutions, summaries: [], now: date("2023-08-15T00:00:00Z")).map(\.state)
                == ["upcoming"])
    }

    @Test func aLateStageCountsASubmissionOnlyBeforeTheNextStagesWindow() {
        // Joined 2020-05: Stage 1 2021-07, Stage 2 2024-07, Stage 3 2027-07.
        let institutions = [Institution(name: "Gorse", short: "GOR", joined: "2020-05")]
        let rows = Deadlines.rows(
            institutions: institutions,
            summaries: [summary("TC-2024-07-GOR", "Gorse", year: 2024, month: 7, stage: "2")],
            now: date("2026-09-01T12:00:00Z"))
        #expect(
            rows.map { "\($0.stage) \($0.state) \($0.reference ?? "-")" } == [
                "1 late -", "2 sent TC-2024-07-GOR", "3 upcoming -",
            ])
    }

    @Test func renderIsAnAlignedTableOrAFriendlyLine() {
        let rows = Deadlines.rows(
            institutions: [
                Institution(name: "Alder", short: "ALD", joined: "2023-05"),
                Institution(name: "Birch Institute", short: "BIR", joined: "2023-09"),
            ], summaries: [], now: date("2024-09-01T12:00:00Z"))
        let lines = Deadlines.render(rows).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("WINDOW") && lines[0].contains("INSTITUTION") && lines[0].contains("STATE"))
        #expect(lines[1].hasPrefix("2024-07  2024-07-31  Alder (ALD)"))
        #expect(lines[1].contains("late"))
        #expect(lines[2].hasPrefix("2025-01  2025-01-31  Birch Institute (BIR)"))
        #expect(lines[2].contains("due"))
        let state = lines[0].utf16Offset(of: "STATE")
        #expect(lines[1].utf16Offset(of: "late") == state && lines[2].utf16Offset(of: "due") == state)
        #expect(Deadlines.render([]).contains("joined"))
    }
}
