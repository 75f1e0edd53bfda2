/// A reviewer's validated answers to a rubric.
public struct ReviewAnswers: Sendable, Codable, Equatable {
    /// Criterion id → score.
    public var scores: [String: Int]
    /// Criterion id → comment text (may span lines); only criteria with a comment appear.
    public var comments: [String: String]

    public init(scores: [String: Int], comments: [String: String]) {
        self.scores = scores
        self.comments = comments
    }
}

/// One thing to fix in a reply, named by the form line the reviewer has to look at.
public struct ReplyProblem: Sendable, Equatable, CustomStringConvertible {
    /// The exact form line to fix, e.g. `Visibility (1-4):` or `Overall comments:`.
    public var line: String
    /// What is wrong, in plain words: "no score given", "the score 7 is outside 1-4", "a comment is required".
    public var message: String

    public init(line: String, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "\(line) \(message)" }
}

/// Every problem found in a reply, in form order; nothing from such a reply is used.
public struct ReplyErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ReplyProblem]

    public init(problems: [ReplyProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
