import Foundation

/// Turns one page of extracted text into plain, predictable text; every check reads only its output.
///
/// Line ends become `\n`; form feeds and odd spaces become plain ones; zero-width characters and soft
/// hyphens go; ligatures are spelt out; curly quotes become straight; Word's many bullet glyphs become
/// `•`; HTML-ish table markup becomes lines (`<p>`, `<li>`) and cells (`<td>`, tabs); words hyphenated
/// at a line end are joined; runs of spaces collapse. Tabs are kept: they separate table cells.
enum TextNormaliser {
    static func normalise(_ page: String) -> String {
        var text = mapScalars(page.precomposedStringWithCanonicalMapping)
        // Each rewrite runs only when the text holds what it looks for: most pages need few of them.
        let bytes = Array(text.utf8)
        func has(_ needle: String) -> Bool { bytes.contains(bytes: Array(needle.utf8)) }
        if has("<") {
            text = htmlBlock.replacing(in: text, with: "\n")
            text = htmlItem.replacing(in: text, with: "\n• ")
            text = htmlCell.replacing(in: text, with: "\t")
            text = htmlInline.replacing(in: text, with: "")
        }
        if has("&"), has(";") { text = decodeEntities(text, bytes: bytes) }
        if has("http") || has("www.") { text = brokenURL.replacing(in: text, with: "$1") }
        if has("-\n") || has("- \n") || has("-\t\n") { text = hyphenatedWord.replacing(in: text, with: "$1$2") }
        if has("-") || has("–") || has("—") || has("*") { text = dashBullet.replacing(in: text, with: "• ") }
        if has("  ") { text = spaces.replacing(in: text, with: " ") }
        if has(" \t") || has("\t ") { text = spaceAroundTab.replacing(in: text, with: "\t") }
        if has(" \n") || text.hasSuffix(" ") { text = trailingSpace.replacing(in: text, with: "") }
        if has("\n ") || text.hasPrefix(" ") { text = leadingSpace.replacing(in: text, with: "") }
        if has("\n\n") { text = blankLines.replacing(in: text, with: "\n\n") }
        return text
    }

    // MARK: Characters

    private static func mapScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            // Printable ASCII, most of any text, stays as it is.
            if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "`" {
                out.append(scalar)
                previousWasCR = false
                continue
            }
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR: continue  // the \n of \r\n
            case 0x0D, 0x0B, 0x0C, 0x2028, 0x2029, 0x85: out.append("\n")
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: continue
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x0060, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: out.append("\"")
            case 0x2010, 0x2011: out.append("-")
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            default:
                if let spelt = ligatures[scalar.value] {
                    out.append(contentsOf: spelt.unicodeScalars)
                } else if bullets.contains(scalar.value) {
                    out.append("•")
                } else if scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                    out.append(" ")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "ft", 0xFB06: "st",
    ]

    /// Bullet glyphs from Word, Symbol and Wingdings (the private-use ones are how Symbol bullets extract).
    static let bullets: Set<UInt32> = [
        0x2022, 0x00B7, 0x2023, 0x2043, 0x2219, 0x25AA, 0x25AB, 0x25CF, 0x25E6, 0x25A0, 0x25A1, 0x25BA, 0x25B8,
        0x25CB, 0x27A2, 0x27A4, 0x2756, 0x2713, 0x2714, 0x2666, 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0xF0A8,
        0xF06E, 0xF0D2, 0xF0E0,
    ]

    // MARK: Markup

    private static let htmlBlock = Pattern(
        #"</?(?:p|div|br|ul|ol|tr|table|tbody|thead|tfoot|h[1-6]|blockquote|section)\b[^<>]{0,300}/?>|</li\s*>"#)
    private static let htmlItem = Pattern(#"<li\b[^<>]{0,300}>"#)
    private static let htmlCell = Pattern(#"</?(?:td|th)\b[^<>]{0,300}>"#)
    private static let htmlInline = Pattern(
        #"</?(?:span|b|i|u|em|strong|font|a|sup|sub|small|col|colgroup)\b[^<>]{0,300}/?>"#)

    private static func decodeEntities(_ text: String, bytes: [UInt8]) -> String {
        var result = text
        for (entity, character) in [
            ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
            ("&apos;", "'"), ("&#8217;", "'"), ("&#8216;", "'"), ("&#8220;", "\""), ("&#8221;", "\""),
            ("&ndash;", "–"), ("&mdash;", "—"), ("&bull;", "•"), ("&#8226;", "•"),
        ] {
            if bytes.contains(bytes: Array(entity.utf8)) {
                result = result.replacingOccurrences(of: entity, with: character)
            }
        }
        return result
    }

    // MARK: Lines and spaces

    /// A web address broken after `-`, `_` or `/` at a line end continues on the next line.
    private static let brokenURL = Pattern(#"((?:https?://|www\.)[^\s]*[-_/])[ \t]*\n[ \t]*(?=[a-z0-9])"#)
    /// `develop-\nment`: a plain word (no `/`, `.` or `@` before it, so not an address) hyphenated at a line end.
    private static let hyphenatedWord = Pattern(
        #"(?<![\p{L}\p{N}/.:@_-])(\p{L}+)-[ \t]*\n[ \t]*(\p{Ll})"#, caseSensitive: true)
    /// A dash or asterisk opening a line is a list bullet.
    private static let dashBullet = Pattern(#"^[ \t]*[-–—*][ \t]+(?=\S)"#)
    private static let spaces = Pattern(#" {2,}"#)
    private static let spaceAroundTab = Pattern(#" ?\t ?"#)
    private static let trailingSpace = Pattern(#" +$"#)
    private static let leadingSpace = Pattern(#"^ +"#)
    private static let blankLines = Pattern(#"\n[ \t]*\n(?:[ \t]*\n)+"#)
}

extension Array where Element == UInt8 {
    /// Whether the bytes hold `needle` somewhere: a plain scan, far quicker than a generic search.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return needle.isEmpty }
        var index = 0
        let last = count - needle.count
        while index <= last {
            if self[index] == first {
                var offset = 1
                while offset < needle.count, self[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
