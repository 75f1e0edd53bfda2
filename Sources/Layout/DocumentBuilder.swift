/// Builds a document's layout page by page and links tables that carry on over a page break.
public enum DocumentBuilder {
    /// Marks a table that opens a page as continuing the table that closed the page before, when their
    /// columns line up; and notes when its first row repeats that table's header.
    public static func linkContinuations(_ pages: inout [LayoutPage]) {
        guard pages.count >= 2 else { return }
        for index in 1..<pages.count {
            guard let previous = lastTable(pages[index - 1]),
                let (blockIndex, table) = firstTable(pages[index])
            else { continue }
            guard table.columnCount == previous.columnCount, table.columnCount > 0 else { continue }
            let shift = zip(table.columns, previous.columns).map { abs($0 - $1) }.max() ?? 0
            guard shift <= 8 else { continue }
            var linked = table
            linked.continued = true
            linked.repeatsHeader =
                !previous.rows.isEmpty && !table.rows.isEmpty
                && previous.rows[0].cells.map(\.flatText) == table.rows[0].cells.map(\.flatText)
            pages[index].blocks[blockIndex].table = linked
        }
    }

    /// The last table of a page, if nothing but a little text (a footer, a page number) follows it.
    private static func lastTable(_ page: LayoutPage) -> LayoutTable? {
        guard let index = page.blocks.lastIndex(where: { $0.kind == .table }) else { return nil }
        let after = page.blocks[(index + 1)...].filter { $0.kind != .image }
        guard after.allSatisfy({ ($0.lines?.count ?? 0) <= 2 && $0.text.count <= 80 }), after.count <= 2 else {
            return nil
        }
        return page.blocks[index].table
    }

    /// The first table of a page, if only a little text (a running header) comes before it.
    private static func firstTable(_ page: LayoutPage) -> (Int, LayoutTable)? {
        guard let index = page.blocks.firstIndex(where: { $0.kind == .table }) else { return nil }
        // A heading above it (a theme's sub-heading) starts a new table.
        let before = page.blocks[..<index].filter { $0.kind != .image }
        guard before.allSatisfy({ ($0.lines?.count ?? 0) <= 2 && $0.text.count <= 80 && $0.kind != .heading }),
            before.count <= 2
        else {
            return nil
        }
        return page.blocks[index].table.map { (index, $0) }
    }
}
