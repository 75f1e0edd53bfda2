import Foundation
import PDFReader
import PDFWriter
import TestSupport
import Testing

@Suite struct FeedbackPDFCanvasTests {
    @Test func anUnwritablePathThrowsCannotCreateWithCairosReason() {
        let path = "/nonexistent-\(UUID().uuidString)/out.pdf"
        #expect {
            _ = try PDFCanvas(path: path)
        } throws: { error in
            guard case .cannotCreate(let failed, let detail)? = error as? PDFWriterError else { return false }
            return failed == path && !detail.isEmpty
        }
    }

    @Test func drawsUTF8TextOnAsManyPagesAsAsked() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("canvas.pdf")
        let canvas = try PDFCanvas(path: path)
        canvas.text("Prifysgol Aberystwyth", x: 50, y: 80, size: 14, bold: true)
        canvas.rectangle(x: 50, y: 100, width: 200, height: 10, gray: 0.5, filled: true)
        canvas.line(from: (50, 120), to: (250, 120), width: 1, gray: 0)
        canvas.newPage()
        canvas.text("Siân\tand a tab", x: 50, y: 80, size: 11)
        canvas.newPage()
        canvas.text("third", x: 50, y: 80, size: 11)
        try canvas.close()
        try canvas.close()  // a second close does nothing

        let pdf = try PDFDocument(path: path)
        #expect(pdf.pageCount == 3)
        #expect(pdf.text(page: 0).contains("Prifysgol Aberystwyth"))
        #expect(pdf.text(page: 1).contains("Siân"))
        #expect(pdf.text(page: 2).contains("third"))
    }

    @Test func textWidthGrowsWithLengthSizeAndWeight() throws {
        let folder = TemporaryDirectory()
        let canvas = try PDFCanvas(path: folder.file("widths.pdf"))
        defer { try? canvas.close() }
        let word = canvas.textWidth("Technician", size: 10)
        #expect(canvas.textWidth("", size: 10) == 0)
        #expect(word > 30 && word < 80)
        #expect(canvas.textWidth("Technician Commitment", size: 10) > word)
        #expect(canvas.textWidth("Technician", size: 20) > word * 1.9)
        #expect(canvas.textWidth("Technician", size: 10, bold: true) > word)
    }

    @Test func theDefaultPageIsA4() throws {
        let folder = TemporaryDirectory()
        let canvas = try PDFCanvas(path: folder.file("a4.pdf"))
        defer { try? canvas.close() }
        #expect(canvas.size == .a4)
        #expect(abs(PDFPageSize.a4.width - 595.28) < 0.01 && abs(PDFPageSize.a4.height - 841.89) < 0.01)
    }
}
