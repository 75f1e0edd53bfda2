import Foundation

/// A reply's lines sorted into the reviewer's own text, quoted lines, and the original message a client
/// appended below without quoting it (Outlook).
struct ReplyLines {
    enum Line: Equatable {
        /// Text the reviewer wrote (above, between or below quotes).
        case own(String)
        /// A `>` line: its depth (`> > x` is 2) and the text after the markers.
        case quoted(depth: Int, text: String)
        /// An attribution ("On … wrote:") or a separator ("-----Original Message-----", a line of `_`).
        case marker
        /// Below an Outlook-style header block or separator: the original message, not marked as quoted.
        case original(String)
    }

    let lines: [Line]

    init(_ text: String) {
        let raw = Self.normalisedLines(text)
        var lines: [Line] = []
        var inOriginal = false
        var index = 0
        while index < raw.count {
            let line = raw[index]
            defer { index += 1 }
            if inOriginal {
                lines.append(.original(line))
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">") {
                lines.append(Self.quoted(trimmed))
            } else if Self.isSeparator(trimmed) {
                lines.append(.marker)
                inOriginal = true
            } else if Self.startsHeaderBlock(raw, at: index) {
                lines.append(.marker)
                inOriginal = true
            } else if let length = Self.attributionLength(raw, at: index) {
                lines.append(contentsOf: Array(repeating: .marker, count: length))
                index += length - 1
            } else {
                lines.append(.own(line))
            }
        }
        self.lines = lines
    }

    /// The reviewer's own lines, joined, without leading or trailing blank lines.
    var ownText: String {
        let own = lines.compactMap { line -> String? in
            if case .own(let text) = line { return text }
            return nil
        }
        return Self.trimmedBlankLines(own).joined(separator: "\n")
    }

    // MARK: - Recognising quotes

    /// Lines with CR, CRLF or LF endings; no-break and zero-width spaces made plain.
    static func normalisedLines(_ text: String) -> [String] {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        text = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{200B}", with: "")
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "\t", with: "    ")
        }
    }

    private static func quoted(_ trimmed: String) -> Line {
        var depth = 0
        var rest = Substring(trimmed)
        while let first = rest.first, first == ">" || (first == " " && rest.dropFirst().first == ">") {
            if first == ">" { depth += 1 }
            rest = rest.dropFirst()
        }
        if rest.first == " " { rest = rest.dropFirst() }
        return .quoted(depth: depth, text: String(rest))
    }

    /// `-----Original Message-----`, `---------- Forwarded message ---------`, or Outlook's line of underscores.
    static func isSeparator(_ trimmed: String) -> Bool {
        if trimmed.count >= 10, trimmed.allSatisfy({ $0 == "_" }) { return true }
        guard trimmed.hasPrefix("--") else { return false }
        let words = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "- ")).lowercased()
        return words == "original message" || words == "forwarded message"
    }

    /// `From: …` followed within a few lines by `Sent:`/`Date:` and `To:`/`Subject:`, as Outlook writes above
    /// the original (bold markers `*From:*` of a plain-text rendering allowed).
    static func startsHeaderBlock(_ lines: [String], at index: Int) -> Bool {
        func field(_ line: String) -> String {
            line.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard field(lines[index]).hasPrefix("from:") else { return false }
        let following = lines[(index + 1)..<min(lines.count, index + 7)].map(field)
        let dated = following.contains { $0.hasPrefix("sent:") || $0.hasPrefix("date:") }
        let addressed = following.contains { $0.hasPrefix("to:") || $0.hasPrefix("subject:") }
        return dated && addressed
    }

    /// "On Mon, 1 Jul 2024 at 10:00, X <x@y> wrote:", on one line or wrapped onto a second, followed by quoted
    /// lines or nothing: how many lines it takes, or nil.
    static func attributionLength(_ lines: [String], at index: Int) -> Int? {
        let first = lines[index].trimmingCharacters(in: .whitespaces)
        guard first.hasPrefix("On ") else { return nil }
        var length: Int
        if endsAttribution(first) {
            length = 1
        } else if index + 1 < lines.count,
            !lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix(">"),
            endsAttribution(lines[index + 1].trimmingCharacters(in: .whitespaces))
        {
            length = 2
        } else {
            return nil
        }
        let next = lines[(index + length)...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard next == nil || next!.trimmingCharacters(in: .whitespaces).hasPrefix(">") else { return nil }
        return length
    }

    private static func endsAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasSuffix("wrote:") || lower.hasSuffix("writes:")
    }

    static func trimmedBlankLines(_ lines: [String]) -> [String] {
        let blank = { (line: String) in line.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = lines.firstIndex(where: { !blank($0) }), let last = lines.lastIndex(where: { !blank($0) })
        else { return [] }
        return Array(lines[first...last])
    }
}
