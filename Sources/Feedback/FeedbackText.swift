extension FeedbackDocument {
    /// The widest line of `feedback.txt`.
    public static let textWidth = 78

    /// `feedback.txt`: a letter to the institution with every criterion's scores, median and comments, then
    /// strengths and suggestions; lines of at most 78 characters, ending in a newline.
    public func renderText() -> String {
        PlainTextLayout.render(FeedbackOutline(self).blocks, width: Self.textWidth)
    }
}

/// Lays blocks out as plain text lines of at most `width` characters.
enum PlainTextLayout {
    static func render(_ blocks: [FeedbackBlock], width: Int) -> String {
        let labelWidth =
            blocks.compactMap { block -> Int? in
                if case .field(let label, _) = block { return label.count + 2 } else { return nil }
            }.max() ?? 0
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .title(let text), .heading(let text, level: 1):
                let wrapped = Wrap.lines(text, width: width)
                lines += wrapped
                let rule: Character = if case .title = block { "=" } else { "-" }
                lines.append(String(repeating: rule, count: wrapped.map(\.count).max() ?? 0))
                if case .title = block { lines.append("") }
            case .heading(let text, _):
                lines += Wrap.lines(text, width: width)
            case .field(let label, let value):
                let lead = (label + ":").padding(toLength: labelWidth)
                let wrapped = Wrap.lines(value, width: max(1, width - labelWidth))
                let pad = String(repeating: " ", count: labelWidth)
                lines +=
                    wrapped.isEmpty
                    ? [lead.trimmingTrailingSpaces]
                    : wrapped.enumerated().map { ($0.offset == 0 ? lead : pad) + $0.element }
            case .paragraph(let text, let indent):
                let pad = String(repeating: " ", count: 2 * indent)
                lines += Wrap.lines(text, width: max(1, width - pad.count)).map { pad + $0 }
            case .bullet(let text):
                lines += Wrap.lines(text, width: width - 2).enumerated().map {
                    ($0.offset == 0 ? "- " : "  ") + $0.element
                }
            case .space:
                if let last = lines.last, !last.isEmpty { lines.append("") }
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string padded with spaces to `length` characters (never cut).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
