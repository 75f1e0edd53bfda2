import Archive
import Foundation
import TestSupport
import Testing

/// An institution's Stage 2 form, filed after its Stage 1, through the real lab: the follow-through names
/// exactly the actions carried and dropped, the reviewers see it, and `history` shows both stages.
@Suite(.serialized) struct StageFollowThroughTests {
    static let stage2 = PDFFixture.make(
        pages: FormFixture.stage2(
            organisation: "Liverpool John Moores University",
            rag: [
                ("Technician profiles", "Live for all", "Green"), ("Registration", "25 registered", "Amber"),
                ("Apprenticeships", "Paused", "Red"), ("Open days", "Held twice", "Green"),
            ],
            plan: [
                ("Visibility", "Technician profiles", "Keep them current", "December 2028"),
                ("Sustainability", "Apprenticeships", "Restart the scheme", "September 2028"),
                ("Career Development", "Mentoring", "Pair new staff", "March 2029"),
            ]))

    @Test func aStageTwoFormIsComparedWithTheStageOnePlanActionByAction() throws {
        let (lab, service, first) = try ServiceFixture.withFiledForm()
        try lab.send(
            TestMessage.submission(fileName: "LJMU July 2027.pdf", pdf: Self.stage2), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let second = try #require(try service.records().first { $0.reference != first.reference })
        #expect(second.stage == 2, "\(second)")
        let folder = service.folder(of: second)
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/followthrough.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["previousReference"] as? String == first.reference)
        let carried = (report["carried"] as? [[String: Any]] ?? []).map {
            "\(($0["action"] as? [String: Any])?["activity"] ?? "?"): \($0["status"] ?? "?")"
        }
        #expect(
            carried.sorted() == ["Apprenticeships: red", "Registration: amber", "Technician profiles: green"],
            "\(carried)")
        let dropped = (report["notMentioned"] as? [[String: Any]] ?? []).compactMap { $0["activity"] as? String }
        #expect(dropped == ["Career pathways"])
        #expect(report["unmatchedRAG"] as? [String] == ["Open days"])
        let new = (report["new"] as? [[String: Any]] ?? []).compactMap { $0["activity"] as? String }
        #expect(new == ["Mentoring"])
        // The files are filed with the pre-screen, their hashes in submission.json.
        #expect(second.files.contains { $0.name == "followthrough.txt" })

        // The reviewers read it in their request; the institution is told nothing of it.
        let requests = ["ada@reviewers.test", "ben@reviewers.test", "dan@reviewers.test", "fay@reviewers.test"]
            .flatMap { service.sent(to: $0) }.filter { $0.contains("Review request: \(second.reference)") }
        #expect(!requests.isEmpty)
        for request in requests {
            let body = TestMessage.body(of: request)
            #expect(body.contains("Follow-through from the previous plan") && body.contains("Career pathways"))
        }
        #expect(!service.sent(to: "jane@ljmu.test").contains { TestMessage.body(of: $0).contains("Follow-through") })

        let history = try service.tcreview(["history", "ljmu"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(
            history.stdout.contains("\(first.reference)  Stage 1")
                && history.stdout.contains("\(second.reference)  Stage 2"))
        #expect(history.stdout.contains("RAG analysis:   2 green, 1 amber, 1 red"), "\(history.stdout)")
        #expect(history.stdout.contains("3 of 4 actions of \(first.reference) reported"), "\(history.stdout)")
        #expect(try service.tcreview(["history", "Nowhere"]).status == 1)
    }
}
