internal import CPoppler
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

    public var description: String {
        switch self {
        case .encrypted: return "the PDF is protected by a password"
        case .unreadable(let detail): return "the PDF could not be read (\(detail))"
        }
    }
}

/// An open PDF document, through poppler-glib. Use it only in a child process: crafted files can
/// hang or crash poppler.
public final class PDFDocument {
    private let document: OpaquePointer

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

    /// The layout of every page, one page at a time, with tables that carry over a page break linked.
    ///
    /// - Parameter render: read ruling lines and cell shading from the rendered page (slower); without
    ///   it, tables are found from the alignment of their columns only.
    public func layout(render: Bool = true) -> DocumentLayout {
        var pages: [LayoutPage] = []
        let renderer = render ? Renderer() : nil
        for index in 0..<pageCount {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                pages.append(LayoutPage(number: index + 1, width: 0, height: 0, blocks: []))
                continue
            }
            // The page stays open while the layout is built: it renders the page only if it needs to.
            pages.append(PageBuilder.build(PageReader.input(page, renderer: renderer), number: index + 1))
            g_object_unref(UnsafeMutableRawPointer(page))
        }
        DocumentBuilder.linkContinuations(&pages)
        return DocumentLayout(pages: pages)
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
