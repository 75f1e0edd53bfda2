import Foundation
import MIME
import Review
import Service

/// The command a coordinator's reply gives: the first line of their own text (quotes, attributions and
/// Outlook's appended original dropped; an HTML-only reply read as text), split into a word and the rest.
struct ReplyCommand: Equatable {
    /// The first line as written, on one line and at most 200 characters: what the acknowledgement quotes.
    var line: String
    /// The first word, lower case, without trailing punctuation (`Send.` is `send`).
    var word: String
    /// What follows the word, trimmed (`assign Aberystwyth University` → `Aberystwyth University`).
    var argument: String

    var command: NoticeCommand? { NoticeCommand(rawValue: word) }

    /// Nil when the reply has no text of its own.
    init?(_ message: ParsedMessage) {
        let text: String
        if let plain = message.plainText, !plain.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            text = plain
        } else {
            text = message.htmlText.map(ReplyText.fromHTML) ?? ""
        }
        self.init(text: ReplyText.withoutQuotedText(text))
    }

    init?(text: String) {
        guard
            let first = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { !$0.isEmpty })
        else { return nil }
        line = String(ShownText.oneLine(first).prefix(200))
        let words = first.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let head = String(words.first ?? "")
        // A question ("Send?") asks; it does not command.
        word = head.hasSuffix("?") ? "" : head.lowercased().trimmingCharacters(in: .punctuationCharacters)
        argument =
            words.count > 1
            ? String(words[1]).trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: ".!"))
            : ""
    }
}
