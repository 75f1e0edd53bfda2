import Feedback
import Foundation
import Review
import Testing

@Suite struct FeedbackCompilerTests {
    @Test func keepsEachReviewersScoreInReviewerOrderWithTheMedian() throws {
        let document = FeedbackFixtures.document()
        let visibility = try #require(FeedbackFixtures.criterion("visibility", in: document))
        let recognition = try #require(FeedbackFixtures.criterion("recognition", in: document))
        let career = try #require(FeedbackFixtures.criterion("career-development", in: document))
        #expect(visibility.scores == [4, 4])
        #expect(visibility.median == 4)
        #expect(recognition.scores == [3, 4])
        #expect(recognition.median == 3.5)
        #expect(career.scores == [1, 2])
        #expect(career.median == 1.5)
        #expect(recognition.scoredBy == ["Reviewer A", "Reviewer B"])
        #expect(document.reviewerCount == 2)
        #expect(document.criteria.map(\.id) == FeedbackFixtures.rubric.criteria.map(\.id))
    }

    @Test func theMedianOfAnOddCountIsTheMiddleScore() throws {
        let reviews = [1, 4, 2].map { ReviewAnswers(scores: ["visibility": $0], comments: [:]) }
        let document = FeedbackFixtures.document(reviews: reviews)
        let visibility = try #require(FeedbackFixtures.criterion("visibility", in: document))
        #expect(visibility.scores == [1, 4, 2])
        #expect(visibility.median == 2)
        #expect(visibility.scoredBy == ["Reviewer A", "Reviewer B", "Reviewer C"])
    }

    @Test func attributesCommentsToReviewerAAndBInTheOrderGiven() throws {
        let document = FeedbackFixtures.document()
        let overall = try #require(FeedbackFixtures.criterion("overall", in: document))
        #expect(
            overall.comments == [
                ReviewerComment(
                    reviewer: "Reviewer A", text: "A thoughtful first plan. Well done to everyone involved."),
                ReviewerComment(reviewer: "Reviewer B", text: "The commitment from senior leaders shines through."),
            ])
        let career = try #require(FeedbackFixtures.criterion("career-development", in: document))
        #expect(career.comments.map(\.reviewer) == ["Reviewer B"])
    }

    @Test func aCommentOnlyCriterionHasCommentsButNoScoresOrMedian() throws {
        let reviews = FeedbackFixtures.reviews.map {
            var review = $0
            review.scores["overall"] = 3  // a stray score must not make it a scored criterion
            return review
        }
        let overall = try #require(
            FeedbackFixtures.criterion("overall", in: FeedbackFixtures.document(reviews: reviews)))
        #expect(!overall.scored)
        #expect(overall.scores.isEmpty)
        #expect(overall.median == nil)
        #expect(overall.comments.count == 2)
    }

    @Test func aScoredCriterionNobodyScoredHasNoMedian() throws {
        let reviews = [ReviewAnswers(scores: [:], comments: ["visibility": "Not sure yet."])]
        let visibility = try #require(
            FeedbackFixtures.criterion("visibility", in: FeedbackFixtures.document(reviews: reviews)))
        #expect(visibility.scores.isEmpty)
        #expect(visibility.median == nil)
        #expect(visibility.comments.count == 1)
    }

    @Test func aMissingScoreDoesNotShiftTheOthersToTheWrongReviewer() throws {
        let reviews = [
            ReviewAnswers(scores: [:], comments: [:]),
            ReviewAnswers(scores: ["visibility": 3], comments: [:]),
        ]
        let document = FeedbackFixtures.document(reviews: reviews)
        let visibility = try #require(FeedbackFixtures.criterion("visibility", in: document))
        #expect(visibility.scoredBy == ["Reviewer B"])
        #expect(document.renderText().contains("Reviewer B: 3 (Evident)"))
        #expect(!document.renderText().contains("Reviewer A: 3"))
    }

    @Test func reviewersAreNamedByLetterBeyondTheAlphabet() {
        #expect(ReviewerComment.name(of: 0) == "Reviewer A")
        #expect(ReviewerComment.name(of: 25) == "Reviewer Z")
        #expect(ReviewerComment.name(of: 26) == "Reviewer AA")
    }

    @Test func strengthsComeFromHighMediansHighestFirst() {
        let strengths = FeedbackFixtures.document().strengths
        #expect(strengths.count == 2)
        #expect(strengths.first?.hasPrefix("Visibility") == true)  // median 4
        #expect(strengths.last?.hasPrefix("Recognition") == true)  // median 3.5
        #expect(strengths.last?.contains("rated 3.5 out of 4") == true)
        #expect(!strengths.joined().contains("Career Development"))
        #expect(!strengths.joined().contains("Sustainability"))
    }

    @Test func suggestionsComeFromLowerMediansLowestFirstAndAreConstructive() {
        let suggestions = FeedbackFixtures.document().suggestions
        #expect(suggestions.count == 2)
        #expect(suggestions.first?.hasPrefix("Career Development") == true)  // median 1.5
        #expect(suggestions.last?.hasPrefix("Sustainability") == true)  // median 2.5
        #expect(!suggestions.joined().contains("Visibility"))
        for suggestion in suggestions {
            #expect(suggestion.contains("would be stronger"), "\(suggestion)")
        }
        let harsh = ["poor", "weak", "fail", "inadequate", "unacceptable", "lacks", "bad"]
        let words = (suggestions + FeedbackFixtures.document().strengths).joined(separator: " ").lowercased()
        for word in harsh {
            #expect(!words.contains(word), "'\(word)' is not the programme's tone")
        }
    }

    @Test func themesWithoutAShippedPhraseStillGetAStrengthAndASuggestion() {
        let rubric = Rubric(
            stage: 1, title: "Custom", reviewersPerSubmission: 1, daysToReview: 21, scale: FeedbackFixtures.scale,
            criteria: [
                FeedbackFixtures.criterion("outreach", "Outreach"), FeedbackFixtures.criterion("estates", "Estates"),
            ])
        let document = FeedbackFixtures.document(
            rubric: rubric, reviews: [ReviewAnswers(scores: ["outreach": 4, "estates": 1], comments: [:])])
        #expect(document.strengths.count == 1)
        #expect(document.strengths.first?.hasPrefix("Outreach") == true)
        #expect(document.suggestions.count == 1)
        #expect(document.suggestions.first?.hasPrefix("Estates") == true)
    }

    @Test func noReviewerIdentityReachesTheTextOrTheJSON() throws {
        // Answers for ids the rubric does not have (say, a name a form parser kept by mistake) are not passed on.
        let sentinel = "Dr Sentinel Q. Reviewerson"
        var reviews = FeedbackFixtures.reviews
        reviews[0].comments["reviewer-name"] = sentinel
        let document = FeedbackFixtures.document(reviews: reviews)
        let text = document.renderText()
        let json = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        #expect(text.contains("Reviewer A"))
        #expect(text.contains("Reviewer B"))
        #expect(json.contains("Reviewer A"))
        #expect(!text.contains("Sentinel"))
        #expect(!json.contains("Sentinel"))
    }

    @Test func anAddressWrittenIntoACommentIsWithheld() throws {
        var reviews = FeedbackFixtures.reviews
        reviews[1].comments["overall"] = "Happy to help further: s.jones@aber.ac.uk or <mailto:S.Jones@Aber.AC.UK>."
        let document = FeedbackFixtures.document(reviews: reviews)
        let text = document.renderText()
        let json = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        for output in [text, json] {
            #expect(!output.lowercased().contains("jones"))
            #expect(!output.contains("@"))
        }
        #expect(text.contains("Happy to help further: [address withheld] or <[address withheld]>."))
    }

    @Test func theDocumentSurvivesAJSONRoundTrip() throws {
        let document = FeedbackFixtures.document()
        let decoded = try JSONDecoder().decode(FeedbackDocument.self, from: try JSONEncoder().encode(document))
        #expect(decoded == document)
    }
}
