import FoundationEssentials

/// The layout of a PDF as a person reads it, written beside `text.txt` as `layout.json`: per page, blocks
/// in reading order — paragraphs, headings, images and tables with their rows and cells — with boxes in
/// PDF points from the top-left corner. See README "layout.json".
public struct DocumentLayout: Sendable, Equatable, Codable {
    /// The schema's version; readers skip a layout whose version they do not know.
    public var version: Int
    public var pages: [LayoutPage]
    /// Pages not read because they hold far more text than any form (a crafted "text bomb").
    public var unreadPages: [Int]?

    public static let currentVersion = 1

    public init(pages: [LayoutPage]) {
        self.version = Self.currentVersion
        self.pages = pages
    }
}

public struct LayoutPage: Sendable, Equatable, Codable {
    /// 1-based.
    public var number: Int
    public var width: Double
    public var height: Double
    public var blocks: [LayoutBlock]
    /// Not read: far more text than any form.
    public var unread: Bool?

    public init(number: Int, width: Double, height: Double, blocks: [LayoutBlock]) {
        self.number = number
        self.width = width
        self.height = height
        self.blocks = blocks
    }

    public var landscape: Bool { width > height }
}

/// One block of a page: lines of text (a paragraph or a heading), a table, or an image.
public struct LayoutBlock: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case text, heading, table, image
    }

    public var kind: Kind
    public var box: Box
    /// The lines of a text or heading block.
    public var lines: [LayoutLine]?
    public var table: LayoutTable?

    public init(kind: Kind, box: Box, lines: [LayoutLine]? = nil, table: LayoutTable? = nil) {
        self.kind = kind
        self.box = box
        self.lines = lines
        self.table = table
    }

    /// The block's text: its lines, or its table's rows with cells apart by tabs.
    public var text: String {
        if let lines { return lines.map(\.text).joined(separator: "\n") }
        if let table {
            return table.rows.map { $0.cells.map(\.flatText).joined(separator: "\t") }.joined(separator: "\n")
        }
        return ""
    }
}

/// One visual line of text. Pieces far apart on the line (cells of an unruled table that were not
/// recognised as one) are separated by a tab.
public struct LayoutLine: Sendable, Equatable, Codable {
    public var text: String
    public var box: Box
    /// The most common font size on the line, in points.
    public var size: Double
    public var bold: Bool

    public init(text: String, box: Box, size: Double, bold: Bool) {
        self.text = text
        self.box = box
        self.size = size
        self.bold = bold
    }
}

/// A table: found from its ruling lines (`ruled`) or from the alignment of its columns.
public struct LayoutTable: Sendable, Equatable, Codable {
    public var ruled: Bool
    /// The left edge of each column, then the right edge of the last.
    public var columns: [Double]
    public var rows: [LayoutRow]
    /// It carries on a table that ended the previous page, with the same columns.
    public var continued: Bool
    /// Its first row repeats the header of the table it continues.
    public var repeatsHeader: Bool

    public init(ruled: Bool, columns: [Double], rows: [LayoutRow], continued: Bool = false, repeatsHeader: Bool = false)
    {
        self.ruled = ruled
        self.columns = columns
        self.rows = rows
        self.continued = continued
        self.repeatsHeader = repeatsHeader
    }

    public var columnCount: Int { max(0, columns.count - 1) }
}

public struct LayoutRow: Sendable, Equatable, Codable {
    public var box: Box
    /// The cells that start on this row, left to right; a cell merged down from a row above is not repeated.
    public var cells: [LayoutCell]

    public init(box: Box, cells: [LayoutCell]) {
        self.box = box
        self.cells = cells
    }
}

public struct LayoutCell: Sendable, Equatable, Codable {
    /// 0-based column of its left edge.
    public var column: Int
    public var columnSpan: Int
    /// How many rows it covers (a theme cell merged down over its actions).
    public var rowSpan: Int
    public var box: Box
    /// Its lines, joined by newlines; empty for an empty cell.
    public var text: String
    /// `red`, `amber` or `green` when the cell is shaded in that colour.
    public var shade: String?
    public var bold: Bool

    public init(
        column: Int, columnSpan: Int = 1, rowSpan: Int = 1, box: Box, text: String, shade: String? = nil,
        bold: Bool = false
    ) {
        self.column = column
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.box = box
        self.text = text
        self.shade = shade
        self.bold = bold
    }

    /// The text on one line: wrapped lines joined by spaces (a word hyphenated at a wrap joined whole).
    public var flatText: String {
        TextJoin.lines(text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
    }
}

extension DocumentLayout {
    /// Decodes `layout.json`; nil when it is damaged or of a version this build does not know.
    public static func decode(_ bytes: [UInt8]) -> DocumentLayout? {
        guard let layout = try? JSONDecoder().decode(DocumentLayout.self, from: Data(bytes)),
            layout.version == currentVersion
        else { return nil }
        return layout
    }

    /// `layout.json`'s bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
