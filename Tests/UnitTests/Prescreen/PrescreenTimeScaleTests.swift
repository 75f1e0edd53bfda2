import Testing

@testable import Prescreen

/// What counts as an action's time scale.
@Suite struct PrescreenTimeScaleTests {
    @Test(arguments: [
        "July 2026", "Jul-26", "Sept '25", "Q3 2025", "by July 2026", "12 months", "6-12 months", "2025-26",
        "2025/2026",
        "Year 2", "Semester 1", "Spring 2025", "Short term", "31/07/2025", "2026", "end of 2025",
    ])
    func datedCells(_ cell: String) {
        #expect(TimeScale.cell(cell) == .dated)
    }

    @Test func ongoingAndCompleteAreTheirOwnKinds() {
        #expect(TimeScale.cell("Ongoing") == .ongoing)
        #expect(TimeScale.cell("annually") == .ongoing)
        #expect(TimeScale.cell("Complete") == .complete)
        #expect(TimeScale.last(in: "Publish reporting structures - complete")?.kind == .complete)
    }

    @Test(arguments: [
        "Technician network", "Publish a framework for 20 technicians", "24-month action plan",
        "Complete the survey of staff",
    ])
    func otherTextIsNoTimeScale(_ cell: String) {
        #expect(TimeScale.cell(cell) == nil)
    }

    @Test func theLastTimeScaleInProseIsFound() throws {
        let text = "Launch the network in Q1 2025 and review it by July 2026"
        let found = try #require(TimeScale.last(in: text))
        #expect(text.text(found.range) == "by July 2026")
    }
}
