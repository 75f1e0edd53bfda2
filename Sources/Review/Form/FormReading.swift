import Foundation

/// The answers found in a run of reply lines: what follows each score line and each comment line.
struct FormReading {
    enum Item: Equatable {
        case text(String)
        /// A line that is not the reviewer's (quoted, an attribution): ends a comment, stops a next-line score.
        case boundary
    }

    let rubric: Rubric
    /// Criterion index → every non-empty score answer found (normally one).
    private(set) var scoreAnswers: [Int: [String]] = [:]
    /// Criterion index → every non-empty comment found (normally one).
    private(set) var comments: [Int: [String]] = [:]
    /// How many form lines were recognised, filled in or not.
    private(set) var formLines = 0

    init(items: [Item], matcher: FormLineMatcher, rubric: Rubric) {
        self.rubric = rubric
        var open: (criterion: Int, lines: [String])?
        func close() {
            if let current = open {
                let text = Self.commentText(current.lines)
                if !text.isEmpty, comments[current.criterion]?.contains(text) != true {
                    comments[current.criterion, default: []].append(text)
                }
            }
            open = nil
        }
        var index = 0
        while index < items.count {
            defer { index += 1 }
            guard case .text(let line) = items[index] else {
                close()
                continue
            }
            if Self.isFurniture(line) {
                close()
                continue
            }
            guard let found = matcher.match(line) else {
                open?.lines.append(line)
                continue
            }
            switch found.kind {
            case .comment:
                close()
                formLines += 1
                open = (found.criterion, [found.answer])
            case .score:
                var answer = found.answer
                var nextLine: Int?
                if answer.isEmpty, let (at, text) = Self.nextAnswer(items, after: index, matcher: matcher),
                    found.strong || ScoreText.looksLikeScore(text, rubric: rubric)
                {
                    answer = text
                    nextLine = at
                }
                if !found.strong, answer.isEmpty || !ScoreText.looksLikeScore(answer, rubric: rubric) {
                    open?.lines.append(line)  // "Visibility: the network is…" inside a comment
                    continue
                }
                close()
                formLines += 1
                if !answer.isEmpty { scoreAnswers[found.criterion, default: []].append(answer) }
                if let nextLine { index = nextLine }
            }
        }
        close()
    }

    /// The reviewer's answers, or every problem in form order.
    func validated() -> Result<ReviewAnswers, ReplyErrors> {
        var problems: [ReplyProblem] = []
        var answers = ReviewAnswers(scores: [:], comments: [:])
        let range = "\(rubric.minScore)-\(rubric.maxScore)"
        for (index, criterion) in rubric.criteria.enumerated() {
            if criterion.scored {
                let line = ReviewForm.scoreLine(for: criterion, in: rubric)
                let readings = (scoreAnswers[index] ?? []).map { ScoreText.read($0, rubric: rubric) }
                let values = readings.compactMap { reading -> Int? in
                    if case .score(let value) = reading { return value }
                    return nil
                }
                let distinct = values.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
                if let fault = readings.lazy.compactMap(Self.message).first {
                    problems.append(ReplyProblem(line: line, message: fault(rubric)))
                } else if distinct.isEmpty {
                    problems.append(ReplyProblem(line: line, message: "no score given"))
                } else if distinct.count > 1 {
                    let given = distinct.map(String.init).joined(separator: " and ")
                    problems.append(
                        ReplyProblem(line: line, message: "different scores given (\(given)); keep one from \(range)"))
                } else {
                    answers.scores[criterion.id] = distinct[0]
                }
            }
            let comment = (comments[index] ?? []).joined(separator: "\n\n")
            if !comment.isEmpty {
                answers.comments[criterion.id] = comment
            } else if criterion.commentRequired {
                problems.append(
                    ReplyProblem(line: ReviewForm.commentLine(for: criterion), message: "a comment is required"))
            }
        }
        return problems.isEmpty ? .success(answers) : .failure(ReplyErrors(problems: problems))
    }

    private static func message(_ reading: ScoreText) -> ((Rubric) -> String)? {
        switch reading {
        case .score, .empty:
            return nil
        case .outOfRange(let value):
            return { "the score \(value) is outside \($0.minScore)-\($0.maxScore)" }
        case .notWhole(let text):
            return { "\"\(text)\" is not a whole number from \($0.minScore) to \($0.maxScore)" }
        }
    }

    /// Guidance (`|`), headings (`===`, `-----`), a signature separator (`--`), a sign-off ("Kind regards,")
    /// and a phone's "Sent from my iPhone": never part of an answer, and the end of a comment.
    static func isFurniture(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|") || trimmed.hasPrefix("===") || trimmed.hasPrefix("-----") || trimmed == "--" {
            return true
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("sent from my ") || lower.hasPrefix("get outlook for ") { return true }
        return signOffs.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ",.!")))
    }

    /// Lines that close a letter; a line holding only one of these ends the comment above it.
    private static let signOffs: Set<String> = [
        "best wishes", "with best wishes", "kind regards", "regards", "best regards", "warm regards",
        "warmest regards", "many thanks", "thanks", "thank you", "thanks again", "with thanks", "cheers", "best",
        "all the best", "yours sincerely", "sincerely", "yours", "all best",
    ]

    /// The first non-blank line after `index` when it may be the answer to an empty score line: not a boundary,
    /// furniture or another form line.
    private static func nextAnswer(_ items: [Item], after index: Int, matcher: FormLineMatcher) -> (Int, String)? {
        for next in (index + 1)..<items.count {
            guard case .text(let line) = items[next] else { return nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if isFurniture(trimmed) || matcher.match(trimmed) != nil { return nil }
            return (next, trimmed)
        }
        return nil
    }

    /// Comment lines without trailing spaces or blank lines around them.
    private static func commentText(_ lines: [String]) -> String {
        let trimmed = lines.map { line in
            String(line.reversed().drop(while: \.isWhitespace).reversed())
        }
        return ReplyLines.trimmedBlankLines(trimmed).joined(separator: "\n")
    }
}
