import FollowThrough
import Prescreen
import Testing

/// A Stage 2 form's RAG analysis against the Stage 1 plan it follows, worded as institutions reword their own
/// actions three years on: the matches, the actions left out, and the rows that match nothing, exactly.
@Suite struct FollowThroughTests {
    static func action(_ theme: String, _ activity: String, _ description: String, page: Int = 6) -> ActionPlanRow {
        ActionPlanRow(theme: theme, activity: activity, description: description, timescale: "2022", page: page)
    }

    static let stage1 = [
        action("Visibility", "Technician network", "Launch a university-wide technician network with termly meetings"),
        action("Visibility", "Job descriptions", "Review all technical job descriptions to reflect responsibilities"),
        action(
            "Recognition", "Authorship policy", "Agree a policy on naming technicians as authors on research outputs"),
        action(
            "Recognition", "Annual awards",
            "Create an annual technician excellence award and nominate to external awards"),
        action(
            "Career Development", "Professional registration",
            "Fund registration with the Science Council (RSciTech, RSci)"),
        action("Career Development", "CPD fund", "Ring-fence a training budget for technician CPD"),
        action("Sustainability", "Apprenticeships", "Recruit laboratory apprentices each year"),
        action("Sustainability", "Succession planning", "Map retirements and plan succession for specialist roles"),
    ]

    static let rag = [
        RAGRow(action: "Technician network launched — meets each term, 140 members", status: "green", page: 3),
        RAGRow(action: "Job descriptions reviewed across all faculties", status: "amber", page: 3),
        RAGRow(
            action: "Authorship — policy on technicians named as authors approved by Senate", status: "green", page: 3),
        RAGRow(
            action: "Professional registration — 25 staff registered with the Science Council", status: "green", page: 3
        ),
        RAGRow(action: "Apprentices — recruitment of laboratory apprentices paused", status: "red", page: 4),
        RAGRow(action: "Open days for schools", status: "green", page: 4),
    ]

    static let stage2Plan = [
        action("Visibility", "Technician network", "Extend the technician network to partner colleges", page: 8),
        action(
            "Career Development", "Career pathways", "Introduce technical career pathways with progression criteria",
            page: 8),
        action(
            "Sustainability", "Apprenticeships", "Restart the laboratory apprentice scheme with two apprentices",
            page: 9),
    ]

    func comparison(rag: [RAGRow]? = rag) -> FollowThroughReport {
        FollowThroughReport.compare(
            reference: "TC-2024-07-LJMU",
            report: PrescreenReport(form: .stage2, findings: [], actionPlan: Self.stage2Plan, ragRows: rag),
            previousReference: "TC-2021-07-LJMU", previousStage: 1,
            previous: PrescreenReport(form: .initial, findings: [], actionPlan: Self.stage1))
    }

    @Test func theRAGAnalysisIsMatchedToThePreviousPlanActionByAction() {
        let report = comparison()
        let carried = Dictionary(uniqueKeysWithValues: report.carried.map { ($0.action.activity, $0.status) })
        #expect(
            carried == [
                "Technician network": "green", "Job descriptions": "amber", "Authorship policy": "green",
                "Professional registration": "green", "Apprenticeships": "red",
            ], "\(report.carried.map { "\($0.action.activity) ~ \($0.ragRow) \($0.shared)" })")
        #expect(report.notMentioned.map(\.activity) == ["Annual awards", "CPD fund", "Succession planning"])
        #expect(report.unmatchedRAG == ["Open days for schools"])
        #expect(report.counts == (green: 3, amber: 1, red: 1))
        let network = report.carried.first { $0.action.activity == "Technician network" }
        #expect(network?.shared.contains("network") == true, "each match says which words it rests on")
    }

    @Test func theNewPlanIsSortedIntoContinuedAndNewActions() {
        let report = comparison()
        #expect(report.continued.map(\.action.activity) == ["Technician network", "Apprenticeships"])
        #expect(report.continued.map(\.previous.activity) == ["Technician network", "Apprenticeships"])
        #expect(report.new.map(\.activity) == ["Career pathways"])
    }

    @Test func withoutARAGTableNothingIsSaidAboutWhatItMentions() {
        let report = comparison(rag: nil)
        #expect(report.ragRows == nil && report.carried.isEmpty && report.notMentioned.isEmpty)
        #expect(report.summary.contains("could not be read as a table"))
        #expect(!report.renderText().contains("Not mentioned"))
    }

    @Test func oneSharedCommonWordIsNotAMatch() {
        let report = FollowThroughReport.compare(
            reference: "TC-2024-07-X",
            report: PrescreenReport(
                form: .stage2, findings: [],
                ragRows: [RAGRow(action: "Technician staff survey of the university", status: "green", page: 2)]),
            previousReference: "TC-2021-07-X", previousStage: 1,
            previous: PrescreenReport(
                form: .initial, findings: [],
                actionPlan: [
                    Self.action("Visibility", "Technician newsletter", "Publish a termly university newsletter")
                ]))
        #expect(report.carried.isEmpty, "\(report.carried)")
        #expect(report.notMentioned.count == 1 && report.unmatchedRAG.count == 1)
    }
}
