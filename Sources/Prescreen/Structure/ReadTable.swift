import Layout

/// A table as a person reads it: one table across page breaks (a repeated header dropped), each row's
/// cells by column with a cell merged down over several rows given to each of them, and the lines
/// printed just above it (a heading such as "Appendix A: RAG analysis" or a theme's sub-heading).
struct ReadTable {
    struct Row {
        /// Each column's text on one line ("" when empty).
        var cells: [String]
        /// Each column's text as printed, wrapped lines apart by newlines.
        var lines: [String]
        var shades: [String?]
        /// Which cells carry a merged cell from a row above.
        var merged: [Bool]
        var page: Int

        /// The texts that are not empty, once each (a cell spanning columns counts once).
        var filled: [String] { cells.filter { !$0.isEmpty } }
    }

    var rows: [Row]
    var columnCount: Int
    /// Up to three lines printed just before the table, nearest last.
    var caption: [String]
    var page: Int
    var ruled: Bool

    /// The tables of a document, in reading order.
    static func all(in layout: DocumentLayout) -> [ReadTable] {
        var tables: [ReadTable] = []
        var recent: [String] = []
        for page in layout.pages {
            for block in page.blocks {
                guard let table = block.table else {
                    if let lines = block.lines {
                        recent = Array((recent + lines.map(\.text)).suffix(3))
                    }
                    continue
                }
                var rows = Self.rows(table, page: page.number)
                if table.continued, var open = tables.last, open.columnCount == table.columnCount {
                    if table.repeatsHeader, !rows.isEmpty { rows.removeFirst() }
                    // A row split by the page break: its first cells are empty on the new page, and the
                    // rest carries on the cells of the row before.
                    if let first = rows.first, var last = open.rows.last, Self.carriesOn(first, last) {
                        for column in first.cells.indices where !first.cells[column].isEmpty && !first.merged[column] {
                            last.cells[column] = [last.cells[column], first.cells[column]].filter { !$0.isEmpty }
                                .joined(separator: " ")
                            last.lines[column] = [last.lines[column], first.lines[column]].filter { !$0.isEmpty }
                                .joined(separator: "\n")
                        }
                        open.rows[open.rows.count - 1] = last
                        rows.removeFirst()
                    }
                    open.rows += rows
                    tables[tables.count - 1] = open
                } else {
                    tables.append(
                        ReadTable(
                            rows: rows, columnCount: table.columnCount, caption: recent, page: page.number,
                            ruled: table.ruled))
                }
                recent = []
            }
        }
        return tables
    }

    private static func rows(_ table: LayoutTable, page: Int) -> [Row] {
        let width = table.columnCount
        var carried: [Int: (text: String, lines: String, shade: String?, left: Int)] = [:]
        var rows: [Row] = []
        for layoutRow in table.rows {
            var row = Row(
                cells: Array(repeating: "", count: width), lines: Array(repeating: "", count: width),
                shades: Array(repeating: nil, count: width), merged: Array(repeating: false, count: width), page: page)
            for (column, carry) in carried where column < width {
                row.cells[column] = carry.text
                row.lines[column] = carry.lines
                row.shades[column] = carry.shade
                row.merged[column] = true
            }
            carried = carried.compactMapValues { $0.left > 1 ? ($0.text, $0.lines, $0.shade, $0.left - 1) : nil }
            for cell in layoutRow.cells where cell.column < width {
                row.cells[cell.column] = cell.flatText
                row.lines[cell.column] = cell.text
                row.shades[cell.column] = cell.shade
                if cell.rowSpan > 1 { carried[cell.column] = (cell.flatText, cell.text, cell.shade, cell.rowSpan - 1) }
            }
            // A row that only merged cells cross carries nothing of its own.
            if layoutRow.cells.isEmpty { continue }
            rows.append(row)
        }
        return rows
    }

    /// Whether the first row on a new page is the rest of the last row on the page before.
    private static func carriesOn(_ first: Row, _ last: Row) -> Bool {
        guard first.cells.count >= 3, first.cells.count == last.cells.count else { return false }
        // Its first cell is empty, and so is another the row before had filled (a short cell, such as
        // the time scale, that ended on the first page); a new row under a merged theme has all its own.
        let leading = first.cells[0].isEmpty || first.merged[0]
        let own = first.cells.indices.filter { !first.cells[$0].isEmpty && !first.merged[$0] }.count
        let gap = first.cells.indices.dropFirst().contains { first.cells[$0].isEmpty && !last.cells[$0].isEmpty }
        return leading && own > 0 && gap
    }

    /// The first of the first two rows that reads as a header, with its columns.
    ///
    /// A legend or a title above the header (a few rows) is passed over. A column the header names
    /// otherwise but whose cells are nearly all theme names is the theme column ("Objective: VISIBILITY").
    func header() -> (index: Int, columns: [PlanColumn])? {
        // Of the first few rows that read as a header, the one that names the most columns (a legend's
        // "Status | RAG" above the table's own header names fewer).
        let candidates = rows.indices.prefix(5).compactMap { index in
            PlanColumn.header(rows[index].cells).map { (index, $0) }
        }
        let best = candidates.max { a, b in
            (a.1.filter { $0 != .other }.count, -a.0) < (b.1.filter { $0 != .other }.count, -b.0)
        }
        for (index, found) in [best].compactMap({ $0 }) {
            var columns = found
            let body = rows[(index + 1)...]
            for column in columns.indices where columns[column] != .theme && !columns.contains(.theme) {
                let values = body.map { $0.cells[column] }.filter { !$0.isEmpty }
                let themes = values.filter { Theme.mentioned(in: $0) != nil }.count
                if values.count >= 2, themes * 5 >= values.count * 4 { columns[column] = .theme }
            }
            return (index, columns)
        }
        return nil
    }

    /// The caption and header, lower-cased, to tell what the table is about.
    var about: String { (caption + (rows.first?.cells ?? [])).joined(separator: " ").lowercased() }
}
