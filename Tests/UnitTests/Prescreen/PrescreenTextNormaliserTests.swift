import Foundation
import Testing

@testable import Prescreen

/// One normaliser makes extracted text predictable for every check.
@Suite struct PrescreenTextNormaliserTests {
    @Test func ligaturesQuotesAndSpacesBecomePlain() {
        #expect(TextNormaliser.normalise("pro\u{FB01}le \u{FB02}ow “q” ‘s’\u{00A0}x") == "profile flow \"q\" 's' x")
    }

    @Test func lineEndsAndFormFeedsBecomeNewlines() {
        #expect(TextNormaliser.normalise("a\r\nb\rc\u{0C}d") == "a\nb\nc\nd")
    }

    @Test func hyphenatedWordIsJoinedButAddressesAndCapitalsAreNot() {
        #expect(TextNormaliser.normalise("develop-\nment") == "development")
        #expect(TextNormaliser.normalise("Jean-\nPaul") == "Jean-\nPaul")
        #expect(TextNormaliser.normalise("https://x.ac.uk/tech-\ncommitment") == "https://x.ac.uk/tech-commitment")
    }

    @Test func wordBulletsBecomeOneBullet() {
        #expect(TextNormaliser.normalise("\u{F0B7} a\n· b\n▪ c\n- d") == "• a\n• b\n• c\n• d")
    }

    @Test func htmlishTableMarkupBecomesLinesAndCells() {
        let text = TextNormaliser.normalise(
            "<p>Visibility</p> <p>Why</p>\t<ul style=\"x\"> <li>One</li><li>Two &amp; three</li></ul>")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == ["Visibility", "Why", "• One", "• Two & three"])
    }

    @Test func anglesAroundAnAddressAreNotMarkup() {
        #expect(TextNormaliser.normalise("<http://technicians.org.uk/>") == "<http://technicians.org.uk/>")
    }

    @Test func runningHeadersFootersAndPageNumbersAreRemoved() {
        let bodies = ["Our profile.", "Our technicians.", "Our plan."]
        let pages = bodies.enumerated().map {
            "Technician Commitment – University of Example\n\($1)\nPage \($0 + 1) of 3"
        }
        #expect(PageFurniture.remove(from: pages) == bodies)
        let numbered = bodies.enumerated().map { "\($1)\n\($0 + 1)" }
        #expect(PageFurniture.remove(from: numbered) == bodies, "a bare page number at the foot")
    }

    @Test func signOffLinesAtPageEdgesAreNeverFurniture() {
        let pages = ["Date: 1 July 2024\nOne", "Date: 1 July 2024\nTwo"]
        #expect(PageFurniture.remove(from: pages) == pages)
    }

    @Test func phrasesAreFoundWhateverTheCaseSpacingAndLineBreaks() throws {
        let document = ScreenText(DocumentText(pages: ["Intro", "HOW MANY\n  Technicians are\tthere?"]))
        let index = try #require(
            document.find(ScreenText.keys("how many technicians are there"), in: 0..<document.length))
        #expect(document.page(at: document.words[index].range.lowerBound) == 2)
    }
}
