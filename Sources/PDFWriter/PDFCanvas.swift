internal import CCairo

/// One PDF file being drawn with cairo: text in the toy "sans-serif" font, gray rectangles and lines.
///
/// Coordinates are points from the top-left corner of the page; `y` of `text` is the baseline. Drawing
/// calls do not throw: cairo keeps the first error, and `close()` reports it. The file is complete only
/// after `close()` (which `deinit` calls too, dropping any error).
public final class PDFCanvas {
    /// Nil once closed.
    private var surface: OpaquePointer?
    private var context: OpaquePointer?
    public let size: PDFPageSize

    /// Creates the file at `path` with one empty page of `size`.
    public init(path: String, size: PDFPageSize = .a4) throws(PDFWriterError) {
        guard let surface = cairo_pdf_surface_create(path, size.width, size.height) else {
            throw .cannotCreate(path: path, detail: "cairo returned no surface")
        }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cannotCreate(path: path, detail: PDFWriterError.text(of: surfaceStatus))
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cannotCreate(path: path, detail: "cairo returned no drawing context")
        }
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw .cannotCreate(path: path, detail: PDFWriterError.text(of: contextStatus))
        }
        self.surface = surface
        self.context = context
        self.size = size
    }

    deinit {
        try? close()
    }

    /// Sets the document's title and author, shown by PDF viewers.
    public func setMetadata(title: String, author: String? = nil) {
        guard let surface else { return }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        if let author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
    }

    /// Draws `string` (any UTF-8 text; control characters become spaces) with its baseline starting at (x, y).
    public func text(_ string: String, x: Double, y: Double, size: Double, bold: Bool = false, gray: Double = 0) {
        guard let context else { return }
        selectFont(context, size: size, bold: bold)
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_move_to(context, x, y)
        cairo_show_text(context, Self.printable(string))
    }

    /// How far `string` advances in the font `text` would use.
    public func textWidth(_ string: String, size: Double, bold: Bool = false) -> Double {
        guard let context else { return 0 }
        selectFont(context, size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, Self.printable(string), &extents)
        return extents.x_advance
    }

    /// A rectangle, filled or outlined (0.75 pt), in a gray from 0 (black) to 1 (white).
    public func rectangle(x: Double, y: Double, width: Double, height: Double, gray: Double, filled: Bool) {
        guard let context else { return }
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_rectangle(context, x, y, width, height)
        if filled {
            cairo_fill(context)
        } else {
            cairo_set_line_width(context, 0.75)
            cairo_stroke(context)
        }
    }

    /// A straight line of `width` points in a gray from 0 (black) to 1 (white).
    public func line(from: (Double, Double), to: (Double, Double), width: Double, gray: Double) {
        guard let context else { return }
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_set_line_width(context, width)
        cairo_move_to(context, from.0, from.1)
        cairo_line_to(context, to.0, to.1)
        cairo_stroke(context)
    }

    /// Ends the current page and starts a new one of the same size.
    public func newPage() {
        guard let context else { return }
        cairo_show_page(context)
    }

    /// Finishes and closes the file; the first drawing or writing error, if any, is thrown. Later calls do nothing.
    public func close() throws(PDFWriterError) {
        guard let surface, let context else { return }
        self.surface = nil
        self.context = nil
        let drawingStatus = cairo_status(context)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        let writingStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        if drawingStatus != CAIRO_STATUS_SUCCESS { throw .drawing(PDFWriterError.text(of: drawingStatus)) }
        if writingStatus != CAIRO_STATUS_SUCCESS { throw .drawing(PDFWriterError.text(of: writingStatus)) }
    }

    private func selectFont(_ context: OpaquePointer, size: Double, bold: Bool) {
        cairo_select_font_face(
            context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }

    /// `string` with control characters (tabs, newlines, NUL) as spaces: the toy API draws them as boxes.
    private static func printable(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return string
        }
        return String(
            String.UnicodeScalarView(
                string.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

@available(*, unavailable)
extension PDFCanvas: Sendable {}
