import Foundation
import Testing

@testable import Prescreen

/// The pre-screen over the project's own corpora of realistic forms, against their labels: `Corpus`
/// (28 forms) and `HeldOut` (13 forms made independently, by other routes and layouts).
@Suite struct CorpusTests {
    @Test func theCorpusIsReadRightAndNoCompleteFormIsToldSomethingIsMissing() throws {
        let (score, count) = try Corpus.score("Corpus")
        print("Corpus: \(score.summary)")
        for line in score.wrong { print("  " + line) }
        #expect(count >= 25)
        #expect(score.falseMissing.isEmpty, "\(score.falseMissing)")
        #expect(score.falseOK.isEmpty, "\(score.falseOK)")
        #expect(score.findingsRate >= 0.97, "\(score.summary)")
        #expect(score.plansRate >= 0.9, "\(score.summary)")
        #expect(score.ragExact == score.rags, "\(score.summary)")
    }

    @Test func theHeldOutSetIsReadRightAndNoCompleteFormIsToldSomethingIsMissing() throws {
        let (score, count) = try Corpus.score("HeldOut")
        print("HeldOut: \(score.summary)")
        for line in score.wrong { print("  " + line) }
        #expect(count >= 12)
        #expect(score.falseMissing.isEmpty, "\(score.falseMissing)")
        #expect(score.falseOK.isEmpty, "\(score.falseOK)")
        #expect(score.findingsRate >= 0.97, "\(score.summary)")
        #expect(score.plansRate >= 0.9, "\(score.summary)")
        #expect(score.ragExact == score.rags, "\(score.summary)")
    }
}
