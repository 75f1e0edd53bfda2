/// Greedy word wrapping against any measure: characters for the text file, points for the PDF.
enum Wrap {
    /// `text` as lines that each pass `fits`, broken between words; a word too long for a line of its own is
    /// broken inside (a long link in a comment, say). White space runs become single spaces.
    static func lines(_ text: String, fits: (String) -> Bool) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            while !fits(current), current.count > 1 {
                let head = longestFittingPrefix(of: current, fits: fits)
                lines.append(head)
                current = String(current.dropFirst(head.count))
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `width` characters at most.
    static func lines(_ text: String, width: Int) -> [String] {
        lines(text) { $0.count <= width }
    }

    /// The longest prefix of `word` that fits (at least one character), cut after a `/`, `-`, `?`, `&` or `=`
    /// when one falls in its second half, so that a link breaks between its parts.
    private static func longestFittingPrefix(of word: String, fits: (String) -> Bool) -> String {
        let characters = Array(word)
        var low = 1
        var high = characters.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if fits(String(characters[..<middle])) { low = middle } else { high = middle - 1 }
        }
        if let mark = characters[..<low].lastIndex(where: { "/-?&=".contains($0) }), mark + 1 > low / 2 {
            return String(characters[...mark])
        }
        return String(characters[..<low])
    }
}
