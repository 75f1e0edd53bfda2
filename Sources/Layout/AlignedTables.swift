/// Finds tables drawn without rules ("stream"), from the alignment of their columns, after Nurminen's
/// text edges as Tabula and Camelot use them: several lines whose pieces start at the same few x
/// positions, with no line crossing the gaps between them.
enum AlignedTables {
    /// Left edges closer than this, in points, are one column.
    static let tolerance = 4.0

    struct Found {
        var table: LayoutTable
        /// The fragments it took from the page.
        var fragments: [Fragment]
    }

    static func tables(in fragments: [Fragment], pageWidth: Double) -> [Found] {
        var rows = VisualRow.rows(fragments)
        var found: [Found] = []
        var index = 0
        while index < rows.count {
            guard rows[index].fragments.count >= 2, let region = grow(from: index, rows: rows) else {
                index += 1
                continue
            }
            let candidate = region.rows
            if let table = table(candidate, columns: region.columns, pageWidth: pageWidth) {
                found.append(Found(table: table, fragments: candidate.flatMap(\.fragments)))
                rows.replaceSubrange(index..<region.end, with: candidate)
                index = region.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The rows from `start` that share its columns: each piece starts at a column's left edge or inside a
    /// column without crossing into the next.
    private static func grow(from start: Int, rows: [VisualRow]) -> (end: Int, columns: [Double], rows: [VisualRow])? {
        var columns = rows[start].fragments.map(\.box.x1)
        var end = start + 1
        var lineHeight = rows[start].box.height
        var taken = [rows[start]]
        while end < rows.count {
            // Two cells whose gap was too narrow to see are apart at a column's edge — when that leaves
            // every piece inside one column; a paragraph across the table stays whole (and ends it).
            var row = VisualRow(rows[end].fragments.flatMap { $0.split(at: columns, tolerance: tolerance) })
            if crosses(row, columns) { row = rows[end] }
            let gap = row.box.y1 - rows[end - 1].box.y2
            if gap > 2.2 * lineHeight { break }
            var extended = columns
            for fragment in row.fragments where !extended.contains(where: { abs($0 - fragment.box.x1) <= tolerance }) {
                // A new column edge shows on a line of several pieces; a lone piece must start inside a column.
                if row.fragments.count >= 2 || extended.contains(where: { $0 < fragment.box.x1 }) {
                    if row.fragments.count >= 2 { extended = (extended + [fragment.box.x1]).sorted() }
                } else {
                    extended = []
                    break
                }
            }
            // No piece may cross a column edge.
            let fits = !extended.isEmpty && !crosses(row, extended)
            guard fits else { break }
            columns = extended
            lineHeight = min(lineHeight, row.box.height)
            taken.append(row)
            end += 1
        }
        return end - start >= 3 ? (end, columns, taken) : nil
    }

    private static func crosses(_ row: VisualRow, _ edges: [Double]) -> Bool {
        row.fragments.contains { fragment in
            edges.contains { $0 > fragment.box.x1 + tolerance && $0 < fragment.box.x2 - tolerance }
        }
    }

    private static func table(_ rows: [VisualRow], columns edges: [Double], pageWidth: Double) -> LayoutTable? {
        // Keep the column edges that several rows use; the rest were a wrapped cell's indent.
        var support: [Int] = Array(repeating: 0, count: edges.count)
        for row in rows {
            for fragment in row.fragments {
                if let column = edges.lastIndex(where: { $0 <= fragment.box.x1 + tolerance }) { support[column] += 1 }
            }
        }
        let columns = edges.indices.filter { $0 == 0 || support[$0] >= 2 }.map { edges[$0] }
        guard columns.count >= 2 else { return nil }
        let multi = rows.filter { row in Set(row.fragments.map { column(of: $0, columns) }).count >= 2 }
        guard multi.count >= 2 else { return nil }
        if looksLikeTextColumns(rows, columns: columns, pageWidth: pageWidth) { return nil }
        if isList(rows, columns: columns) { return nil }

        let right = rows.map(\.box.x2).max()!
        let tableRows = group(rows, columns: columns)
        let layoutRows = tableRows.map { visualRows -> LayoutRow in
            var byColumn: [Int: [Fragment]] = [:]
            for row in visualRows {
                for fragment in row.fragments { byColumn[column(of: fragment, columns), default: []].append(fragment) }
            }
            let cells = byColumn.keys.sorted().map { column -> LayoutCell in
                let pieces = byColumn[column]!
                return LayoutCell(
                    column: column, box: Box.enclosing(pieces.map(\.box))!,
                    text: pieces.map(\.text).joined(separator: "\n"),
                    bold: pieces.allSatisfy { $0.words.allSatisfy(\.bold) })
            }
            return LayoutRow(box: Box.enclosing(visualRows.map(\.box))!, cells: cells)
        }
        return LayoutTable(ruled: false, columns: columns + [right], rows: layoutRows)
    }

    static func column(of fragment: Fragment, _ columns: [Double]) -> Int {
        columns.lastIndex { $0 <= fragment.box.x1 + tolerance } ?? 0
    }

    /// A numbered or bulleted list with a hanging indent: the first column holds only list markers.
    private static func isList(_ rows: [VisualRow], columns: [Double]) -> Bool {
        let first = rows.flatMap(\.fragments).filter { column(of: $0, columns) == 0 }
        return !first.isEmpty && first.allSatisfy { isListMarker($0.text) }
    }

    /// `1.`, `2)`, `1.1`, `a)`, `iv.`, `(ii)`, or a bullet.
    static func isListMarker(_ text: String) -> Bool {
        if text.count == 1, let only = text.first, "•◦▪‣∙·-–*".contains(only) { return true }
        var body = Substring(text)
        if body.first == "(" { body = body.dropFirst() }
        guard let last = body.last else { return false }
        if ".)".contains(last) { body = body.dropLast() }
        guard !body.isEmpty, body.count <= 5 else { return false }
        if body.allSatisfy({ $0.isNumber || $0 == "." }), body.first?.isNumber == true { return true }
        if body.count == 1, body.first?.isLetter == true, ".)".contains(last) { return true }
        return ".)".contains(last) && body.lowercased().allSatisfy { "ivx".contains($0) }
    }

    /// Two wide columns of running text (a two-column page) rather than a table: nearly every line fills
    /// its column.
    private static func looksLikeTextColumns(_ rows: [VisualRow], columns: [Double], pageWidth: Double) -> Bool {
        guard columns.count == 2 else { return false }
        let right = rows.map(\.box.x2).max()!
        let widths = [columns[1] - columns[0], right - columns[1]]
        guard widths.allSatisfy({ $0 >= 0.3 * pageWidth }) else { return false }
        let fragments = rows.flatMap(\.fragments)
        let full = fragments.filter { fragment in
            let c = column(of: fragment, columns)
            return fragment.box.width >= 0.75 * widths[c] - tolerance
        }
        return Double(full.count) >= 0.6 * Double(fragments.count)
    }

    /// Visual rows grouped into table rows: a new row after a gap wider than the lines of one cell have
    /// between them; when all gaps are alike, where the first column starts a new entry.
    private static func group(_ rows: [VisualRow], columns: [Double]) -> [[VisualRow]] {
        let gaps = zip(rows.dropFirst(), rows).map { $0.box.y1 - $1.box.y2 }
        let smallest = gaps.min() ?? 0
        let largest = gaps.max() ?? 0
        let spaced = largest - smallest >= 2.5
        var groups: [[VisualRow]] = [[rows[0]]]
        for (index, row) in rows.enumerated().dropFirst() {
            let gap = gaps[index - 1]
            let newRow: Bool
            if spaced {
                newRow = gap - smallest >= 2.5
            } else {
                let first = row.fragments.first { column(of: $0, columns) == 0 }
                newRow = first.map { $0.text.first.map { $0.isUppercase || $0.isNumber } ?? false } ?? false
            }
            if newRow { groups.append([row]) } else { groups[groups.count - 1].append(row) }
        }
        return groups
    }
}
