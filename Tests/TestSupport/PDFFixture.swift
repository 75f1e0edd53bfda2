import Foundation

/// Small, valid PDFs built by the tests themselves: one page of Helvetica text per entry of `pages`.
public enum PDFFixture {
    public static func make(pages: [String], title: String? = nil, padding: Int = 0) -> Data {
        build(pages: pages, title: title, padding: padding, encrypt: nil)
    }

    /// A PDF that needs a password to open (standard security handler; no password given opens it).
    public static func encrypted() -> Data {
        let u = String(repeating: "5A3C", count: 16)
        let o = String(repeating: "91E0", count: 16)
        return build(
            pages: ["Confidential."], title: nil, padding: 0,
            encrypt: "<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -44 >>")
    }

    /// A scanned-looking PDF: `pages` pages that each show an image and carry no text at all.
    public static func imageOnly(pages: Int = 2) -> Data {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = (0..<pages).map { "\(4 + $0 * 2) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        let pixels = String(repeating: "\u{40}", count: 64)
        objects.append(
            "<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n\(pixels)\nendstream"
        )
        for index in 0..<pages {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents \(5 + index * 2) 0 R >>"
            )
            let stream = "q 500 0 0 700 50 70 cm /Im1 Do Q\n"
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream")
        }
        return assemble(objects, trailerExtra: "")
    }

    static func assemble(_ objects: [String], trailerExtra: String) -> Data {
        var body = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.count)
            body.append(Data("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8))
        }
        let xref = body.count
        var output = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(trailerExtra) >>\nstartxref\n\(xref)\n%%EOF\n"
        body.append(Data(output.utf8))
        return body
    }

    static func build(pages: [String], title: String?, padding: Int, encrypt: String?) -> Data {
        var objects: [String] = []
        let pageCount = pages.count
        // 1: catalog, 2: pages, 3: font, then for each page a page object and a content stream.
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        let kids = (0..<pageCount).map { "\(4 + $0 * 2) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (index, text) in pages.enumerated() {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + index * 2) 0 R >>"
            )
            // Each line at its own position; a line with tabs is a table row, its cells set in columns
            // as a word processor lays out a table.
            var stream = "BT /F1 10 Tf\n"
            var y = 800
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                for (column, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                    stream += "1 0 0 1 \(50 + column * 125) \(y) Tm (\(escape(cell))) Tj\n"
                }
                y -= 14
            }
            stream += "ET\n"
            if padding > 0 { stream += "% " + String(repeating: "x", count: padding) + "\n" }
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream")
        }
        var info = ""
        if let title { info = "<< /Title (\(title)) /Creator (tcreview tests) >>" }
        if !info.isEmpty { objects.append(info) }
        let infoNumber = objects.count
        if let encrypt { objects.append(encrypt) }

        var trailer = ""
        if !info.isEmpty { trailer += " /Info \(infoNumber) 0 R" }
        if encrypt != nil {
            trailer +=
                " /Encrypt \(objects.count) 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
        }
        return assemble(objects, trailerExtra: trailer)
    }

    /// A PDF string literal's escapes.
    static func escape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    /// A PDF cut off half way: starts like one, but poppler cannot read it.
    public static func truncated() -> Data {
        let whole = make(pages: ["This file was cut short."])
        return whole.prefix(whole.count / 3)
    }
}
