import Foundation
import Testing

@testable import Prescreen

/// The checks survive what PDF extraction does to text.
@Suite struct PrescreenMessyTextTests {
    static let clean = Screening.screen(FormText.Initial().pages())

    /// Applies a change to every page of a complete form and expects the same result as the clean text.
    func expectSameAsClean(_ change: (String) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let pages = FormText.Initial().pages().map(change)
        let report = Screening.screen(pages)
        expectAllOK(report, sourceLocation: sourceLocation)
        #expect(
            Set(report.findings.map(\.id)) == Set(Self.clean.findings.map(\.id)), sourceLocation: sourceLocation)
        #expect(report.actionPlan.map(\.theme) == Self.clean.actionPlan.map(\.theme), sourceLocation: sourceLocation)
        #expect(
            report.actionPlan.map(\.timescale) == Self.clean.actionPlan.map(\.timescale), sourceLocation: sourceLocation
        )
        #expect(report.profileWordCount == Self.clean.profileWordCount, sourceLocation: sourceLocation)
    }

    @Test func ligatures() {
        expectSameAsClean {
            $0.replacingOccurrences(of: "fi", with: "\u{FB01}").replacingOccurrences(of: "fl", with: "\u{FB02}")
                .replacingOccurrences(of: "ff", with: "\u{FB00}")
        }
    }

    @Test func wordsHyphenatedAtLineEnds() {
        expectSameAsClean {
            $0.replacingOccurrences(of: "organisation defines", with: "organi-\nsation defines")
                .replacingOccurrences(of: "brief profile", with: "brief pro-\nfile")
                .replacingOccurrences(of: "technician voice", with: "tech-\nnician voice")
                .replacingOccurrences(of: "relevant URL", with: "rele-\nvant URL")
        }
    }

    @Test func curlyAndStraightQuotes() {
        expectSameAsClean {
            $0.replacingOccurrences(of: "‘", with: "'").replacingOccurrences(of: "’", with: "'")
                .replacingOccurrences(of: "c. 450", with: "“c. 450”")
        }
    }

    @Test func nonBreakingSpacesTabsAndCarriageReturns() {
        expectSameAsClean {
            $0.replacingOccurrences(of: "please provide a", with: "please\u{00A0}provide\u{00A0}a")
                .replacingOccurrences(of: "1. To", with: "1.\tTo")
                .replacingOccurrences(of: " how many ", with: "  how\u{2009}many ")
                .replacingOccurrences(of: "\n", with: "\r\n")
        }
    }

    @Test func formFeedsAndZeroWidthCharacters() {
        expectSameAsClean {
            "\u{0C}" + $0.replacingOccurrences(of: "Technician Commitment", with: "Technician\u{200B} Commitment")
                + "\u{0C}"
        }
    }

    @Test func htmlishParagraphsAndEntities() {
        expectSameAsClean {
            $0.replacingOccurrences(of: "We employ c. 450", with: "<p>We employ c. 450")
                .replacingOccurrences(
                    of: "central research facilities and IT.", with: "central research facilities &amp; IT.</p>")
        }
    }

    @Test func headerAndFooterRepeatedOnEveryPage() {
        var form = FormText.Initial()
        form.runningHeader = "Technician Commitment Self-Assessment – University of Example"
        let report = Screening.screen(form.pages())
        expectAllOK(report)
        #expect(report.profileWordCount == Self.clean.profileWordCount)
        #expect(report.actionPlan.count == FormText.actions.count)
    }

    @Test func wordBulletsOfEveryKindOpenActions() {
        for bullet in ["\u{F0B7}", "·", "▪", "", "●", "-"] {
            var form = FormText.Initial()
            form.planLayout = .bullets
            let pages = form.pages().map { $0.replacingOccurrences(of: "• ", with: "\(bullet) ") }
            let report = Screening.screen(pages)
            #expect(report.actionPlan.map(\.activity) == FormText.actions.map(\.activity), "bullet \(bullet)")
        }
    }

    @Test func wordHyphenatedAcrossAPageBreakIsJoined() {
        let document = ScreenText(DocumentText(pages: ["We support tech-", "nicians in every faculty."]))
        #expect(document.text == "We support technicians in every faculty.")
        #expect(document.page(at: 20) == 2)
    }
}
