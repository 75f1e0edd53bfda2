import Archive
import Foundation
import TestSupport
import Testing

/// Coordinators act by replying to the service's notices, through the real lab: obeyed only from their
/// address and only in answer to the notice itself; everything else kept and reported.
@Suite(.serialized) struct CoordinatorCommandTests {
    static let coordinator = "coordinator@lab.test"

    /// The coordinators' copy of the newest notice whose subject has `subject`.
    func notice(_ lab: MailLab, _ subject: String, count: Int = 1) throws -> String {
        let notices = lab.waitForMessages(Self.coordinator, count: count).filter {
            TestMessage.header("Subject", in: $0)?.contains(subject) == true
        }
        return try #require(notices.last, "no notice \u{201C}\(subject)\u{201D} arrived")
    }

    /// Sends `message` to the service and runs one cycle.
    func deliver(_ message: Data, from sender: String, to lab: MailLab, _ service: ServiceFixture) throws {
        try lab.send(message, from: sender)
        try lab.waitForInbox(count: 1)
        try service.runOnce()
    }

    /// The service's emails to the coordinator whose subject has `subject`, in the order they were queued.
    func replies(_ service: ServiceFixture, _ subject: String) -> [String] {
        service.sent(to: Self.coordinator).filter { TestMessage.header("Subject", in: $0)?.contains(subject) == true }
    }

    /// A reply's body on one line: the service wraps long lines at 78 characters.
    func flattened(_ message: String) -> String {
        TestMessage.body(of: message).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func feedbackSent(_ service: ServiceFixture) -> Int {
        service.sent(to: "jane@ljmu.test").filter { $0.contains("Subject: Feedback on your") }.count
    }

    @Test func sendRepliedToTheDraftSendsTheFeedbackOnceAndASecondSendIsAcknowledgedAsAlreadySent() throws {
        let (lab, service, record) = try ServiceFixture.reviewed()
        let draft = try notice(lab, "Feedback ready to send")
        #expect(draft.contains("What you can reply"), "the draft lists its replies")
        #expect(draft.contains("send this feedback to the institution"))
        #expect(feedbackSent(service) == 0, "nothing goes out before a coordinator says so")

        try deliver(
            ReviewReply.message(to: draft, from: Self.coordinator, text: "send"), from: Self.coordinator, to: lab,
            service)
        #expect(feedbackSent(service) == 1, "the institution gets the feedback")
        #expect(service.sent(to: "lead@ljmu.test").contains { $0.contains("Subject: Feedback on your") })
        let done = try #require(replies(service, "Done: send").first)
        #expect(done.contains("You replied:") && done.contains("was sent to"), "\(done)")
        #expect(
            TestMessage.header("Subject", in: done) == "Done: send [\(record.reference)]",
            "an answer, not a notice: outside the notices' daily cap")
        let command = try #require(service.events("command").first)
        #expect(command.detail["from"] == Self.coordinator && command.reference == record.reference)

        // The same word again, from the coordinator's phone a minute later, as a new email.
        try deliver(
            ReviewReply.message(to: draft, from: Self.coordinator, text: "Send.\n\nSent from my phone"),
            from: Self.coordinator, to: lab, service)
        #expect(feedbackSent(service) == 1, "a second send does not send twice")
        let again = try #require(replies(service, "Not done: send").first)
        #expect(again.contains("already sent"), "\(again)")
        #expect(replies(service, "Done: send").count == 1)
        let kept =
            (try? FileManager.default.contentsOfDirectory(atPath: "\(service.folder(of: record))/commands")) ?? []
        #expect(kept.filter { $0.hasSuffix(".eml") }.count == 2, "every command email is kept with its submission")
    }

    @Test func assignWithAShortNameFilesAnUnidentifiedSubmissionUnderItAndAssignsReviewers() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, review: ["auto-assign = yes"])
        try deliver(
            TestMessage.submission(
                fileName: "Self assessment July 2024.pdf", pdf: ServiceFixture.ljmuForm, from: "x@elsewhere.test"),
            from: "x@elsewhere.test", to: lab, service)
        let record = try #require(try service.records().first)
        #expect(record.institution == nil)
        let unidentified = try notice(lab, "institution not recognised")
        #expect(unidentified.contains("assign ABER"), "the notice shows how to say whose it is")

        try deliver(
            ReviewReply.message(to: unidentified, from: Self.coordinator, text: "assign UOT", quoting: .outlook),
            from: Self.coordinator, to: lab, service)
        let filed = try #require(try service.records().first)
        #expect(filed.institutionShort == "UOT" && filed.identifiedBy == "coordinator")
        #expect(service.folder(of: filed).hasPrefix("\(service.archive)/University of Testshire/2024/07-July/"))
        #expect(!FileManager.default.fileExists(atPath: service.folder(of: record)), "moved, not copied")
        let requests = ["ada@reviewers.test", "ben@reviewers.test", "dan@reviewers.test", "fay@reviewers.test"]
            .filter { !service.sent(to: $0).isEmpty }
        #expect(requests.count == 2, "two reviewers get the request: \(requests)")
        #expect(service.sent(to: "cat@reviewers.test").isEmpty, "Cat is from UOT")
        let done = try #require(replies(service, "Done: assign").first)
        #expect(done.contains("University of Testshire"), "\(done)")
    }

    @Test func aStrangersSendWithTheRightTokenAndACoordinatorsSendWithoutOneAreRefusedAndReported() throws {
        let (lab, service, _) = try ServiceFixture.reviewed()
        let draft = try notice(lab, "Feedback ready to send")

        // A forwarded copy of the notice, answered by someone who is not a coordinator.
        try deliver(
            ReviewReply.message(to: draft, from: "mallory@elsewhere.test", text: "send"),
            from: "mallory@elsewhere.test", to: lab, service)
        // A coordinator's reply that lost its thread (no In-Reply-To, no References): it names no token.
        try deliver(
            ReviewReply.message(to: draft, from: Self.coordinator, text: "send", threaded: false),
            from: Self.coordinator, to: lab, service)

        #expect(feedbackSent(service) == 0, "neither is obeyed")
        #expect(service.sent(to: "mallory@elsewhere.test").isEmpty, "the stranger is not answered")
        let refused = service.events("command-refused")
        #expect(refused.count == 2)
        #expect(refused.contains { $0.detail["reason"]?.contains("does not come from a coordinators address") == true })
        #expect(refused.contains { $0.detail["reason"]?.contains("does not answer a notice") == true })
        let reports = replies(service, "A reply was not obeyed")
        #expect(reports.count == 2, "each is reported to the coordinators: \(refused)")
        #expect(service.events("quarantined").isEmpty, "kept as command emails, not filed as submissions")
    }

    @Test func aQuestionOrASendWithMoreOnTheLineIsNotObeyed() throws {
        let (lab, service, _) = try ServiceFixture.reviewed()
        let draft = try notice(lab, "Feedback ready to send")
        for text in ["Send? Visibility looks wrong to me", "send after Friday please"] {
            try deliver(
                ReviewReply.message(to: draft, from: Self.coordinator, text: text), from: Self.coordinator, to: lab,
                service)
        }
        #expect(feedbackSent(service) == 0, "neither is an instruction to send now")
        let answers = replies(service, "Not done").map(flattened)
        #expect(answers.count == 2)
        #expect(answers.contains { $0.contains("says more than “send”") }, "\(answers)")
    }

    @Test func someoneElseAnsweringAPassedOnNoticeWithAPDFIsFiledNotRefused() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try deliver(
            TestMessage.submission(
                fileName: "Self assessment July 2024.pdf", pdf: ServiceFixture.ljmuForm, from: "x@elsewhere.test"),
            from: "x@elsewhere.test", to: lab, service)
        let unidentified = try notice(lab, "institution not recognised")
        let noticeID = try #require(TestMessage.header("Message-Id", in: unidentified))
        // A coordinator passed the notice on; the lead answers it with the corrected PDF.
        try deliver(
            TestMessage.submission(
                fileName: "LJMU July 2024.pdf", pdf: ServiceFixture.ljmuForm, from: "lead@ljmu.test",
                extraHeaders: ["In-Reply-To: \(noticeID)", "References: \(noticeID)"]),
            from: "lead@ljmu.test", to: lab, service)
        #expect(try service.records().contains { $0.institutionShort == "LJMU" }, "filed as a submission")
        #expect(service.events("command-refused").isEmpty)
    }

    @Test func aCoordinatorsUnknownWordGetsTheRepliesTheNoticeTakes() throws {
        let (lab, service, _) = try ServiceFixture.reviewed()
        let draft = try notice(lab, "Feedback ready to send")
        try deliver(
            ReviewReply.message(to: draft, from: Self.coordinator, text: "approve please", html: true),
            from: Self.coordinator, to: lab, service)
        #expect(feedbackSent(service) == 0)
        let help = TestMessage.body(of: try #require(replies(service, "Not done").first))
        #expect(help.contains("\u{201C}approve\u{201D} is not a reply"), "\(help)")
        #expect(help.contains("send: send this feedback to the institution"))
    }

    @Test func releaseAppliesAReplyKeptAsideAsTheAssignedReviewersReviewOnce() throws {
        let (lab, service, record) = try ServiceFixture.withFiledForm()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        // Ben answers from his phone's address, which reviewers.csv does not list: kept aside.
        let text = ReviewReply.filled(TestMessage.body(of: request))
        try deliver(
            ReviewReply.message(to: request, from: "ben.phone@elsewhere.test", text: text),
            from: "ben.phone@elsewhere.test", to: lab, service)
        let aside = try notice(lab, "Review reply not applied")
        #expect(aside.contains("release"))
        let reviews = "\(service.folder(of: record))/reviews"
        #expect(!FileManager.default.fileExists(atPath: "\(reviews)/review-ben-at-reviewers.test-1.json"))

        try deliver(
            ReviewReply.message(to: aside, from: Self.coordinator, text: "release"), from: Self.coordinator, to: lab,
            service)
        #expect(FileManager.default.fileExists(atPath: "\(reviews)/review-ben-at-reviewers.test-1.json"))
        let done = flattened(try #require(replies(service, "Done: release").first))
        #expect(done.contains("stored as review 1 from ben@reviewers.test"), "\(done)")
        #expect(service.sent(to: "ben@reviewers.test").contains { $0.contains("Subject: Review received") })

        try deliver(
            ReviewReply.message(to: aside, from: Self.coordinator, text: "release"), from: Self.coordinator, to: lab,
            service)
        #expect(!FileManager.default.fileExists(atPath: "\(reviews)/review-ben-at-reviewers.test-2.json"))
        let again = flattened(try #require(replies(service, "Not done: release").first))
        #expect(again.contains("already applied"), "\(again)")
    }

    @Test func anOverdueNoticeTakesRemindReassignAndStatus() throws {
        let (lab, service, record) = try ServiceFixture.withFiledForm()
        let assignments = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(service.folder(of: record))/reviews/assignments.json")))
        let stamp = try #require((assignments as? [[String: Any]])?.first?["assigned"] as? String)
        let start = try Date(stamp, strategy: .iso8601)
        for day in [20, 22, 30] {
            let now = start.addingTimeInterval(TimeInterval(day) * 86_400).formatted(.iso8601)
            #expect(try service.tcreview(["remind", "--now", now]).status == 0)
        }
        let overdue = try #require(
            lab.waitForMessages(Self.coordinator, count: 2).first {
                $0.contains("Review overdue") && TestMessage.body(of: $0).contains("ben@reviewers.test")
            })
        #expect(TestMessage.body(of: overdue).contains("reassign NEW@ADDRESS"))
        let before = service.sent(to: "ben@reviewers.test").count

        try deliver(
            ReviewReply.message(to: overdue, from: Self.coordinator, text: "remind"), from: Self.coordinator, to: lab,
            service)
        #expect(service.sent(to: "ben@reviewers.test").count == before + 1, "Ben is reminded now")

        try deliver(
            ReviewReply.message(to: overdue, from: Self.coordinator, text: "reassign fay@reviewers.test"),
            from: Self.coordinator, to: lab, service)
        #expect(service.sent(to: "fay@reviewers.test").contains { $0.contains("Subject: Review request") })
        #expect(service.sent(to: "ben@reviewers.test").contains { $0.contains("Subject: No longer needed") })
        let moved = flattened(try #require(replies(service, "Done: reassign").first))
        #expect(moved.contains("moved from ben@reviewers.test to fay@reviewers.test"), "\(moved)")

        try deliver(
            ReviewReply.message(to: overdue, from: Self.coordinator, text: "status"), from: Self.coordinator, to: lab,
            service)
        let status = TestMessage.body(of: try #require(replies(service, "Done: status").first))
        #expect(status.contains("Reviewer fay@reviewers.test: due"), "\(status)")
        #expect(!status.contains("Reviewer ben@reviewers.test"), "withdrawn reviews are not listed")
    }
}
