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
        #expect(TransferTime.message(size: 100_000) == 65)
        #expect(TransferTime.message(size: 25 << 20) == 60 + (25 << 20) / 20_000)
        #expect(TransferTime.command == 120)
    }
}
