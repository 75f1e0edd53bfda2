import Feedback
import Foundation
import PDFReader
import Review
import TestSupport
import Testing

@Suite struct FeedbackTextTests {
    @Test func showsEachScoreWithItsLabelAndTheMedianUnderTheCriterion() {
        let lines = FeedbackFixtures.document().renderText().components(separatedBy: "\n")
        let start = lines.firstIndex(of: "Recognition")
        #expect(start != nil)
        guard let start else { return }
        #expect(
            Array(lines[start...].prefix(4)) == [
                "Recognition",
                "  Reviewer A: 3 (Evident)",
                "  Reviewer B: 4 (Strong evidence)",
                "  Median: 3.5 (between Evident and Strong evidence)",
            ])
    }

    @Test func showsCommentsUnderTheirReviewer() {
        let text = FeedbackFixtures.document().renderText()
        #expect(text.contains("  Reviewer A wrote:\n    A thoughtful first plan. Well done to everyone involved.\n"))
        #expect(text.contains("  Reviewer B wrote:\n    The commitment from senior leaders shines through.\n"))
    }

    @Test func putsTheCriteriaInRubricOrderThenStrengthsThenSuggestions() throws {
        let text = FeedbackFixtures.document().renderText()
        let headings = [
            "Visibility", "Recognition", "Career Development", "Sustainability", "Overall comments",
            "Strengths\n---------", "Suggestions\n-----------",
        ]
        let positions = try headings.map { heading in
            try #require(text.range(of: "\n" + heading + "\n")?.lowerBound, "no heading \(heading)")
        }
        #expect(positions == positions.sorted())
    }

    @Test func opensWarmlyToTheInstitutionAndClosesWithThanks() {
        let text = FeedbackFixtures.document().renderText()
        #expect(text.contains("Dear colleagues at Prifysgol Aberystwyth,"))
        #expect(text.contains("Reference:   TC-2024-07-0042"))
        #expect(text.contains("Compiled:    12 July 2024"))
        #expect(text.contains("Thank you for your self-assessment"))
        #expect(text.contains("Two peer reviewers"))
        #expect(text.hasSuffix("With best wishes,\nThe Technician Commitment peer review team\n"))
    }

    @Test func aCommentOnlyCriterionShowsNoScoreOrMedian() throws {
        let text = FeedbackFixtures.document().renderText()
        let overall = try #require(text.range(of: "\nOverall comments\n"))
        let strengths = try #require(text.range(of: "\nStrengths\n"))
        let section = text[overall.upperBound..<strengths.lowerBound]
        #expect(!section.contains("Median"))
        #expect(section.contains("Reviewer A wrote:"))
        #expect(!section.contains("Reviewer A: "))
    }

    @Test func everyLineFitsIn78CharactersEvenWithLongWordsAndNames() {
        var reviews = FeedbackFixtures.reviews
        reviews[0].comments["visibility"] =
            String(repeating: "Technicians at the institution are increasingly visible. ", count: 8)
            + "See https://www.example.ac.uk/technicians/commitment/our-technician-network-and-its-annual-report-2024.pdf"
            + "\n\n- first a short list item\n- then another list item that goes on for quite a long way past the edge"
        let document = FeedbackFixtures.document(
            institution: "The Prifysgol Aberystwyth Institute for Extraordinarily Long Names of Research Institutions",
            reviews: reviews)
        let lines = document.renderText().components(separatedBy: "\n")
        let long = lines.filter { $0.count > 78 }
        #expect(long.isEmpty, "\(long)")
        #expect(lines.contains { $0.hasPrefix("    - then another list item") })
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func anEmptyStrengthsOrSuggestionsListStillReadsKindly() {
        let reviews = [ReviewAnswers(scores: ["visibility": 4, "recognition": 4], comments: [:])]
        let rubric = Rubric(
            stage: 1, title: "Two themes", reviewersPerSubmission: 1, daysToReview: 21, scale: FeedbackFixtures.scale,
            criteria: Array(FeedbackFixtures.rubric.criteria.prefix(2)))
        let document = FeedbackFixtures.document(rubric: rubric, reviews: reviews)
        #expect(document.suggestions.isEmpty)
        let text = document.renderText()
        #expect(text.contains("One peer reviewer from another signatory institution"))
        #expect(text.contains("no particular suggestions"))
    }

    @Test func anUnknownInstitutionIsGreetedAsColleagues() throws {
        let document = FeedbackFixtures.document(institution: "")
        let text = document.renderText()
        #expect(text.contains("\nDear colleagues,\n"))
        #expect(text.contains("\nInstitution:\n"))
        let folder = TemporaryDirectory()
        try document.writePDF(to: folder.file("feedback.pdf"))
        #expect(try PDFDocument(path: folder.file("feedback.pdf")).text(page: 0).contains("Reference:"))
    }
}
