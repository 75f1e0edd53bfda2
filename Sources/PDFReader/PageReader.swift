internal import CCairo
internal import CPoppler
import Layout

/// Reads one poppler page into what the layout needs: characters with boxes and fonts, image areas, and
/// the page rendered through cairo for its ruling lines and cell shading.
enum PageReader {
    /// Pixels per point for the rendering that rules and shading are read from.
    static let renderScale = 1.0

    static func input(_ page: OpaquePointer, renderer: Renderer?) -> PageInput {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        return PageInput(
            width: width, height: height, glyphs: glyphs(page), images: images(page),
            render: renderer.map { renderer in { renderer.render(page, width: width, height: height) } })
    }

    private static func glyphs(_ page: OpaquePointer) -> [Glyph] {
        guard let raw = poppler_page_get_text(page) else { return [] }
        defer { g_free(raw) }
        let scalars = Array(String(cString: raw).unicodeScalars)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        // poppler gives one box per character; when it does not, the text cannot be placed.
        guard Int(count) == scalars.count else { return [] }
        var sizes = [Double](repeating: 0, count: scalars.count)
        var bold = [Bool](repeating: false, count: scalars.count)
        let attributes = poppler_page_get_text_attributes(page)
        var node = attributes
        while let current = node {
            if let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                let attribute = pointer.pointee
                let name = attribute.font_name.map { String(cString: $0).lowercased() } ?? ""
                let isBold = ["bold", "black", "heavy", "semibold", "demi"].contains { name.contains($0) }
                let lower = max(0, Int(attribute.start_index))
                let upper = min(scalars.count - 1, Int(attribute.end_index))
                if lower <= upper {
                    for index in lower...upper {
                        sizes[index] = attribute.font_size
                        bold[index] = isBold
                    }
                }
            }
            node = current.pointee.next
        }
        poppler_page_free_text_attributes(attributes)
        return scalars.indices.map { index in
            let r = rectangles[index]
            return Glyph(
                scalars[index], Box(x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2), size: sizes[index], bold: bold[index])
        }
    }

    private static func images(_ page: OpaquePointer) -> [Box] {
        let list = poppler_page_get_image_mapping(page)
        defer { poppler_page_free_image_mapping(list) }
        var boxes: [Box] = []
        var node = list
        while let current = node {
            if let pointer = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self) {
                let area = pointer.pointee.area
                boxes.append(Box(x1: area.x1, y1: area.y1, x2: area.x2, y2: area.y2))
            }
            node = current.pointee.next
        }
        return boxes
    }

}

/// Renders pages through cairo into one image surface and one pixel buffer, reused while pages keep
/// their size, so a long document does not allocate and clear a new page image each time.
final class Renderer {
    private var surface: OpaquePointer?
    private var columns = 0
    private var rows = 0
    private var pixels: [UInt32] = []

    deinit {
        if let surface { cairo_surface_destroy(surface) }
    }

    func render(_ page: OpaquePointer, width: Double, height: Double) -> Bitmap? {
        let scale = PageReader.renderScale
        let pixelWidth = Int((width * scale).rounded(.up))
        let pixelHeight = Int((height * scale).rounded(.up))
        guard pixelWidth > 0, pixelHeight > 0, pixelWidth * pixelHeight <= 40_000_000 else { return nil }
        if surface == nil || pixelWidth != columns || pixelHeight != rows {
            if let surface { cairo_surface_destroy(surface) }
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
            columns = pixelWidth
            rows = pixelHeight
            pixels = []
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface)
        else { return nil }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        if pixels.count != columns * rows { pixels = [UInt32](repeating: 0, count: columns * rows) }
        let (width, height) = (columns, rows)
        data.withMemoryRebound(to: UInt32.self, capacity: stride * height) { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for row in 0..<height {
                    (target.baseAddress! + row * width).update(from: source + row * stride, count: width)
                }
            }
        }
        return Bitmap(width: columns, height: rows, scale: scale, pixels: pixels)
    }
}
