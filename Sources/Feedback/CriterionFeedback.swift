import Review

/// What the reviewers said about one criterion of the rubric, with the reviewers anonymised.
public struct CriterionFeedback: Sendable, Codable, Equatable {
    /// The rubric's id, e.g. `career-development`.
    public var id: String
    /// As the rubric shows it, e.g. `Career Development`.
    public var title: String
    /// False for a comment-only criterion, which has no scores and no median.
    public var scored: Bool
    /// One per review that scored this criterion, in reviewer order (A, B, …).
    public var scores: [Int]
    /// Who gave each of `scores`, e.g. `Reviewer A`; the same length as `scores`.
    public var scoredBy: [String]
    /// The median of `scores`; nil when there are none.
    public var median: Double?
    /// In reviewer order; only reviewers who wrote something.
    public var comments: [ReviewerComment]

    /// `scoredBy` defaults to Reviewer A, B, … in the order of `scores`.
    public init(
        id: String, title: String, scored: Bool, scores: [Int], scoredBy: [String]? = nil, median: Double?,
        comments: [ReviewerComment]
    ) {
        self.id = id
        self.title = title
        self.scored = scored
        self.scores = scores
        self.scoredBy = scoredBy ?? scores.indices.map(ReviewerComment.name(of:))
        self.median = median
        self.comments = comments
    }
}

/// One reviewer's comment on one criterion, under the reviewer's anonymous name.
public struct ReviewerComment: Sendable, Codable, Equatable {
    /// `Reviewer A`, `Reviewer B`, …
    public var reviewer: String
    /// As the reviewer wrote it (trimmed, e-mail addresses withheld); may hold several paragraphs.
    public var text: String

    public init(reviewer: String, text: String) {
        self.reviewer = reviewer
        self.text = text
    }

    /// The anonymous name of the reviewer at `index` (0-based): `Reviewer A` … `Reviewer Z`, then `Reviewer AA`, ….
    public static func name(of index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var number = index + 1
        var name = ""
        while number > 0 {
            number -= 1
            name = String(letters[number % 26]) + name
            number /= 26
        }
        return "Reviewer \(name)"
    }
}
