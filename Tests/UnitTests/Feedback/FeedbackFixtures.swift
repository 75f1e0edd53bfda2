import Feedback
import Foundation
import Review

/// A Stage 1-like rubric and reviews for the feedback tests.
enum FeedbackFixtures {
    static let scale = [
        ScalePoint(value: 1, label: "Not yet evident"), ScalePoint(value: 2, label: "Partly evident"),
        ScalePoint(value: 3, label: "Evident"), ScalePoint(value: 4, label: "Strong evidence"),
    ]

    /// Four scored themes and a comment-only `overall`.
    static let rubric = Rubric(
        stage: 1, title: "Stage 1 (Initial) self-assessment and action plan", reviewersPerSubmission: 2,
        daysToReview: 21, scale: scale,
        criteria: [
            criterion("visibility", "Visibility"),
            criterion("recognition", "Recognition"),
            criterion("career-development", "Career Development"),
            criterion("sustainability", "Sustainability"),
            Criterion(id: "overall", title: "Overall comments", guidance: "", scored: false, commentRequired: true),
        ])

    static func criterion(_ id: String, _ title: String) -> Criterion {
        Criterion(id: id, title: title, guidance: "", scored: true, commentRequired: false)
    }

    /// Medians: visibility 4, recognition 3.5, career development 1.5, sustainability 2.5.
    static let reviews = [
        ReviewAnswers(
            scores: ["visibility": 4, "recognition": 3, "career-development": 1, "sustainability": 2],
            comments: [
                "visibility": "The technician network is a lovely example.",
                "overall": "A thoughtful first plan. Well done to everyone involved.",
            ]),
        ReviewAnswers(
            scores: ["visibility": 4, "recognition": 4, "career-development": 2, "sustainability": 3],
            comments: [
                "career-development": "Case studies of technician careers would be a good first step.",
                "overall": "The commitment from senior leaders shines through.",
            ]),
    ]

    static let compiled = Date(timeIntervalSince1970: 1_720_780_000)  // 12 July 2024

    static func document(
        institution: String = "Prifysgol Aberystwyth", rubric: Rubric = rubric, reviews: [ReviewAnswers] = reviews
    ) -> FeedbackDocument {
        FeedbackCompiler.compile(
            reference: "TC-2024-07-0042", institution: institution, rubric: rubric, reviews: reviews,
            compiled: compiled)
    }

    /// A rubric of `count` scored themes, each reviewed at length, for feedback that runs over pages.
    static func longDocument(themes count: Int = 12) -> FeedbackDocument {
        let criteria = (1...count).map { criterion("theme-\($0)", "Theme number \($0)") }
        let longRubric = Rubric(
            stage: 2, title: "Stage 2 self-assessment", reviewersPerSubmission: 2, daysToReview: 21, scale: scale,
            criteria: criteria)
        let paragraph = String(
            repeating: "The plan describes this theme with care and the reviewers enjoyed reading about it. ", count: 6)
        let reviews = (0..<2).map { reviewer in
            ReviewAnswers(
                scores: Dictionary(
                    uniqueKeysWithValues: criteria.enumerated().map { ($1.id, 1 + ($0 + reviewer) % 4) }),
                comments: Dictionary(uniqueKeysWithValues: criteria.map { ($0.id, paragraph + "\n\n" + paragraph) }))
        }
        return FeedbackCompiler.compile(
            reference: "TC-2025-01-0007", institution: "Liverpool John Moores University", rubric: longRubric,
            reviews: reviews, compiled: compiled)
    }

    /// The feedback for criterion `id`.
    static func criterion(_ id: String, in document: FeedbackDocument) -> CriterionFeedback? {
        document.criteria.first { $0.id == id }
    }
}
