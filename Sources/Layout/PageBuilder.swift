/// Builds one page's layout: words from poppler's characters, tables from ruling lines and then from
/// column alignment, the remaining lines as paragraphs and headings, all in poppler's reading order
/// (which reads a two-column page column by column), each table placed where its first word is read.
public enum PageBuilder {
    public static func build(_ input: PageInput, number: Int) -> LayoutPage {
        var words = WordBuilder.words(input.glyphs)
        var placed: [(order: Int, block: LayoutBlock)] = []

        // Tables drawn with rules.
        let rules = input.bitmap.map(RuleFinder.rules) ?? []
        for grid in RuledTables.grids(rules) {
            let box = grid.box
            let inside = words.indices.filter { box.contains(x: words[$0].box.midX, y: words[$0].box.midY, margin: 1) }
            guard !inside.isEmpty else { continue }
            let table = ruledTable(grid, words: inside.map { words[$0] }, bitmap: input.bitmap)
            let order = inside.map { words[$0].order }.min()!
            placed.append((order, LayoutBlock(kind: .table, box: box, table: table)))
            let taken = Set(inside)
            words = words.indices.filter { !taken.contains($0) }.map { words[$0] }
        }

        // Tables without rules.
        var fragments = Fragment.split(words)
        for found in AlignedTables.tables(in: fragments, pageWidth: input.width) {
            let orders = Set(found.fragments.map(\.order))
            fragments.removeAll { orders.contains($0.order) }
            let box = Box.enclosing(found.fragments.map(\.box))!
            placed.append((orders.min()!, LayoutBlock(kind: .table, box: box, table: found.table)))
        }

        // Everything else: lines, then paragraphs and headings.
        let lines = Lines.build(fragments)
        placed += Paragraphs.blocks(lines)

        for image in input.images where image.width >= 8 && image.height >= 4 {
            let after = placed.filter { $0.block.box.y1 >= image.y1 - 1 }.map(\.order).min()
            let order = after.map { $0 - 1 } ?? Int.max
            placed.append((order, LayoutBlock(kind: .image, box: image)))
        }
        let blocks = placed.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .map(\.element.block)
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
            LayoutRow(box: Box(x1: grid.xs.first!, y1: grid.ys[row], x2: grid.xs.last!, y2: grid.ys[row + 1]), cells: [])
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
