import Layout

/// Draws pages for the layout tests: text placed at points, as poppler would report its characters.
struct PageSketch {
    var glyphs: [Glyph] = []
    var width = 595.0
    var height = 842.0
    var images: [Box] = []
    var bitmap: Bitmap?

    /// Text starting at (x, y) (top of the line), each character `size / 2` wide; spaces are characters
    /// too, as poppler gives them. A line break follows unless `lineBreak` is false.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double = 10, bold: Bool = false, lineBreak: Bool = true
    ) {
        var left = x
        for scalar in text.unicodeScalars {
            glyphs.append(
                Glyph(scalar, Box(x1: left, y1: y, x2: left + size / 2, y2: y + size), size: size, bold: bold))
            left += size / 2
        }
        if lineBreak { glyphs.append(Glyph("\n", Box(x1: left, y1: y, x2: left, y2: y + size), size: size)) }
    }

    /// A blank page bitmap (one pixel per point) to draw rules into.
    mutating func blankBitmap() {
        bitmap = Bitmap(
            width: Int(width), height: Int(height), scale: 1,
            pixels: Array(repeating: 0xFFFFFF, count: Int(width) * Int(height)))
    }

    /// A black horizontal rule at y from x1 to x2.
    mutating func horizontal(y: Int, from x1: Int, to x2: Int) {
        if bitmap == nil { blankBitmap() }
        for x in x1...x2 { bitmap!.pixels[y * bitmap!.width + x] = 0 }
    }

    mutating func vertical(x: Int, from y1: Int, to y2: Int) {
        if bitmap == nil { blankBitmap() }
        for y in y1...y2 { bitmap!.pixels[y * bitmap!.width + x] = 0 }
    }

    /// Fills a rectangle with a colour (`0xRRGGBB`).
    mutating func fill(_ box: Box, colour: UInt32) {
        if bitmap == nil { blankBitmap() }
        for y in Int(box.y1)..<Int(box.y2) {
            for x in Int(box.x1)..<Int(box.x2) { bitmap!.pixels[y * bitmap!.width + x] = colour }
        }
    }

    /// Rules drawing a grid with these column and row edges.
    mutating func grid(xs: [Int], ys: [Int]) {
        for y in ys { horizontal(y: y, from: xs.first!, to: xs.last!) }
        for x in xs { vertical(x: x, from: ys.first!, to: ys.last!) }
    }

    var input: PageInput { PageInput(width: width, height: height, glyphs: glyphs, images: images, bitmap: bitmap) }

    func page() -> LayoutPage { PageBuilder.build(input, number: 1) }
}

extension LayoutPage {
    var tables: [LayoutTable] { blocks.compactMap(\.table) }
    var lineTexts: [String] { blocks.flatMap { $0.lines ?? [] }.map(\.text) }
}
