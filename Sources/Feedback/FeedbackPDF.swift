import Foundation
import PDFWriter

extension FeedbackDocument {
    /// `feedback.pdf`: the title, institution and reference, a bar chart of the median score per scored
    /// criterion, then the wording of `renderText()`, wrapped to the page, on as many A4 pages as it takes.
    ///
    /// The file is drawn beside `path` and moved there when complete, so a failure leaves no half-written PDF.
    /// - Throws: `PDFWriterError`, or a file system error when the finished file cannot be moved into place.
    public func writePDF(to path: String) throws {
        let partial = path + ".partial"
        do {
            let canvas: PDFCanvas
            do {
                canvas = try PDFCanvas(path: partial, size: .a4)
            } catch .cannotCreate(_, let detail) {
                throw PDFWriterError.cannotCreate(path: path, detail: detail)
            }
            canvas.setMetadata(title: "\(FeedbackOutline.title): \(institution) (\(reference))")
            PDFFeedbackLayout(document: self, canvas: canvas).draw()
            try canvas.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}

/// Draws the feedback's blocks on a canvas: the header large, then the chart, then the body.
struct PDFFeedbackLayout {
    let document: FeedbackDocument
    let canvas: PDFCanvas

    func draw() {
        let outline = FeedbackOutline(document)
        let flow = PDFPageFlow(canvas: canvas, footer: "Technician Commitment feedback · \(document.reference)")
        draw(outline.header, in: flow)
        flow.advance(10)
        ScoreChart(document: document).draw(in: flow)
        flow.advance(6)
        draw(outline.body, in: flow)
    }

    private func draw(_ blocks: [FeedbackBlock], in flow: PDFPageFlow) {
        let size = PDFPageFlow.bodySize
        let labelWidth =
            blocks.compactMap { block -> Double? in
                guard case .field(let label, _) = block else { return nil }
                return canvas.textWidth(label + ":", size: size, bold: true)
            }.max() ?? 0
        for block in blocks {
            switch block {
            case .title(let text):
                flow.paragraph(text, x: flow.left, size: 18, bold: true, lineHeight: 24)
                flow.advance(6)
            case .field(let label, let value):
                flow.ensure(PDFPageFlow.lineHeight)
                canvas.text(label + ":", x: flow.left, y: flow.y + size, size: size, bold: true)
                if value.allSatisfy(\.isWhitespace) {
                    flow.advance(PDFPageFlow.lineHeight)
                } else {
                    flow.paragraph(value, x: flow.left + labelWidth + 8)
                }
            case .heading(let text, let level):
                let headingSize = level == 1 ? 13.5 : 11.5
                let height = headingSize + 8
                flow.ensure(height + 2 * PDFPageFlow.lineHeight)
                if level == 1 {
                    flow.advance(4)
                    flow.paragraph(text, x: flow.left, size: headingSize, bold: true, lineHeight: height)
                    canvas.line(from: (flow.left, flow.y - 3), to: (flow.right, flow.y - 3), width: 0.6, gray: 0.6)
                    flow.advance(3)
                } else {
                    flow.paragraph(text, x: flow.left, size: headingSize, bold: true, lineHeight: height)
                }
            case .paragraph(let text, let indent):
                flow.paragraph(text, x: flow.left + Double(indent) * PDFPageFlow.indentStep)
            case .bullet(let text):
                flow.paragraph(text, x: flow.left + PDFPageFlow.indentStep, firstLinePrefix: "•")
                flow.advance(3)
            case .space:
                flow.advance(PDFPageFlow.lineHeight / 2)
            }
        }
    }
}
