/// Puts tabs between table cells in poppler's page text, using the box poppler reports for each character.
enum TextLayout {
    struct Box {
        var x1: Double
        var y1: Double
        var x2: Double
        var y2: Double

        var height: Double { y2 - y1 }
        var middle: Double { (y1 + y2) / 2 }
    }

    /// A gap wider than this many times the line's character height separates two cells.
    static let cellGap = 1.2

    /// `text` with a tab wherever two characters on the same visual line are far apart (a run-together
    /// cell boundary), and wherever poppler broke a visual line between cells. `boxes` holds one box per
    /// character of `text`; when the counts disagree the text is returned unchanged.
    static func separatingCells(_ text: String, boxes: [Box]) -> String {
        // poppler gives one box per Unicode code point of the text.
        let characters = Array(text.unicodeScalars)
        guard characters.count == boxes.count, !characters.isEmpty else { return text }
        var output = String.UnicodeScalarView()
        var previous: Int?
        for index in characters.indices {
            let character = characters[index]
            if character == "\n" || character == " " {
                // Decide when the next visible character arrives.
                if character == "\n", let last = previous, let next = nextVisible(after: index, in: characters),
                    sameLine(boxes[last], boxes[next]), boxes[next].x1 > boxes[last].x2
                {
                    output.append("\t")
                    previous = nil
                    continue
                }
                output.append(character)
                if character == "\n" { previous = nil }
                continue
            }
            if let last = previous, sameLine(boxes[last], boxes[index]),
                boxes[index].x1 - boxes[last].x2 > cellGap * max(boxes[index].height, 1)
            {
                if output.last == " " { output.removeLast() }
                output.append("\t")
            }
            output.append(character)
            previous = index
        }
        return String(output)
    }

    private static func nextVisible(after index: Int, in characters: [Unicode.Scalar]) -> Int? {
        var next = index + 1
        while next < characters.count, characters[next] == "\n" || characters[next] == " " { next += 1 }
        return next < characters.count ? next : nil
    }

    private static func sameLine(_ a: Box, _ b: Box) -> Bool {
        abs(a.middle - b.middle) < max(min(a.height, b.height) * 0.5, 1)
    }
}
