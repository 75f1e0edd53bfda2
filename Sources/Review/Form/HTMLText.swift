/// A small HTML-to-text reader for mail bodies: enough for what Gmail, Outlook and Apple Mail send.
struct HTMLText {
    private(set) var text = ""

    private static let lineBlocks: Set<String> = [
        "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "dl", "dt",
        "dd", "section", "article", "header", "footer", "address", "center", "blockquote", "body", "html",
    ]
    /// Elements whose text is never shown.
    private static let hidden: Set<String> = ["style", "script", "head", "title", "template"]

    private var output = ""
    private var quoteDepth = 0
    private var preDepth = 0

    init(_ html: String) {
        let chars = Array(html)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "<", let end = Self.tagEnd(chars, from: index) {
                let inner = String(chars[(index + 1)..<end])
                index = end + 1
                if inner.hasPrefix("!--") {
                    // A comment may contain '>'; skip to its real end.
                    index = Self.find(Array("-->"), in: chars, from: index - inner.count + 2).map { $0 + 3 } ?? index
                    continue
                }
                if inner.hasPrefix("!") || inner.hasPrefix("?") { continue }
                let closing = inner.hasPrefix("/")
                let name = String(inner.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if !closing, Self.hidden.contains(name), !inner.hasSuffix("/") {
                    let close = Array("</\(name)")
                    let stop = Self.find(close, in: chars, from: index, caseInsensitive: true) ?? chars.count
                    index = (stop < chars.count ? Self.tagEnd(chars, from: stop).map { $0 + 1 } : nil) ?? chars.count
                    continue
                }
                tag(name, closing: closing)
                continue
            }
            index += 1
            guard quoteDepth == 0 else { continue }
            if char == "&" {
                let (decoded, length) = Self.entity(chars, at: index - 1)
                output += decoded
                index += length - 1
            } else if char.isWhitespace && preDepth == 0 {
                if let last = output.last, last != " ", last != "\n" { output.append(" ") }
            } else {
                output.append(char)
            }
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && kept.last?.isEmpty == true) { kept.append(line) }
        text = ReplyLines.trimmedBlankLines(kept).joined(separator: "\n")
    }

    private mutating func tag(_ name: String, closing: Bool) {
        switch name {
        case "blockquote":
            breakLine()
            quoteDepth = max(0, quoteDepth + (closing ? -1 : 1))
        case "br":
            if quoteDepth == 0 { output.append("\n") }
        case "p":
            breakLine()
            if closing, quoteDepth == 0 { output.append("\n") }
        case "pre":
            breakLine()
            preDepth = max(0, preDepth + (closing ? -1 : 1))
        case "td", "th":
            if closing, quoteDepth == 0 { output.append(" ") }
        case _ where Self.lineBlocks.contains(name):
            breakLine()
        default:
            break
        }
    }

    /// Starts a new line unless the text already ends one.
    private mutating func breakLine() {
        guard quoteDepth == 0, let last = output.last, last != "\n" else { return }
        output.append("\n")
    }

    /// The index of the `>` closing the tag that opens at `start`, skipping quoted attribute values.
    private static func tagEnd(_ chars: [Character], from start: Int) -> Int? {
        guard start + 1 < chars.count, chars[start + 1].isLetter || "/!?".contains(chars[start + 1]) else {
            return nil
        }
        var quote: Character?
        var index = start + 1
        while index < chars.count {
            let char = chars[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == ">" {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func find(
        _ needle: [Character], in chars: [Character], from start: Int, caseInsensitive: Bool = false
    ) -> Int? {
        guard !needle.isEmpty, chars.count >= needle.count, start <= chars.count - needle.count else { return nil }
        for index in max(0, start)...(chars.count - needle.count) {
            var match = true
            for offset in 0..<needle.count {
                let a = chars[index + offset]
                let b = needle[offset]
                if caseInsensitive ? a.lowercased() != b.lowercased() : a != b {
                    match = false
                    break
                }
            }
            if match { return index }
        }
        return nil
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·",
        "pound": "£", "euro": "€", "copy": "©", "reg": "®", "times": "×", "shy": "",
    ]

    /// The text of the entity at `start` (`&amp;`, `&#39;`, `&#x27;`) and how many characters it takes;
    /// a lone `&` stays as it is.
    private static func entity(_ chars: [Character], at start: Int) -> (String, Int) {
        var end = start + 1
        while end < chars.count, end - start <= 10, chars[end] != ";",
            chars[end].isLetter || chars[end].isNumber
                || chars[end] == "#"
        {
            end += 1
        }
        guard end < chars.count, chars[end] == ";" else { return ("&", 1) }
        let body = String(chars[(start + 1)..<end])
        let length = end - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value) else { return ("&", 1) }
            return (scalar == "\u{00A0}" ? " " : String(Character(scalar)), length)
        }
        guard let text = named[body.lowercased()] else { return ("&", 1) }
        return (text, length)
    }
}
