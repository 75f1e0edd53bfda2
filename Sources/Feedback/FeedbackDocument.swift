import Foundation
import Review

/// The feedback on one submission, compiled from its reviews: what `feedback.txt` and `feedback.pdf` show.
public struct FeedbackDocument: Sendable, Codable, Equatable {
    /// The submission's reference.
    public var reference: String
    public var institution: String
    public var rubricTitle: String
    /// The rubric's scale, lowest first.
    public var scale: [ScalePoint]
    public var reviewerCount: Int
    /// In rubric order.
    public var criteria: [CriterionFeedback]
    /// Plain-language sentences about the highest-scoring criteria, highest first.
    public var strengths: [String]
    /// Constructive sentences about the other scored criteria, lowest first.
    public var suggestions: [String]
    public var compiled: Date

    public init(
        reference: String, institution: String, rubricTitle: String, scale: [ScalePoint], reviewerCount: Int,
        criteria: [CriterionFeedback], strengths: [String], suggestions: [String], compiled: Date
    ) {
        self.reference = reference
        self.institution = institution
        self.rubricTitle = rubricTitle
        self.scale = scale
        self.reviewerCount = reviewerCount
        self.criteria = criteria
        self.strengths = strengths
        self.suggestions = suggestions
        self.compiled = compiled
    }

    /// The lowest score on the scale.
    var minScore: Int { scale.map(\.value).min() ?? 0 }
    /// The highest score on the scale.
    var maxScore: Int { scale.map(\.value).max() ?? 0 }

    /// The scale's label for a score, e.g. `Evident` for 3.
    func label(for score: Int) -> String? { scale.first { $0.value == score }?.label }
}
