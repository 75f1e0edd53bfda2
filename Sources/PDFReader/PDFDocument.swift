internal import CPoppler
import FoundationEssentials

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

    /// Writes the text of every page to `path`, pages separated by form feeds (as `pdftotext` does), one
    /// page at a time so memory does not grow with the document; returns the characters written.
    public func writeText(to path: String) throws(PDFError) -> Int {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unreadable(detail: "cannot write the text to \(path)") }
        defer { close(fd) }
        var characters = 0
        for index in 0..<pageCount {
            let text = self.text(page: index)
            var data = Data(text.utf8)
            // Visible characters, counted over bytes: every byte that is not ASCII white space or a
            // UTF-8 continuation byte starts one.
            characters += data.reduce(0) { $0 + ($1 > 0x20 && ($1 & 0xC0) != 0x80 ? 1 : 0) }
            data.append(0x0C)
            let complete = data.withUnsafeBytes { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
            guard complete else { throw .unreadable(detail: "cannot write the text to \(path)") }
        }
        return characters
    }

    /// The text of one page (0-based), in reading order as poppler lays it out, with table cells kept apart:
    /// where poppler runs two cells of one visual line together (or breaks between them), a tab stands
    /// between them, so a table row reads `Theme<TAB>Activity<TAB>…`.
    public func text(page index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let raw = Self.take(poppler_page_get_text(page)) else { return "" }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return raw }
        defer { g_free(rectangles) }
        let boxes = UnsafeBufferPointer(start: rectangles, count: Int(count)).map {
            TextLayout.Box(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2)
        }
        return TextLayout.separatingCells(raw, boxes: boxes)
    }

    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let value = String(cString: pointer)
        return value.isEmpty ? nil : value
    }
}
