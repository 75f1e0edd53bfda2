import Foundation
import TestSupport
import Testing

/// IMAP IDLE (RFC 2177) against Dovecot: a running service files and confirms a submission as it arrives.
@Suite(.serialized) struct IdleTests {
    let pdf = PDFFixture.make(pages: ["Organisation: Liverpool John Moores University"])

    @Test func submissionsArrivingWhileTheServiceWaitsAreConfirmedWithoutWaitingForThePoll() throws {
        let lab = try MailLab()
        // An hour between polls: only IDLE can bring the later submissions in within the test's bounds.
        let service = try ServiceFixture(lab: lab, service: ["poll-interval = 3600"])
        let serving = try service.startServing()
        defer { _ = serving.stop(SIGTERM) }
        for index in 0..<3 {
            try lab.send(
                TestMessage.submission(
                    fileName: "LJMU July 2024 (\(index)).pdf", pdf: pdf, messageID: "<idle-\(index)@ljmu.test>"),
                from: "jane@ljmu.test")
            // The first may be taken by the cycle at start; by the third the service is surely idling.
            let confirmations = lab.waitForMessages("jane@ljmu.test", count: index + 1, timeout: 30)
            #expect(confirmations.count == index + 1, "submission \(index) confirmed while the service waited")
        }
        #expect(try service.records().count == 3)
        #expect(try lab.uids(in: "INBOX").isEmpty)
    }
}
