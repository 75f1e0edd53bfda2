import PDFWriter

/// Text flowing down the pages of a canvas: a cursor, margins, a footer on every page, and page breaks.
final class PDFPageFlow {
    let canvas: PDFCanvas
    let left = 56.7
    let top = 56.7
    let bottom = 62.0
    /// The footer's text, followed by the page number.
    let footer: String
    private(set) var y: Double
    private(set) var page = 1

    var right: Double { canvas.size.width - left }
    var width: Double { right - left }

    static let bodySize = 10.5
    static let lineHeight = 14.5
    static let indentStep = 14.0

    init(canvas: PDFCanvas, footer: String) {
        self.canvas = canvas
        self.footer = footer
        self.y = top
        drawFooter()
    }

    /// Starts a new page unless `height` more points fit on this one.
    func ensure(_ height: Double) {
        if y + height > canvas.size.height - bottom, y > top { newPage() }
    }

    func newPage() {
        canvas.newPage()
        page += 1
        y = top
        drawFooter()
    }

    /// Moves the cursor down.
    func advance(_ height: Double) { y += height }

    /// Draws `text` wrapped to the width from `x`, one line at a time, breaking pages between lines.
    func paragraph(
        _ text: String, x: Double, size: Double = bodySize, bold: Bool = false, lineHeight: Double = lineHeight,
        firstLinePrefix: String? = nil
    ) {
        let available = right - x
        let lines = Wrap.lines(text) { canvas.textWidth($0, size: size, bold: bold) <= available }
        for (index, line) in lines.enumerated() {
            ensure(lineHeight)
            if index == 0, let firstLinePrefix {
                canvas.text(firstLinePrefix, x: x - Self.indentStep, y: y + size, size: size, bold: bold)
            }
            canvas.text(line, x: x, y: y + size, size: size, bold: bold)
            y += lineHeight
        }
    }

    /// How many lines `text` takes from `x` to the right margin.
    func lineCount(_ text: String, x: Double, size: Double, bold: Bool) -> Int {
        let available = right - x
        return Wrap.lines(text) { canvas.textWidth($0, size: size, bold: bold) <= available }.count
    }

    private func drawFooter() {
        let text = "\(footer) · page \(page)"
        let size = 8.5
        let x = right - canvas.textWidth(text, size: size)
        canvas.line(
            from: (left, canvas.size.height - bottom + 14), to: (right, canvas.size.height - bottom + 14), width: 0.5,
            gray: 0.75)
        canvas.text(text, x: x, y: canvas.size.height - bottom + 28, size: size, gray: 0.35)
    }
}
