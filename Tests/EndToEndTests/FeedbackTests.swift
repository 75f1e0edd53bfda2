import Archive
import Foundation
import TestSupport
import Testing

/// Closing the loop through the real lab: submission in, reviews in, feedback out to the institution, once.
@Suite(.serialized) struct FeedbackTests {
    @Test func feedbackIsCompiledDraftedToCoordinatorsAndSentToTheInstitutionInThreadOnce() throws {
        let (lab, service, record) = try ServiceFixture.reviewed()
        let folder = service.folder(of: record)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/feedback.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/feedback.pdf"))
        let draft = try #require(
            lab.waitForMessages("coordinator@lab.test").first { $0.contains("Feedback ready to send") })
        #expect(draft.contains("application/pdf"))
        #expect(lab.messages(for: "jane@ljmu.test").count == 1, "only the confirmation until a coordinator sends it")

        let shown = try service.tcreview(["feedback", "show", record.reference])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Reviewer A") && shown.stdout.contains("Reviewer B"))
        #expect(!shown.stdout.contains("ben@reviewers.test") && !shown.stdout.contains("Ben Reviewer"), "anonymised")

        let sent = try service.tcreview(["feedback", "send", record.reference])
        #expect(sent.status == 0, "\(sent.stderr)")
        let mails = lab.waitForMessages("jane@ljmu.test", count: 2)
        let feedback = try #require(
            mails.first { TestMessage.header("Subject", in: $0)?.hasPrefix("Feedback on your") == true })
        #expect(TestMessage.header("In-Reply-To", in: feedback) == "<original@ljmu.test>")
        #expect(feedback.contains("application/pdf"))
        #expect(
            lab.waitForMessages("lead@ljmu.test").contains {
                TestMessage.header("Subject", in: $0)?.hasPrefix("Feedback on your") == true
            })

        let twice = try service.tcreview(["feedback", "send", record.reference])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("--again"))
        #expect(service.sent(to: "jane@ljmu.test").filter { $0.contains("Feedback on your") }.count == 1, "sent once")
        #expect(try service.tcreview(["feedback", "send", record.reference, "--again"]).status == 0)
        #expect(
            lab.waitForMessages("jane@ljmu.test", count: 3).filter { $0.contains("Subject: Feedback on your") }.count
                == 2)
    }

    @Test func feedbackPDFOpensWithPopplerAndCarriesTheScores() throws {
        let (_, service, record) = try ServiceFixture.reviewed()
        let folder = service.folder(of: record)
        let text = "\(service.directory)/feedback-text.txt"
        let result = try service.tcreview(["extract", "--text", text, "\(folder)/feedback.pdf"])
        #expect(result.status == 0, "\(result.stdout)")
        let content = try String(contentsOfFile: text, encoding: .utf8)
        #expect(content.contains("Liverpool John Moores University"))
        #expect(content.contains("Visibility"))
        #expect(content.contains("Reviewer A"))
        #expect(content.contains("3.5"), "the median of 4 and 3")
    }

    @Test func autoSendSendsTheFeedbackWithoutWaitingForACoordinator() throws {
        let (lab, _, _) = try ServiceFixture.reviewed(sections: "[feedback]\nauto-send = yes\n")
        let mails = lab.waitForMessages("jane@ljmu.test", count: 2)
        #expect(mails.contains { TestMessage.header("Subject", in: $0)?.hasPrefix("Feedback on your") == true })
    }
}
