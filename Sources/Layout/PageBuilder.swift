/// Builds one page's layout: words from poppler's characters, tables from ruling lines and then from
/// column alignment, the remaining lines as paragraphs and headings in reading order (a two-column
/// stretch column by column), tables and images where they stand on the page.
public enum PageBuilder {
    public static func build(_ input: PageInput, number: Int) -> LayoutPage {
        var words = WordBuilder.words(input.glyphs)
        var tables: [LayoutBlock] = []

        // Tables drawn with rules, on a page whose text has pieces side by side on several lines.
        var fragments = Fragment.split(words)
        let sideBySide = VisualRow.rows(fragments).filter { $0.fragments.count >= 2 }.count
        let bitmap = sideBySide >= 2 ? input.render?() : nil
        let rules = bitmap.map(RuleFinder.rules) ?? []
        for grid in RuledTables.grids(rules) {
            let box = grid.box
            let inside = words.indices.filter { box.contains(x: words[$0].box.midX, y: words[$0].box.midY, margin: 1) }
            guard !inside.isEmpty else { continue }
            let table = ruledTable(grid, words: inside.map { words[$0] }, bitmap: bitmap)
            tables.append(LayoutBlock(kind: .table, box: box, table: table))
            let taken = Set(inside)
            words = words.indices.filter { !taken.contains($0) }.map { words[$0] }
        }

        // Tables without rules, among the pieces the ruled tables left.
        if !tables.isEmpty { fragments = Fragment.split(words) }
        for found in AlignedTables.tables(in: fragments, pageWidth: input.width) {
            let orders = Set(found.fragments.map(\.order))
            fragments.removeAll { orders.contains($0.order) }
            let box = Box.enclosing(found.fragments.map(\.box))!
            tables.append(LayoutBlock(kind: .table, box: box, table: found.table))
        }

        // Everything else: lines in reading order, then paragraphs and headings; tables and images go
        // before the first block that starts below their top.
        var blocks = Paragraphs.blocks(Lines.build(ReadingOrder.rows(fragments, pageWidth: input.width)))
        let images = input.images.filter { $0.width >= 8 && $0.height >= 4 }.map { LayoutBlock(kind: .image, box: $0) }
        for block in (tables + images).sorted(by: { $0.box.y1 < $1.box.y1 }) {
            let index = blocks.firstIndex { $0.kind != .table && $0.kind != .image && $0.box.y1 > block.box.y1 + 1 }
            blocks.insert(block, at: index ?? blocks.endIndex)
        }
        return LayoutPage(number: number, width: input.width, height: input.height, blocks: blocks)
    }

    private static func ruledTable(_ grid: RuledTables.Grid, words: [Word], bitmap: Bitmap?) -> LayoutTable {
        var byCell: [Int: [Word]] = [:]
        let boxes = grid.cells.map { grid.box(of: $0) }
        for word in words {
            if let index = boxes.firstIndex(where: { $0.contains(x: word.box.midX, y: word.box.midY, margin: 0.5) }) {
                byCell[index, default: []].append(word)
            }
        }
        var rows = (0..<(grid.ys.count - 1)).map { row in
            LayoutRow(
                box: Box(x1: grid.xs.first!, y1: grid.ys[row], x2: grid.xs.last!, y2: grid.ys[row + 1]), cells: [])
        }
        for (index, cell) in grid.cells.enumerated() {
            let cellWords = byCell[index] ?? []
            rows[cell.row].cells.append(
                LayoutCell(
                    column: cell.column, columnSpan: cell.columnSpan, rowSpan: cell.rowSpan, box: boxes[index],
                    text: Lines.text(of: cellWords), shade: bitmap.flatMap { CellShade.of(boxes[index], in: $0) },
                    bold: !cellWords.isEmpty && cellWords.allSatisfy(\.bold)))
        }
        // A grid row that only merged cells cross carries nothing of its own.
        rows.removeAll { $0.cells.isEmpty }
        return LayoutTable(ruled: true, columns: grid.xs, rows: rows)
    }
}
