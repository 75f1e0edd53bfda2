import Foundation
import Review

/// Turns the reviews of one submission into the feedback the institution receives.
public enum FeedbackCompiler {
    /// Compiles per-criterion scores, medians and comments, then strengths and suggestions.
    ///
    /// Reviewers are anonymised in the order given (Reviewer A, B, …): the answers carry no names, and any
    /// e-mail address written into a comment is withheld.
    public static func compile(
        reference: String, institution: String, rubric: Rubric, reviews: [ReviewAnswers], compiled: Date
    ) -> FeedbackDocument {
        let criteria = rubric.criteria.map { criterion(for: $0, reviews: reviews) }
        var document = FeedbackDocument(
            reference: reference, institution: institution, rubricTitle: rubric.title, scale: rubric.scale,
            reviewerCount: reviews.count, criteria: criteria, strengths: [], suggestions: [], compiled: compiled)
        (document.strengths, document.suggestions) = strengthsAndSuggestions(document)
        return document
    }

    /// One criterion's scores and comments, in reviewer order.
    static func criterion(for criterion: Criterion, reviews: [ReviewAnswers]) -> CriterionFeedback {
        var scores: [Int] = []
        var scoredBy: [String] = []
        var comments: [ReviewerComment] = []
        for (index, review) in reviews.enumerated() {
            let reviewer = ReviewerComment.name(of: index)
            if criterion.scored, let score = review.scores[criterion.id] {
                scores.append(score)
                scoredBy.append(reviewer)
            }
            if let raw = review.comments[criterion.id] {
                let text = CommentText.cleaned(raw)
                if !text.isEmpty { comments.append(ReviewerComment(reviewer: reviewer, text: text)) }
            }
        }
        return CriterionFeedback(
            id: criterion.id, title: criterion.title, scored: criterion.scored, scores: scores, scoredBy: scoredBy,
            median: ScoreMedian.of(scores), comments: comments)
    }

    /// Where the scale's upper part starts: two thirds of the way up (3 on a 1–4 scale).
    static func strengthThreshold(min: Int, max: Int) -> Double {
        Double(min) + Double(max - min) * 2 / 3
    }

    /// Where the scale's lower part ends: one third of the way up (2 on a 1–4 scale).
    static func lowThreshold(min: Int, max: Int) -> Double {
        Double(min) + Double(max - min) / 3
    }

    /// A strength for every scored criterion whose median is in the upper part of the scale, highest first;
    /// a suggestion for every other scored criterion, lowest first (criteria with no scores get neither).
    static func strengthsAndSuggestions(_ document: FeedbackDocument) -> (strengths: [String], suggestions: [String]) {
        let (low, high) = (document.minScore, document.maxScore)
        let upper = strengthThreshold(min: low, max: high) - 1e-9
        let lower = lowThreshold(min: low, max: high) + 1e-9
        let rated = document.criteria.enumerated().compactMap { index, criterion in
            criterion.median.map { (index: index, criterion: criterion, median: $0) }
        }
        func rating(_ median: Double) -> String { "rated \(ScoreWords.number(median)) out of \(high)" }

        let strengths =
            rated
            .filter { $0.median >= upper }
            .sorted { ($0.median, -$0.index) > ($1.median, -$1.index) }
            .enumerated()
            .map { position, item in
                ThemePhrases.strength(
                    id: item.criterion.id, title: item.criterion.title, rating: rating(item.median), position: position)
            }
        let suggestions =
            rated
            .filter { $0.median < upper }
            .sorted { ($0.median, $0.index) < ($1.median, $1.index) }
            .map {
                $0.median <= lower
                    ? ThemePhrases.suggestion(id: $0.criterion.id, title: $0.criterion.title, rating: rating($0.median))
                    : ThemePhrases.nextStep(id: $0.criterion.id, title: $0.criterion.title, rating: rating($0.median))
            }
        return (strengths, suggestions)
    }
}
