/// Joins wrapped lines back into running text.
public enum TextJoin {
    /// Lines joined by a space; after a hyphen that ends a line (`well-` + `being`, `Vice-` + `Chancellor`) the hyphen stays and no
    /// space is added, since word processors wrap compounds there and hyphenate nothing by default.
    public static func lines(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            let piece = line.trimmingSpaces
            guard !piece.isEmpty else { continue }
            if result.isEmpty {
                result = piece
            } else if result.hasSuffix("-"), result.dropLast().last?.isLetter == true, piece.first?.isLetter == true {
                result += piece
            } else {
                result += " " + piece
            }
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
