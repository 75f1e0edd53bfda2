/// Words of one line that stand together: a line's pieces are separated by gaps too wide for a space
/// (cells of an unruled table, or the two halves of a two-column page).
struct Fragment {
    var words: [Word]
    var box: Box

    init(_ words: [Word]) {
        self.words = words
        box = Box.enclosing(words.map(\.box))!
    }

    var text: String { words.map(\.text).joined(separator: " ") }

    /// The fragment cut where a word starts at one of `edges` after a gap wider than a space, else itself.
    func split(at edges: [Double], tolerance: Double) -> [Fragment] {
        for edge in edges where box.x1 < edge - tolerance && box.x2 > edge + tolerance {
            guard
                let index = words.indices.dropFirst().first(where: {
                    abs(words[$0].box.x1 - edge) <= tolerance
                        && words[$0].box.x1 - words[$0 - 1].box.x2 > 0.4 * max(words[$0].box.height, 1)
                })
            else { continue }
            return Fragment(Array(words[..<index])).split(at: edges, tolerance: tolerance)
                + Fragment(Array(words[index...])).split(at: edges, tolerance: tolerance)
        }
        return [self]
    }
    var order: Int { words.first!.order }
    var height: Double { box.height }

    /// Splits words (in reading order) into fragments at poppler line breaks and at gaps too wide for a
    /// space: wider than the letters are high, or clearly wider than the line's other spaces (the padding
    /// between two cells of an unruled table, which can be narrower than a letter's height).
    static func split(_ words: [Word]) -> [Fragment] {
        var fragments: [Fragment] = []
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, words[end].line == words[start].line { end += 1 }
            let line = Array(words[start..<end])
            let gaps = zip(line.dropFirst(), line).map { $0.box.x1 - $1.box.x2 }
            var current: [Word] = [line[0]]
            for index in 1..<max(1, line.count) {
                let gap = gaps[index - 1]
                let height = max(line[index].box.height, 1)
                let others = gaps.enumerated().filter { $0.offset != index - 1 }.map(\.element)
                let usual = others.count >= 2 ? others.sorted()[others.count / 2] : nil
                let wide =
                    line[index].farFromPrevious || gap > WordBuilder.columnGap * height
                    || (usual.map { gap > 0.4 * height && gap > 2 * max($0, 0.5) } ?? false)
                if wide {
                    fragments.append(Fragment(current))
                    current = []
                }
                current.append(line[index])
            }
            fragments.append(Fragment(current))
            start = end
        }
        return fragments
    }
}

/// Fragments side by side on one visual line, left to right.
struct VisualRow {
    var fragments: [Fragment]
    var box: Box

    init(_ fragments: [Fragment]) {
        self.fragments = fragments.sorted { $0.box.x1 < $1.box.x1 }
        box = Box.enclosing(fragments.map(\.box))!
    }

    /// Groups fragments into visual lines, top to bottom.
    static func rows(_ fragments: [Fragment]) -> [VisualRow] {
        var rows: [[Fragment]] = []
        var boxes: [Box] = []
        for fragment in fragments.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let index = boxes.indices.last(where: { same(boxes[$0], fragment.box) }) {
                rows[index].append(fragment)
                boxes[index] = boxes[index].union(fragment.box)
            } else {
                rows.append([fragment])
                boxes.append(fragment.box)
            }
        }
        return rows.map(VisualRow.init).sorted { $0.box.y1 < $1.box.y1 }
    }

    private static func same(_ a: Box, _ b: Box) -> Bool {
        a.verticalOverlap(b) >= 0.5 * min(a.height, b.height)
    }
}
