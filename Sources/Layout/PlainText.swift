/// `text.txt`: a page's text in reading order, one table row per line with its cells apart by tabs (a
/// wrapped cell's lines joined), so it reads plainly and every cell stays its own.
public enum PlainText {
    public static func text(of page: LayoutPage) -> String {
        var lines: [String] = []
        for block in page.blocks {
            switch block.kind {
            case .text, .heading:
                lines += block.lines?.map(\.text) ?? []
            case .table:
                guard let table = block.table else { continue }
                for row in table.rows {
                    var cells = Array(repeating: "", count: table.columnCount)
                    for cell in row.cells where cell.column < cells.count { cells[cell.column] = cell.flatText }
                    while cells.last?.isEmpty == true { cells.removeLast() }
                    lines.append(cells.joined(separator: "\t"))
                }
            case .image:
                continue
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The characters of `text` that are not white space, counted over its bytes (every byte that is not
    /// ASCII white space or a UTF-8 continuation byte starts one): enough to tell a scan from a text PDF.
    public static func visibleCharacters(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 > 0x20 && ($1 & 0xC0) != 0x80 ? 1 : 0) }
    }
}
