import Foundation

/// Reads a reviewer's emailed reply against the rubric and checks it.
public enum ReplyParser {
    /// Reads a reviewer's reply: text/plain preferred, else text from the HTML; drops quoted text; returns the
    /// answers, or every problem (required score missing, out of range, not a number, required comment missing).
    ///
    /// Only the reviewer's own lines are read. When they hold no form line at all, the reviewer may have filled
    /// in the quoted copy (`> Visibility (1-4): 3`), so the quoted form lines (first level only, not guidance or
    /// older quotes) and the original Outlook appends unquoted are read instead; a quoted form left empty gives
    /// "no score given", never an answer.
    public static func parse(plainText: String?, htmlText: String?, rubric: Rubric) -> Result<
        ReviewAnswers, ReplyErrors
    > {
        let text: String
        if let plainText, !plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text = plainText
        } else {
            text = htmlText.map(ReplyText.fromHTML) ?? ""
        }
        let reply = ReplyLines(text)
        let matcher = FormLineMatcher(rubric: rubric)
        var reading = FormReading(items: ownItems(reply), matcher: matcher, rubric: rubric)
        if reading.formLines == 0 {
            reading = FormReading(
                items: quotedFormItems(reply, matcher: matcher, rubric: rubric), matcher: matcher, rubric: rubric)
        }
        return reading.validated()
    }

    /// The reviewer's own lines; anything quoted becomes a boundary that ends a comment.
    static func ownItems(_ reply: ReplyLines) -> [FormReading.Item] {
        reply.lines.map { line in
            if case .own(let text) = line { return .text(text) }
            return .boundary
        }
    }

    /// Own lines, plus first-level quoted form lines without their `>` (and the lines of a comment typed into
    /// the quote, which a client wraps as quoted lines right below its comment line), plus the unquoted
    /// original below an Outlook header; other quoted lines are boundaries. A quoted score line followed by
    /// words rather than a score ("Visibility (1-4): no score given", as a quoted correction request lists it)
    /// is not an answer.
    static func quotedFormItems(_ reply: ReplyLines, matcher: FormLineMatcher, rubric: Rubric) -> [FormReading.Item] {
        var inComment = false
        return reply.lines.map { line in
            switch line {
            case .own(let text):
                inComment = false
                return .text(text)
            case .quoted(let depth, let text) where depth == 1:
                if text.trimmingCharacters(in: .whitespaces).isEmpty {
                    inComment = false
                    return .text("")
                }
                if let found = matcher.match(text) {
                    inComment = found.kind == .comment
                    if found.kind == .score, !found.answer.isEmpty,
                        !ScoreText.looksLikeScore(found.answer, rubric: rubric)
                    {
                        return .boundary
                    }
                    return .text(text)
                }
                // The form leaves a blank line after every comment line, so an empty quoted form has no such line.
                if inComment, !FormReading.isFurniture(text) { return .text(text) }
                inComment = false
                return .boundary
            case .original(let text):
                inComment = false
                return text.trimmingCharacters(in: .whitespaces).hasPrefix(">") ? .boundary : .text(text)
            case .quoted, .marker:
                inComment = false
                return .boundary
            }
        }
    }
}
