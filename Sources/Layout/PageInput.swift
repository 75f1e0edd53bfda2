/// What the PDF adapter reads off one page for the layout: its size, its characters with their boxes and
/// fonts, its images, and a way to render the page as pixels, for ruling lines and shading — asked for
/// only when the page's text shows pieces side by side, as table cells are (rendering costs as much as
/// reading the text).
public struct PageInput {
    public var width: Double
    public var height: Double
    /// Every character of the page text in poppler's reading order, line breaks and spaces included.
    public var glyphs: [Glyph]
    /// Where images are drawn (a signature, a logo).
    public var images: [Box]
    /// Renders the page; nil when it cannot be rendered.
    public var render: (() -> Bitmap?)?

    public init(width: Double, height: Double, glyphs: [Glyph], images: [Box] = [], render: (() -> Bitmap?)? = nil) {
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.images = images
        self.render = render
    }

    /// A page whose pixels are already at hand.
    public init(width: Double, height: Double, glyphs: [Glyph], images: [Box] = [], bitmap: Bitmap?) {
        self.init(
            width: width, height: height, glyphs: glyphs, images: images, render: bitmap.map { bitmap in { bitmap } })
    }
}

/// One character and where it is drawn.
public struct Glyph: Sendable, Equatable {
    public var character: Unicode.Scalar
    public var box: Box
    /// The font size in points, 0 when unknown.
    public var size: Double
    public var bold: Bool

    public init(_ character: Unicode.Scalar, _ box: Box, size: Double = 0, bold: Bool = false) {
        self.character = character
        self.box = box
        self.size = size
        self.bold = bold
    }

    var isSpace: Bool { character == " " || character == "\u{A0}" || character == "\t" }
    var isLineBreak: Bool { character == "\n" || character == "\r" }
}

/// A page rendered to 32-bit pixels (cairo's RGB24: `0x00RRGGBB`), `scale` pixels per point.
public struct Bitmap: Sendable {
    public var width: Int
    public var height: Int
    public var scale: Double
    public var pixels: [UInt32]

    public init(width: Int, height: Int, scale: Double, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.scale = scale
        self.pixels = pixels
    }

    @inline(__always) func pixel(_ x: Int, _ y: Int) -> UInt32 { pixels[y * width + x] }

    /// A white pixel, as cairo's RGB24 gives it (the unused top byte may be set).
    @inline(__always) static func isWhite(_ pixel: UInt32) -> Bool { pixel & 0xFF_FFFF == 0xFF_FFFF }

    /// Dark and not coloured: the ink of a ruling line (black or grey, drawn or antialiased).
    @inline(__always) static func isInk(_ pixel: UInt32) -> Bool {
        let r = Int((pixel >> 16) & 0xFF)
        let g = Int((pixel >> 8) & 0xFF)
        let b = Int(pixel & 0xFF)
        return r + g + b < 3 * 170 && max(r, g, b) - min(r, g, b) < 60
    }
}
