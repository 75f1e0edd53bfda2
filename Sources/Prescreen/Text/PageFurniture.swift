import Foundation

/// Removes what is printed on every page rather than written once: running headers and footers, and
/// page numbers.
///
/// A line is furniture when it sits among the first or last three lines of a page and the same line
/// (its page number aside) does so on at least two pages and on most of them. Lines a check relies on (`Date:`,
/// `Signed`, `Organisation:`, appendix headings) and one-word lines are never taken for furniture.
enum PageFurniture {
    static let edgeLines = 3

    static func remove(from pages: [String]) -> [String] {
        let lines = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var seenOnPages: [String: Set<Int>] = [:]
        for (page, pageLines) in lines.enumerated() {
            for index in edgeIndices(pageLines) {
                guard let key = furnitureKey(pageLines[index]) else { continue }
                seenOnPages[key, default: []].insert(page)
            }
        }
        let needed = max(2, Int((Double(pages.count) * 0.6).rounded(.up)))
        let repeated = Set(seenOnPages.filter { pages.count >= 2 && $0.value.count >= needed }.keys)

        return lines.map { pageLines in
            let edges = edgeIndices(pageLines)
            var kept: [String] = []
            for (index, line) in pageLines.enumerated() {
                if edges.contains(index) {
                    if let key = furnitureKey(line), repeated.contains(key) { continue }
                    if pageNumber.contains(line) { continue }
                }
                kept.append(line)
            }
            return kept.joined(separator: "\n")
        }
    }

    /// The indices of the first and last few non-blank lines.
    private static func edgeIndices(_ lines: [String]) -> Set<Int> {
        let filled = lines.indices.filter { lines[$0].contains { !$0.isWhitespace } }
        return Set(filled.prefix(edgeLines) + filled.suffix(edgeLines))
    }

    /// The line as compared across pages (case, spacing and page numbers ignored), or nil when it must be kept.
    private static func furnitureKey(_ line: String) -> String? {
        let words = line.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        let letterWords = words.filter { $0.contains(where: \.isLetter) }
        guard letterWords.count >= 2, let first = letterWords.first else { return nil }
        if protectedStarts.contains(String(first)) { return nil }
        // "Page 3 of 12" and a page number at either end differ from page to page.
        var key = words.map(String.init)
        if let last = key.last, last.allSatisfy(\.isNumber) { key[key.count - 1] = "#" }
        if let first = key.first, first.allSatisfy(\.isNumber) { key[0] = "#" }
        let joined = key.joined(separator: " ")
        return key.contains("page") ? pageOfPages.replacing(in: joined, with: "page #") : joined
    }

    private static let protectedStarts: Set<String> = [
        "date", "dated", "signed", "signature", "organisation", "organization", "appendix", "name", "visibility",
        "recognition", "career", "sustainability",
    ]

    private static let pageOfPages = Pattern(#"\bpage \d+(?: (?:of|/) \d+)?"#)
    private static let pageNumber = Pattern(#"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$"#)
}
