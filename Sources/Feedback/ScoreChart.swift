import PDFWriter

/// The small horizontal bar chart of the PDF: one bar per scored criterion, its length the median, on an
/// axis from the lowest to the highest point of the scale, with the scale's labels underneath.
struct ScoreChart {
    let document: FeedbackDocument

    static let title = "Median score per theme"
    private let titleSize = 12.0
    private let labelSize = 9.5
    private let tickSize = 8.5
    private let rowHeight = 18.0
    private let barHeight = 10.0

    var rows: [CriterionFeedback] { document.criteria.filter(\.scored) }

    /// Draws the chart at the flow's cursor (on a new page if it does not fit) and moves the cursor below it.
    func draw(in flow: PDFPageFlow) {
        guard !rows.isEmpty, document.maxScore > document.minScore else { return }
        let canvas = flow.canvas
        let legend = document.scale.map { "\($0.value) = \($0.label)" }.joined(separator: "  ·  ")
        let legendLines = flow.lineCount(legend, x: flow.left, size: tickSize, bold: false)
        let height = 22 + Double(rows.count) * rowHeight + 20 + Double(legendLines) * 11 + 8
        flow.ensure(height)

        canvas.text(Self.title, x: flow.left, y: flow.y + titleSize, size: titleSize, bold: true)
        flow.advance(22)

        let widest = rows.map { canvas.textWidth($0.title, size: labelSize) }.max() ?? 0
        let labelWidth = min(widest, flow.width * 0.38)
        let x0 = flow.left + labelWidth + 10
        let x1 = flow.right - 28
        let (low, high) = (Double(document.minScore), Double(document.maxScore))
        func x(_ value: Double) -> Double { x0 + (value - low) / (high - low) * (x1 - x0) }

        let top = flow.y
        let axisY = top + Double(rows.count) * rowHeight + 2
        for value in document.minScore...document.maxScore {
            let tickX = x(Double(value))
            canvas.line(from: (tickX, top), to: (tickX, axisY), width: 0.5, gray: 0.82)
            canvas.line(from: (tickX, axisY), to: (tickX, axisY + 3), width: 0.75, gray: 0)
            let tick = String(value)
            canvas.text(tick, x: tickX - canvas.textWidth(tick, size: tickSize) / 2, y: axisY + 13, size: tickSize)
        }
        canvas.line(from: (x0, axisY), to: (x1, axisY), width: 0.75, gray: 0)

        for (index, row) in rows.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            let baseline = rowTop + rowHeight / 2 + labelSize * 0.35
            let label = fitted(row.title, width: labelWidth, canvas: canvas)
            canvas.text(label, x: x0 - 10 - canvas.textWidth(label, size: labelSize), y: baseline, size: labelSize)
            guard let median = row.median else {
                canvas.text("no scores", x: x0 + 4, y: baseline, size: labelSize, gray: 0.4)
                continue
            }
            let end = max(x(min(max(median, low), high)), x0 + 2)
            canvas.rectangle(
                x: x0, y: rowTop + (rowHeight - barHeight) / 2, width: end - x0, height: barHeight, gray: 0.45,
                filled: true)
            canvas.text(ScoreWords.number(median), x: end + 4, y: baseline, size: labelSize, bold: true)
        }
        flow.advance(Double(rows.count) * rowHeight + 20)
        flow.paragraph(legend, x: flow.left, size: tickSize, lineHeight: 11)
        flow.advance(8)
    }

    /// `text`, cut with an ellipsis to fit `width`.
    private func fitted(_ text: String, width: Double, canvas: PDFCanvas) -> String {
        guard canvas.textWidth(text, size: labelSize) > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty, canvas.textWidth(String(characters) + "…", size: labelSize) > width {
            characters.removeLast()
        }
        return String(characters).trimmingTrailingWhitespace + "…"
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
