/// Lines of text from the fragments left once tables have taken theirs.
enum Lines {
    /// One line per visual row, its pieces left to right apart by a tab.
    static func build(_ rows: [VisualRow]) -> [LayoutLine] {
        rows.map { row in line(row.fragments.flatMap(\.words), text: row.fragments.map(\.text).joined(separator: "\t"))
        }
    }

    static func line(_ words: [Word], text: String) -> LayoutLine {
        var sizes: [Double: Int] = [:]
        for word in words { sizes[(word.size * 2).rounded() / 2, default: 0] += word.text.count }
        return LayoutLine(
            text: text, box: Box.enclosing(words.map(\.box))!,
            size: sizes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 0,
            bold: words.allSatisfy(\.bold))
    }

    /// The text of a cell's words: grouped into visual lines top to bottom, each left to right.
    static func text(of words: [Word]) -> String {
        var lines: [[Word]] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let index = lines.indices.last(where: { WordBuilder.sameLine(lines[$0][0].box, word.box) }) {
                lines[index].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { $0.sorted { $0.box.x1 < $1.box.x1 }.map(\.text).joined(separator: " ") }
            .joined(separator: "\n")
    }
}

/// Groups lines into paragraphs and headings.
enum Paragraphs {
    static func blocks(_ lines: [LayoutLine]) -> [LayoutBlock] {
        guard !lines.isEmpty else { return [] }
        let body = bodySize(lines)
        var blocks: [LayoutBlock] = []
        var current: [LayoutLine] = []
        var currentHeading = false

        func flush() {
            guard !current.isEmpty else { return }
            let box = Box.enclosing(current.map(\.box))!
            blocks.append(LayoutBlock(kind: currentHeading ? .heading : .text, box: box, lines: current))
            current = []
        }
        for line in lines {
            let heading = isHeading(line, body: body)
            if let last = current.last {
                let gap = line.box.y1 - last.box.y2
                let pitch = max(last.box.height, line.box.height)
                let breaks =
                    heading != currentHeading || gap > 0.7 * pitch || gap < -pitch
                    || abs(line.size - last.size) > 1 || (heading && currentHeading && current.count >= 3)
                if breaks { flush() }
            }
            if current.isEmpty { currentHeading = heading }
            current.append(line)
        }
        flush()
        return blocks
    }

    /// The size most of the text is set in.
    static func bodySize(_ lines: [LayoutLine]) -> Double {
        var counts: [Double: Int] = [:]
        for line in lines { counts[line.size, default: 0] += line.text.count }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 0
    }

    /// A short line set larger than the body, or wholly bold and not a sentence.
    static func isHeading(_ line: LayoutLine, body: Double) -> Bool {
        let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
        guard words > 0, words <= 16 else { return false }
        if body > 0, line.size >= body * 1.15 { return true }
        return line.bold && !line.text.hasSuffix(".") && line.text.contains(where: \.isLetter)
    }
}
