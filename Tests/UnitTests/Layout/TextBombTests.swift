import Foundation
import PDFReader
import Testing

@testable import TestSupport

/// A crafted PDF with far more text than any form is not read into memory: its page is reported unread.
@Suite struct TextBombTests {
    /// One ordinary page, then a page 5,000 points square holding 420 lines of 600 characters (252,000).
    static func bomb() -> Data {
        var stream = "BT /F1 8 Tf\n"
        let line = String(String(repeating: "abcdefghij klmnopqrs ", count: 50).prefix(600))
        for row in 0..<420 {
            stream += "1 0 0 1 10 \(String(format: "%.1f", 4990 - Double(row) * 11.5)) Tm (\(line)) Tj\n"
        }
        stream += "ET\n"
        let normal = "BT /F1 10 Tf 1 0 0 1 50 800 Tm (Organisation: University of Example) Tj ET\n"
        return PDFFixture.assemble(
            [
                "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
                "<< /Length \(normal.utf8.count) >>\nstream\n\(normal)endstream",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 5000 5000] /Resources << /Font << /F1 3 0 R >> >> /Contents 7 0 R >>",
                "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
            ], trailerExtra: "")
    }

    @Test func aPageWithFarMoreTextThanAnyFormIsNotReadAndIsReported() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("bomb.pdf")
        try Self.bomb().write(to: URL(fileURLWithPath: path))
        let layout = try PDFDocument(path: path).layout()

        #expect(layout.unreadPages == [2])
        #expect(layout.pages[1].blocks.isEmpty)
        #expect(layout.pages[0].blocks.contains { $0.text.contains("University of Example") })
    }
}
