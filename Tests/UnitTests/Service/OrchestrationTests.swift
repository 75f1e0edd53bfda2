import Archive
import Configuration
import Feedback
import Foundation
import MailTransport
import ReviewDesk
import TestSupport
import Testing

@testable import Intake
@testable import Service

/// The serve loop, the inbox pass, filing and the outbox, driven through in-memory mail servers: fast,
/// and without root. (The end-to-end tests run the same code against Dovecot and OpenSMTPD.)
@Suite struct OrchestrationTests {
    let directory = TemporaryDirectory()
    let mailbox = FakeMailbox()
    let smtp = FakeSender()

    /// The repository's rubrics.
    static let rubrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rubrics").path

    /// A service on a fresh archive whose mail servers are the fakes; with `review`, the review desk plugged
    /// in as `serve` plugs it, assigning reviewers as soon as a submission is filed.
    func service(review: Bool = false) throws -> (ServiceLoop, IntakeContext) {
        try ConfigFixture.write(
            in: directory,
            service: [
                "replies-per-hour = 100", "rubrics = \(Self.rubrics)", "[review]",
                "auto-assign = \(review ? "yes" : "no")",
            ],
            institutions: ConfigFixture.institutionsHeader
                + "Liverpool John Moores University,LJMU,ljmu.test,,lead@ljmu.test,2017-05\n")
        try directory.write(
            """
            name,email,institution,expertise,max-open,active,conflicts
            Ada Reviewer,ada@reviewers.test,LJMU,career development,5,yes,
            Ben Reviewer,ben@reviewers.test,,recognition,5,yes,
            Dan Reviewer,dan@reviewers.test,,sustainability,5,yes,
            Fay Reviewer,fay@reviewers.test,,rag,5,yes,

            """, to: "config/reviewers.csv")
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        var context = ServiceContext(settings: settings)
        let (mailbox, smtp) = (self.mailbox, self.smtp)
        context.mail = MailConnections(mailbox: { mailbox }, sender: { smtp })
        if review {
            var desk = try ReviewDesk.load(context: context)
            desk.afterReview = FeedbackDesk(context: context).afterReview
            context.hooks = desk.hooks
        }
        let intake = IntakeContext(
            service: context,
            inspector: PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30))
        let loop = ServiceLoop(context: context) { shouldStop in
            try InboxPoller(context: intake).poll(shouldStop: shouldStop)
        }
        return (loop, intake)
    }

    static let form = PDFFixture.make(pages: FormFixture.initial(organisation: "Liverpool John Moores University"))

    /// A submission as Jane's mail client sends it.
    static func submission(_ number: Int) -> Data {
        MessageFixtures.submission(pdf: form, fileName: "LJMU July 2024.pdf", messageID: "<form-\(number)@ljmu.test>")
    }

    func records(_ context: IntakeContext) throws -> [SubmissionRecord] {
        try context.layout.submissionRecordPaths().map { try SubmissionRecord.load($0) }
    }

    @Test func aCycleFilesEachMessageMarksItAndSendsItsConfirmation() throws {
        let (loop, context) = try service()
        mailbox.deliver(Self.submission(1))
        mailbox.deliver(Self.submission(2))

        let result = loop.cycle(stop: StopFlag())

        #expect(result.poll?.outcomes.count == 2 && result.pollFailure == nil)
        #expect(try records(context).count == 2)
        #expect(mailbox.inbox.isEmpty, "both are marked on the server")
        #expect(smtp.sent(to: "jane@ljmu.test").count == 2, "one confirmation each")
        #expect(context.outbox.pending().isEmpty)
        #expect(result.sent == 2)
    }

    @Test func aMessageTheServerWillNotGiveIsSkippedAndTheOthersAreFiled() throws {
        let (loop, context) = try service()
        let bad = mailbox.deliver(Self.submission(1))
        mailbox.deliver(Self.submission(2))
        mailbox.failingDownloads = [bad]

        let result = loop.cycle(stop: StopFlag())

        #expect(result.poll?.failed == 1)
        #expect(try records(context).count == 1, "the one behind it is filed")
        #expect(mailbox.inbox == [bad], "the bad one stays, to be tried again")
        #expect(context.journal.events().filter { $0.event == "fetch-failed" }.count == 1)
    }

    @Test func aFilingWhoseMarkWasLostIsMarkedNotFiledOrConfirmedAgain() throws {
        let (loop, context) = try service()
        mailbox.deliver(Self.submission(1))
        mailbox.failingMarks = true
        _ = loop.cycle(stop: StopFlag())
        #expect(try records(context).count == 1)
        #expect(mailbox.inbox.count == 1, "the mark was lost")

        mailbox.failingMarks = false
        _ = loop.cycle(stop: StopFlag())

        #expect(try records(context).count == 1, "not filed twice")
        #expect(mailbox.inbox.isEmpty)
        #expect(smtp.sent(to: "jane@ljmu.test").count == 1, "not confirmed twice")
    }

    @Test func aRecipientRefusedForGoodEndsInFailedAndTheCoordinatorsAreToldOnce() throws {
        let (loop, context) = try service()
        mailbox.deliver(Self.submission(1))
        smtp.refused = ["jane@ljmu.test"]

        let first = loop.cycle(stop: StopFlag())
        _ = loop.cycle(stop: StopFlag())
        _ = loop.cycle(stop: StopFlag())

        #expect(FileSystem.list(context.outbox.failed).contains { $0.hasSuffix("-confirmation.eml") })
        #expect(context.outbox.pending().isEmpty, "nothing left to retry")
        #expect(smtp.sent(to: "coord@example.org").filter { $0.message.contains("refused") }.count == 1)
        #expect(smtp.sent(to: "jane@ljmu.test").isEmpty, "the refused confirmation is never retried")
        #expect(first.stillQueued <= 1, "only the notice waits, for the next cycle")
    }

    @Test func whenTheSMTPServerIsDownEveryEmailStaysQueuedForTheNextCycle() throws {
        let (_, intake) = try service()
        var context = intake.service
        let mailbox = self.mailbox
        context.mail = MailConnections(
            mailbox: { mailbox },
            sender: { () throws(MailTransportError) in throw .unreachable(server: "smtp", detail: "refused") })
        let down = IntakeContext(service: context, inspector: intake.inspector)
        let loop = ServiceLoop(context: context) { shouldStop in
            try InboxPoller(context: down).poll(shouldStop: shouldStop)
        }
        mailbox.deliver(Self.submission(1))

        let result = loop.cycle(stop: StopFlag())

        #expect(try records(intake).count == 1, "filing does not wait for the SMTP server")
        #expect(result.stillQueued == 1 && result.sendFailure != nil)
        #expect(context.outbox.pending().count == 1)
    }

    @Test func aStopRequestedBeforeTheCycleLeavesEveryMessageForTheNext() throws {
        let (loop, context) = try service()
        mailbox.deliver(Self.submission(1))
        let stop = StopFlag()
        stop.request()

        let result = loop.cycle(stop: stop)

        #expect(result.poll?.deferred == 1)
        #expect(try records(context).isEmpty)
        #expect(mailbox.inbox.count == 1)
    }
}

extension OrchestrationTests {
    @Test func aFiledSubmissionGetsItsReviewersEachWithOneRequestAndNotTheirOwnInstitutions() throws {
        let (loop, context) = try service(review: true)
        mailbox.deliver(Self.submission(1))

        _ = loop.cycle(stop: StopFlag())

        let requests = smtp.sent.filter { $0.message.contains("Subject: Review request") }
        #expect(requests.count == 2, "the Stage 1 rubric asks for two reviewers")
        #expect(Set(requests.flatMap(\.to)).count == 2, "two different reviewers, one request each")
        #expect(!requests.contains { $0.to.contains("ada@reviewers.test") }, "Ada is from LJMU")
        #expect(try records(context).count == 1)
    }

    @Test func aReplyCarryingTheTokenFromSomeoneElseIsKeptAsideAndNeverApplied() throws {
        let (loop, context) = try service(review: true)
        mailbox.deliver(Self.submission(1))
        _ = loop.cycle(stop: StopFlag())
        let request = try #require(smtp.sent.first { $0.message.contains("Subject: Review request") })
        let subject = try #require(
            request.message.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
        mailbox.deliver(
            MessageFixtures.wire(
                """
                From: Mallory <mallory@elsewhere.test>
                To: tc@example.org
                \(subject.replacingOccurrences(of: "Subject: ", with: "Subject: Re: "))
                Message-ID: <forged@elsewhere.test>
                Content-Type: text/plain

                Scores: all 5.

                """))

        _ = loop.cycle(stop: StopFlag())

        let record = try #require(context.layout.submissionRecordPaths().first)
        let folder = (record as NSString).deletingLastPathComponent
        #expect(!FileSystem.list("\(folder)/reviews").contains { $0.hasPrefix("review-") && $0.hasSuffix(".json") })
        #expect(smtp.sent(to: "coord@example.org").contains { $0.message.contains("Review reply not applied") })
        #expect(smtp.sent(to: "mallory@elsewhere.test").isEmpty, "no answer to the stranger")
    }
}

@Suite struct BackoffTests {
    @Test func waitsDoubleAfterEachFailureUpToTheMaximumAndStartAgainAfterASuccess() {
        var backoff = Backoff(initial: 5, maximum: 30)
        #expect(
            [backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()] == [5, 10, 20, 30, 30])
        backoff.reset()
        #expect(backoff.next() == 5)
    }
}
