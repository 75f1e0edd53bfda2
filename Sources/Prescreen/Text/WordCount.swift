/// Counts words as a word processor does: runs between spaces that hold a letter or a digit
/// ("research-intensive" and "24,000" are one word each).
enum WordCount {
    static func of(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }
}
