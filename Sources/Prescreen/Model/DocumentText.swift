import Layout

/// The text of a PDF, one string per page, as the extraction child wrote it (`text.txt`: reading order,
/// table cells apart by tabs), and, when it could read one, the pages' layout (`layout.json`), from
/// which tables, headings and sign-off blocks are read as structure.
public struct DocumentText: Sendable, Equatable {
    public var pages: [String]
    public var layout: DocumentLayout?

    public init(pages: [String], layout: DocumentLayout? = nil) {
        self.pages = pages
        self.layout = layout
    }

    /// The text and layout of several PDFs sent together, in order, as one document: an appendix sent
    /// as a second PDF follows the form, its pages numbered on.
    public static func joined(_ parts: [DocumentText]) -> DocumentText {
        var pages: [String] = []
        var layoutPages: [LayoutPage] = []
        var complete = true
        for part in parts {
            if let layout = part.layout, layout.pages.count == part.pages.count {
                layoutPages += layout.pages.map { page in
                    var page = page
                    page.number += pages.count
                    return page
                }
            } else {
                complete = false
            }
            pages += part.pages
        }
        return DocumentText(pages: pages, layout: complete && !parts.isEmpty ? DocumentLayout(pages: layoutPages) : nil)
    }

    /// Reads what the extraction child wrote: pages apart by form feeds, and the layout when its file is
    /// there and of a version this build knows.
    public static func read(text: String, layoutJSON: [UInt8]?) -> DocumentText {
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.last?.isEmpty == true { pages.removeLast() }
        let layout = layoutJSON.flatMap { DocumentLayout.decode($0) }
        return DocumentText(pages: pages, layout: layout?.pages.count == pages.count ? layout : nil)
    }
}
