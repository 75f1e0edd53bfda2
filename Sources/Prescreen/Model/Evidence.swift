import Foundation

/// Shapes quotes from the text for findings: one line, at most 200 characters.
enum Evidence {
    static let limit = 200

    /// The text on one line with runs of whitespace collapsed, cut at a word with "…" when too long.
    static func quote(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard line.count > limit else { return line }
        let cut = line.prefix(limit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
