/// Puts a page's lines in the order a person reads them: top to bottom, and a two-column stretch of the
/// page column by column — found, as a person sees it, by a gutter down the middle that no line crosses,
/// with running text filling both columns.
enum ReadingOrder {
    /// The page's visual rows in reading order, each two-column row cut into its left and right halves.
    static func rows(_ fragments: [Fragment], pageWidth: Double) -> [VisualRow] {
        let rows = VisualRow.rows(fragments)
        var ordered: [VisualRow] = []
        var index = 0
        while index < rows.count {
            if let band = twoColumnBand(from: index, rows: rows, pageWidth: pageWidth) {
                var left: [VisualRow] = []
                var right: [VisualRow] = []
                for row in rows[index..<band.end] {
                    let leftPieces = row.fragments.filter { $0.box.midX < band.gutter }
                    let rightPieces = row.fragments.filter { $0.box.midX >= band.gutter }
                    if !leftPieces.isEmpty { left.append(VisualRow(leftPieces)) }
                    if !rightPieces.isEmpty { right.append(VisualRow(rightPieces)) }
                }
                ordered += left + right
                index = band.end
            } else {
                ordered.append(rows[index])
                index += 1
            }
        }
        return ordered
    }

    /// Rows from `start` that share a gutter: a gap in the middle of the page that none of them crosses,
    /// with running text on both sides on most rows.
    private static func twoColumnBand(from start: Int, rows: [VisualRow], pageWidth: Double) -> (
        end: Int, gutter: Double
    )? {
        guard var gap = middleGap(rows[start], pageWidth: pageWidth) else { return nil }
        var end = start + 1
        while end < rows.count {
            let row = rows[end]
            if row.box.y1 - rows[end - 1].box.y2 > 3 * max(row.box.height, 1) { break }
            if row.fragments.contains(where: { $0.box.x1 < gap.upperBound - 1 && $0.box.x2 > gap.lowerBound + 1 }) {
                // The row crosses the gap; a narrower gap may still be free.
                guard let narrowed = narrow(gap, by: row) else { break }
                gap = narrowed
            }
            end += 1
        }
        let band = rows[start..<end]
        guard band.count >= 4 else { return nil }
        let gutter = (gap.lowerBound + gap.upperBound) / 2
        let left = band.compactMap { row in row.fragments.filter { $0.box.midX < gutter }.map(\.box.width).max() }
        let right = band.compactMap { row in row.fragments.filter { $0.box.midX >= gutter }.map(\.box.width).max() }
        let leftEdge = band.map(\.box.x1).min()!
        let rightEdge = band.map(\.box.x2).max()!
        let fullLeft = left.filter { $0 >= 0.6 * (gutter - leftEdge) }.count
        let fullRight = right.filter { $0 >= 0.6 * (rightEdge - gutter) }.count
        guard fullLeft * 2 >= band.count, fullRight * 2 >= band.count else { return nil }
        return (end, gutter)
    }

    /// The widest gap between pieces of a row in the middle half of the page, with text on both sides.
    private static func middleGap(_ row: VisualRow, pageWidth: Double) -> ClosedRange<Double>? {
        guard row.fragments.count >= 2 else { return nil }
        var best: ClosedRange<Double>?
        for (left, right) in zip(row.fragments, row.fragments.dropFirst()) where right.box.x1 > left.box.x2 {
            let gap = left.box.x2...right.box.x1
            let middle = (gap.lowerBound + gap.upperBound) / 2
            guard gap.upperBound - gap.lowerBound >= 6, middle > 0.3 * pageWidth, middle < 0.7 * pageWidth else {
                continue
            }
            if best.map({ $0.upperBound - $0.lowerBound < gap.upperBound - gap.lowerBound }) ?? true { best = gap }
        }
        return best
    }

    /// The part of `gap` that no piece of `row` covers, if 6 points or more of it is left.
    private static func narrow(_ gap: ClosedRange<Double>, by row: VisualRow) -> ClosedRange<Double>? {
        var low = gap.lowerBound
        var high = gap.upperBound
        for fragment in row.fragments where fragment.box.x1 < high && fragment.box.x2 > low {
            if fragment.box.midX < (low + high) / 2 {
                low = max(low, fragment.box.x2)
            } else {
                high = min(high, fragment.box.x1)
            }
        }
        return high - low >= 6 ? low...high : nil
    }
}
