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
