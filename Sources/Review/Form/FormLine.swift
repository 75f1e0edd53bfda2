import Foundation

/// One line of a reply recognised as a form line: a criterion's score line or its comment line.
struct FormLine: Equatable {
    enum Kind: Equatable { case score, comment }

    /// Index of the criterion in the rubric.
    var criterion: Int
    var kind: Kind
    /// What follows the colon, trimmed (bold markers removed for scores).
    var answer: String
    /// Written with the range, as the form has it (`Visibility (1-4):`); a bare `Visibility:` is weak and
    /// counts only when a score follows, so a comment that starts "Visibility: …" stays a comment.
    var strong: Bool

    /// Lowercased, with runs of whitespace as one space: how titles are compared.
    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Recognises the form lines of one rubric in reply text, whatever their case, spacing or bold markers.
struct FormLineMatcher {
    private let rubric: Rubric
    /// Criterion indices, longest title first, so "Action plan quality" wins over "Action plan".
    private let order: [Int]

    init(rubric: Rubric) {
        self.rubric = rubric
        order = rubric.criteria.indices.sorted { rubric.criteria[$0].title.count > rubric.criteria[$1].title.count }
    }

    func match(_ line: String) -> FormLine? {
        var text = Substring(line)
        text = text.drop { $0 == " " || $0 == "*" || $0 == "_" }
        for index in order {
            if let found = match(text, criterion: index) { return found }
        }
        return nil
    }

    private func match(_ text: Substring, criterion index: Int) -> FormLine? {
        let criterion = rubric.criteria[index]
        guard var rest = Self.consume(criterion.title, from: text) else { return nil }
        rest = Self.skipDecoration(rest)
        if let first = rest.first, first.isLetter || first.isNumber {
            // Only "comment(s)" may follow the title directly: "Visibility comments:".
            let word = rest.prefix { $0.isLetter }
            guard ["comments", "comment"].contains(word.lowercased()) else { return nil }
            rest = Self.skipDecoration(rest.dropFirst(word.count))
            _ = Self.parenthesis(&rest)
            guard rest.first == ":" else { return nil }
            return FormLine(criterion: index, kind: .comment, answer: Self.answer(rest.dropFirst()), strong: true)
        }
        let bracket = Self.parenthesis(&rest)
        // "(1-4)" marks the form line; "(succession planning)" in a sentence does not.
        let ranged = bracket?.contains(where: \.isNumber) == true
        let colon = rest.first == ":"
        guard colon || ranged else { return nil }
        let answer = Self.answer(colon ? rest.dropFirst() : rest)
        if !criterion.scored {
            // A comment-only criterion has no score line: "Overall comments:" is its comment line.
            return colon ? FormLine(criterion: index, kind: .comment, answer: answer, strong: true) : nil
        }
        if !colon, !answer.isEmpty, !ScoreText.looksLikeScore(answer, rubric: rubric) { return nil }
        return FormLine(criterion: index, kind: .score, answer: answer, strong: ranged)
    }

    /// What is left after `title` at the start of `text`, comparing without case and with any run of spaces
    /// matching any other; nil when `text` does not start with the title.
    static func consume(_ title: String, from text: Substring) -> Substring? {
        var rest = text
        for word in title.split(whereSeparator: \.isWhitespace) {
            rest = rest.drop { $0 == " " }
            guard rest.count >= word.count, rest.prefix(word.count).lowercased() == word.lowercased() else {
                return nil
            }
            rest = rest.dropFirst(word.count)
            if let next = rest.first, next != " ", next.isLetter || next.isNumber, word.last?.isLetter == true {
                return nil
            }
        }
        return rest
    }

    private static func skipDecoration(_ text: Substring) -> Substring {
        text.drop { $0 == " " || $0 == "*" || $0 == "_" }
    }

    /// Consumes "(1-4)" (any text in brackets) and the spaces and bold markers after it; returns what was inside.
    private static func parenthesis(_ text: inout Substring) -> Substring? {
        guard text.first == "(" || text.first == "[", let close = text.firstIndex(where: { $0 == ")" || $0 == "]" })
        else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close]
        text = skipDecoration(text[text.index(after: close)...])
        return inside
    }

    /// The text after the colon, without the bold markers a rich-text client may leave around it.
    private static func answer(_ text: Substring) -> String {
        skipDecoration(text).trimmingCharacters(in: .whitespaces)
    }
}
