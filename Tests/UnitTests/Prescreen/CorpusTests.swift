import Foundation
import Testing

@testable import Prescreen

/// The pre-screen over the project's own corpus of realistic forms, against their labels.
@Suite struct CorpusTests {
    @Test func theCorpusIsReadRightAndNoCompleteFormIsToldSomethingIsMissing() throws {
        var score = CorpusScore()
        let labels = try Corpus.labels()
        #expect(labels.count >= 25)
        for label in labels {
            let report = Prescreener.screen(try Corpus.document(label.file), institutionNames: [label.organisation])
            score.add(label, report)
        }
        print("Corpus: \(score.summary)")
        for line in score.wrong { print("  " + line) }
        #expect(score.falseMissing.isEmpty, "\(score.falseMissing)")
        #expect(score.falseOK.isEmpty, "\(score.falseOK)")
        #expect(score.findingsRate >= 0.97, "\(score.summary)")
        #expect(score.plansRate >= 0.9, "\(score.summary)")
        #expect(score.ragExact == score.rags, "\(score.summary)")
    }
}
