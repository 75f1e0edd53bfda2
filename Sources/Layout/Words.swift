/// A word on the page: characters between spaces (or a gap too wide for a space), with its box.
struct Word: Sendable {
    var text: String
    var box: Box
    var size: Double
    var bold: Bool
    /// The index of its first character in poppler's reading order.
    var order: Int
    /// The index of the poppler line it is on.
    var line: Int
    /// A gap wider than a space separates it from the word before on the same line.
    var farFromPrevious: Bool
}

/// Turns poppler's characters into words, keeping poppler's line breaks.
enum WordBuilder {
    /// A gap between two characters wider than this many times their height is a column gap, not a space.
    static let columnGap = 1.0
    /// Letters of one word are never further apart than this many times their height.
    static let letterGap = 0.25

    static func words(_ glyphs: [Glyph]) -> [Word] {
        var words: [Word] = []
        var current: [Int] = []
        var line = 0
        var gapBefore = false
        var pendingLineBreak = false

        func flush() {
            guard let first = current.first else { return }
            var text = String.UnicodeScalarView()
            var box = glyphs[first].box
            var sizes: [Double: Int] = [:]
            var boldCount = 0
            for index in current {
                text.append(glyphs[index].character)
                box = box.union(glyphs[index].box)
                sizes[glyphs[index].size, default: 0] += 1
                if glyphs[index].bold { boldCount += 1 }
            }
            let size = sizes.max { $0.value < $1.value }?.key ?? 0
            words.append(
                Word(
                    text: String(text), box: box, size: size > 0 ? size : box.height,
                    bold: boldCount * 2 > current.count,
                    order: first, line: line, farFromPrevious: gapBefore))
            current = []
            gapBefore = false
        }

        for index in glyphs.indices {
            let glyph = glyphs[index]
            if glyph.isLineBreak {
                flush()
                pendingLineBreak = true
                continue
            }
            if glyph.isSpace {
                flush()
                continue
            }
            if glyph.box.width <= 0 && glyph.box.height <= 0 { continue }
            if pendingLineBreak {
                // poppler breaks a visual line between table cells: the same line, further right, is a new
                // piece of that line, not a new line.
                if let last = words.last, sameLine(last.box, glyph.box), glyph.box.x1 > last.box.x2 {
                    gapBefore = true
                } else {
                    line += 1
                }
                pendingLineBreak = false
            } else if let previous = current.last {
                // poppler runs the last line of one table cell into the first of the next with no break
                // ("…its minutesSeptember 2024"): a jump to another line, or back left, starts a new word.
                let before = glyphs[previous].box
                let gap = glyph.box.x1 - before.x2
                if !sameLine(before, glyph.box) || gap < -max(glyph.box.height, 1) {
                    flush()
                    line += 1
                } else if gap > columnGap * max(glyph.box.height, 1) {
                    flush()
                    gapBefore = true
                } else if gap > letterGap * max(glyph.box.height, 1) {
                    // A space's width with no space character: two cells side by side.
                    flush()
                }
            } else if let last = words.last, last.line == line,
                !sameLine(last.box, glyph.box) || glyph.box.x1 < last.box.x1
            {
                line += 1
            } else if let last = words.last, last.line == line,
                glyph.box.x1 - last.box.x2 > columnGap * max(glyph.box.height, 1) + spaceWidth(glyph)
            {
                gapBefore = true
            }
            current.append(index)
        }
        flush()
        return words
    }

    private static func spaceWidth(_ glyph: Glyph) -> Double { glyph.box.height * 0.3 }

    static func sameLine(_ a: Box, _ b: Box) -> Bool {
        abs(a.midY - b.midY) < max(min(a.height, b.height) * 0.5, 1)
    }
}
