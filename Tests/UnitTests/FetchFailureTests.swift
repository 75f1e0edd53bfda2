import MailTransport
import Testing

@testable import Intake

@Suite struct FetchFailureTests {
    @Test func aMessageThatCannotBeDownloadedIsTriedAgainAfterAGrowingPauseOfAtMostSixHours() {
        #expect(FetchFailure.pause(after: 1) == 60)
        #expect(FetchFailure.pause(after: 2) == 120)
        #expect(FetchFailure.pause(after: 4) == 480)
        #expect(FetchFailure.pause(after: 30) == 6 * 3600)
    }
}

@Suite struct TransferTimeTests {
    @Test func everyTransferIsBoundedInProportionToItsSize() {
        let server = MailServer(url: "imap://127.0.0.1/INBOX")
        #expect(server.transferTime() == 120, "a command: the transfer timeout")
        #expect(server.transferTime(size: 100_000) == 125)
        #expect(server.transferTime(size: 25 << 20) == 120 + (25 << 20) / 20_000)
        let impatient = MailServer(url: "imap://127.0.0.1/INBOX", transferTimeout: 3)
        #expect(impatient.transferTime(size: 2_000) == 3)
    }
}
