import Foundation
import TestSupport
import Testing

/// RFC 3834: automatic mail is filed but never answered; replies to one sender are capped per hour.
@Suite(.serialized) struct LoopTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var from: String
        var envelopeFrom: String
        var headers: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Auto-Submitted: auto-replied", from: "jane@ljmu.test", envelopeFrom: "jane@ljmu.test",
            headers: ["Auto-Submitted: auto-replied"]),
        Case(
            name: "Precedence: bulk", from: "jane@ljmu.test", envelopeFrom: "jane@ljmu.test",
            headers: ["Precedence: bulk"]),
        Case(
            name: "Precedence: list", from: "jane@ljmu.test", envelopeFrom: "jane@ljmu.test",
            headers: ["Precedence: list"]),
        Case(
            name: "List-Id", from: "jane@ljmu.test", envelopeFrom: "jane@ljmu.test",
            headers: ["List-Id: <staff.ljmu.test>"]),
        Case(name: "empty Return-Path", from: "jane@ljmu.test", envelopeFrom: "", headers: []),
        Case(
            name: "MAILER-DAEMON", from: "MAILER-DAEMON@ljmu.test", envelopeFrom: "mailer-daemon@ljmu.test", headers: []
        ),
        Case(name: "the service's own address", from: "TC@lab.test", envelopeFrom: "tc@lab.test", headers: []),
    ]

    @Test(arguments: cases)
    func automaticMailIsFiledButNotAnswered(_ testCase: Case) throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.submission(
            pdf: PDFFixture.make(pages: ["Plan"]), from: testCase.from, extraHeaders: testCase.headers)
        try lab.send(message, from: testCase.envelopeFrom)
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        #expect(try service.records().count == 1, "the message is still filed")
        #expect(service.events("reply-suppressed").count == 1)
        #expect(!service.events("queued").contains { $0.detail["id"]?.hasSuffix("-confirmation") == true })
        // The lead's copy would be part of the confirmation, so nobody got one.
        #expect(service.sent(to: testCase.from).isEmpty)
        #expect(service.sent(to: "lead@ljmu.test").isEmpty)
    }

    @Test func autoSubmittedNoIsAnsweredLikeAnyOtherMessage() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(
            TestMessage.submission(pdf: PDFFixture.make(pages: ["Plan"]), extraHeaders: ["Auto-Submitted: no"]),
            from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        #expect(service.sent(to: "jane@ljmu.test").count == 1)
    }

    @Test func oneSenderGetsAtMostTheHourlyCapOfReplies() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, service: ["replies-per-hour = 3"])
        for _ in 0..<5 {
            try lab.send(TestMessage.make(from: "loop@robot.test"), from: "loop@robot.test")
        }
        try lab.waitForInbox(count: 5)
        try service.runOnce()

        #expect(try service.quarantined().count == 5, "every message is kept")
        #expect(service.sent(to: "loop@robot.test").count == 3)
        #expect(service.events("reply-suppressed").count == 2)
    }

    @Test(arguments: [
        ("from its own address", "Technician Commitment <tc@lab.test>", "<\(UUID().uuidString)@lab.test>"),
        (
            "redistributed by a list", "Coordinators <coordinator@lab.test>",
            "<Q-2024-07-8E41B0D2.coordinators@lab.test>"
        ),
    ])
    func theServicesOwnNoticeComingBackIsKeptButNeverAnsweredOrNoticedAgain(
        _ how: String, from: String, messageID: String
    ) throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let notice = TestMessage.make(
            from: from, subject: "[tcreview] Kept in quarantine: no attachment [Q-2024-07-8E41B0D2]",
            messageID: messageID, extraHeaders: ["Auto-Submitted: no"],
            body: "A message could not be filed as a submission and is kept in the quarantine folder.")
        try lab.send(notice, from: "coordinator@lab.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        try service.runOnce()

        #expect(try service.quarantined().count == 1, "it is kept")
        #expect(service.events("own-message").count == 1)
        #expect(service.events("queued").isEmpty, "no reply and no new notice: nothing to loop (\(how))")
    }

    @Test func aPersonAnsweringOurRejectionReachesACoordinatorAndIsAcknowledgedOnceNeverRejectedAgain() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.make(body: "Please find our form attached."), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let rejection = try #require(lab.waitForMessages("jane@ljmu.test").first)
        let rejectionID = try #require(TestMessage.header("Message-Id", in: rejection))

        for text in ["I did attach it, honestly. Could someone look?", "Any news?"] {
            try lab.send(
                TestMessage.make(
                    subject: "Re: We could not file your email",
                    extraHeaders: ["In-Reply-To: \(rejectionID)", "References: \(rejectionID)"],
                    body: text),
                from: "jane@ljmu.test")
            try lab.waitForInbox(count: 1)
            try service.runOnce()
        }

        let ids = service.events("queued").compactMap { $0.detail["id"] }
        #expect(ids.filter { $0.hasSuffix("-rejection") }.count == 1, "the rejection is never sent again: \(ids)")
        #expect(ids.filter { $0.hasPrefix("conversation-") }.count == 1, "one acknowledgement for the conversation")
        let notices = lab.waitForMessages("coordinator@lab.test", count: 3)
        #expect(notices.contains { TestMessage.body(of: $0).contains("> I did attach it, honestly.") })
        #expect(notices.contains { TestMessage.body(of: $0).contains("> Any news?") })
    }
}
