/// The rubric as a plain-text form for the body of the reviewer's email.
///
/// Every line the reviewer fills in is unmistakable: `<title> (<min>-<max>):` for a score and
/// `<title> comments:` for a comment. Everything else is form furniture the reply parser steps over:
/// headings between `===` and guidance lines starting with `|`.
public enum ReviewForm {
    /// Lines are kept to this width so mail clients do not rewrap them.
    static let width = 78

    /// The fill-in form for the email body: an intro line on how to reply, then for each criterion its guidance
    /// (lines starting `|`), its score line `<title> (<min>-<max>):` when scored, and its comment line
    /// (`<title> comments:`, or `<title>:` when the title already ends in "comments"); then the scale with labels.
    public static func render(_ rubric: Rubric) -> String {
        let range = "\(rubric.minScore) to \(rubric.maxScore)"
        var lines: [String] = []
        lines += TextWrap.wrap(
            "How to fill in: write each score, a whole number from \(range) (the scale is at the end), after the "
                + "colon of its line, and your comments after \"comments:\" (as many lines as you need). Lines "
                + "starting with \"|\" are guidance: you may leave them or delete them.", width: width)
        for criterion in rubric.criteria {
            lines.append("")
            lines.append("=== \(criterion.title) ===")
            var guidance = criterion.guidance
            if criterion.commentRequired {
                guidance += (guidance.isEmpty ? "" : " ") + "A comment is required."
            }
            lines += TextWrap.wrap(guidance, width: width - 2).map { "| " + $0 }
            lines.append("")
            if criterion.scored {
                lines.append(scoreLine(for: criterion, in: rubric))
                lines.append("")
            }
            lines.append(commentLine(for: criterion))
            lines.append("")
        }
        lines.append("")
        lines.append("=== Scale ===")
        for point in rubric.scale {
            lines += TextWrap.wrap("\(point.value) = \(point.label)", width: width - 2).map { "| " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The score line as the form shows it, e.g. `Visibility (1-4):`; also the `line` of a `ReplyProblem`.
    public static func scoreLine(for criterion: Criterion, in rubric: Rubric) -> String {
        "\(criterion.title) (\(rubric.minScore)-\(rubric.maxScore)):"
    }

    /// The comment line as the form shows it: `Visibility comments:`, or `Overall comments:` for a title that
    /// already ends in "comments".
    public static func commentLine(for criterion: Criterion) -> String {
        endsWithComments(criterion.title) ? "\(criterion.title):" : "\(criterion.title) comments:"
    }

    static func endsWithComments(_ title: String) -> Bool {
        let last = title.split(whereSeparator: \.isWhitespace).last?.lowercased()
        return last == "comments" || last == "comment"
    }
}
