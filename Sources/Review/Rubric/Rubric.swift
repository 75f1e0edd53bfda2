/// One point of a rubric's score scale, such as `3: Evident`.
public struct ScalePoint: Sendable, Codable, Equatable {
    public var value: Int
    public var label: String

    public init(value: Int, label: String) {
        self.value = value
        self.label = label
    }
}

/// One thing a reviewer judges: a score line on the form, a comment line, or both.
public struct Criterion: Sendable, Codable, Equatable {
    /// Short, stable name from the rubric file, e.g. `visibility`; the key of scores and comments.
    public var id: String
    /// What the form shows, e.g. `Visibility`; the score line is `<title> (<min>-<max>):`.
    public var title: String
    /// One paragraph for the reviewer on what to look for.
    public var guidance: String
    /// False for a comment-only criterion (e.g. overall comments).
    public var scored: Bool
    public var commentRequired: Bool

    public init(id: String, title: String, guidance: String, scored: Bool, commentRequired: Bool) {
        self.id = id
        self.title = title
        self.guidance = guidance
        self.scored = scored
        self.commentRequired = commentRequired
    }
}

/// The peer-review rubric of one stage: the criteria in form order, the scale, and how the review is run.
public struct Rubric: Sendable, Codable, Equatable {
    /// 1, 2 or 3.
    public var stage: Int
    public var title: String
    public var reviewersPerSubmission: Int
    public var daysToReview: Int
    /// Consecutive values in ascending order, each with a label.
    public var scale: [ScalePoint]
    /// In form order.
    public var criteria: [Criterion]

    public init(
        stage: Int, title: String, reviewersPerSubmission: Int, daysToReview: Int, scale: [ScalePoint],
        criteria: [Criterion]
    ) {
        self.stage = stage
        self.title = title
        self.reviewersPerSubmission = reviewersPerSubmission
        self.daysToReview = daysToReview
        self.scale = scale
        self.criteria = criteria
    }

    /// The lowest score on the scale (0 for an empty scale, which the parser never produces).
    public var minScore: Int { scale.map(\.value).min() ?? 0 }
    /// The highest score on the scale.
    public var maxScore: Int { scale.map(\.value).max() ?? 0 }

    /// The criteria that take a score.
    public var scoredCriteria: [Criterion] { criteria.filter(\.scored) }

    /// The criterion with this id.
    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

    /// The label of a score, e.g. `Evident` for 3.
    public func label(for score: Int) -> String? { scale.first { $0.value == score }?.label }
}
