internal import CPoppler
import Dispatch
import FoundationEssentials
import Layout

#if canImport(Glibc)
    import Glibc
#endif

/// What poppler can tell about a PDF file.
public struct PDFSummary: Sendable, Equatable, Codable {
    public var pages: Int
    /// Characters of text found across all pages (0 for a scanned, image-only PDF); nil when not extracted.
    public var textCharacters: Int?
    /// Pages whose text was not read because it is far larger than any form's.
    public var unreadPages: [Int]?
    public var title: String?
    public var author: String?
    public var creator: String?

    public init(pages: Int, title: String? = nil, author: String? = nil, creator: String? = nil) {
        self.pages = pages
        self.title = title
        self.author = author
        self.creator = creator
    }
}

/// Why a PDF could not be read.
public enum PDFError: Error, Equatable, Codable, CustomStringConvertible {
    /// It needs a password to open.
    case encrypted
    /// poppler could not parse it (damaged, truncated, or not a PDF).
    case unreadable(detail: String)
    /// The PDF was read, but its text or layout could not be written here (a full disk, a missing
    /// folder): the reader's problem, never the PDF's.
    case outputNotWritten(path: String, detail: String)

    public var description: String {
        switch self {
        case .encrypted: return "the PDF is protected by a password"
        case .unreadable(let detail): return "the PDF could not be read (\(detail))"
        case .outputNotWritten(let path, let detail): return "the reader could not write \(path) (\(detail))"
        }
    }
}

/// An open PDF document, through poppler-glib. Use it only in a child process: crafted files can
/// hang or crash poppler.
public final class PDFDocument {
    private let document: OpaquePointer
    private let path: String

    /// Opens the file at `path`.
    public init(path: String) throws(PDFError) {
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            defer { g_clear_error(&error) }
            if let error, error.pointee.domain == poppler_error_quark(),
                error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            {
                throw .encrypted
            }
            throw .unreadable(detail: error.map { String(cString: $0.pointee.message) } ?? "unknown error")
        }
        self.document = document
        self.path = path
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    public var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    public var summary: PDFSummary {
        PDFSummary(
            pages: pageCount, title: Self.take(poppler_document_get_title(document)),
            author: Self.take(poppler_document_get_author(document)),
            creator: Self.take(poppler_document_get_creator(document)))
    }

    /// The layout of every page, with tables that carry over a page break linked.
    ///
    /// A long document is read by two workers, each with its own poppler document (a poppler document
    /// is not shared between threads), taking every other page; a short one page by page.
    ///
    /// - Parameter render: read ruling lines and cell shading from the rendered page (slower); without
    ///   it, tables are found from the alignment of their columns only.
    public func layout(render: Bool = true) -> DocumentLayout {
        let count = pageCount
        var pages: [LayoutPage]
        if count >= Self.parallelFrom, let second = try? PDFDocument(path: path) {
            let results = PageResults(count: count)
            let documents = [UnsafeDocument(pointer: document), UnsafeDocument(pointer: second.document)]
            DispatchQueue.concurrentPerform(iterations: 2) { worker in
                let renderer = render ? Renderer() : nil
                var budget = Self.characterBudget / 2
                for index in stride(from: worker, to: count, by: 2) {
                    results.set(
                        index,
                        Self.layout(page: index, of: documents[worker].pointer, renderer: renderer, budget: &budget))
                }
            }
            withExtendedLifetime(second) {}
            pages = results.pages
        } else {
            let renderer = render ? Renderer() : nil
            var budget = Self.characterBudget
            pages = (0..<count).map { Self.layout(page: $0, of: document, renderer: renderer, budget: &budget) }
        }
        DocumentBuilder.linkContinuations(&pages)
        var layout = DocumentLayout(pages: pages)
        layout.unreadPages = pages.filter { $0.unread == true }.map(\.number)
        return layout
    }

    /// Documents this long are read by two workers.
    static let parallelFrom = 16

    /// The characters read from one document, and from one page, at most: a real form has well under a
    /// million; a crafted "text bomb" is not read into memory (its pages are reported as not read).
    static let characterBudget = 4_000_000
    static let pageBudget = 200_000

    private static func layout(page index: Int, of document: OpaquePointer, renderer: Renderer?, budget: inout Int)
        -> LayoutPage
    {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            return LayoutPage(number: index + 1, width: 0, height: 0, blocks: [])
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        // The page stays open while the layout is built: it renders the page only if it needs to.
        let input = PageReader.input(page, renderer: renderer)
        guard input.glyphs.count <= min(pageBudget, budget) else {
            budget = 0
            var skipped = LayoutPage(number: index + 1, width: input.width, height: input.height, blocks: [])
            skipped.unread = true
            return skipped
        }
        budget -= input.glyphs.count
        return PageBuilder.build(input, number: index + 1)
    }

    /// The text of one page (0-based) in reading order, table cells apart by tabs, as `text.txt` has it.
    public func text(page index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return PlainText.text(of: PageBuilder.build(PageReader.input(page, renderer: Renderer()), number: index + 1))
    }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let value = String(cString: pointer)
        return value.isEmpty ? nil : value
    }
}

/// A poppler document handed to one worker thread, which alone uses it.
private struct UnsafeDocument: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// The pages the workers read, each stored once by its index.
private final class PageResults: @unchecked Sendable {
    private var slots: [LayoutPage?]
    private let queue = DispatchQueue(label: "tcreview.layout.pages")

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ page: LayoutPage) {
        queue.sync { slots[index] = page }
    }

    var pages: [LayoutPage] {
        queue.sync { slots }.enumerated().map {
            $0.element ?? LayoutPage(number: $0.offset + 1, width: 0, height: 0, blocks: [])
        }
    }
}
