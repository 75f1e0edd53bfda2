import Foundation

/// The words of a file name or subject, normalised for matching: camelCase and letter/digit runs split,
/// accents folded, lowercased, punctuation dropped.
struct TitleWords: Equatable {
    let words: [String]

    init(_ text: String) {
        var spaced = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous {
                let lowerToUpper = previous.properties.isLowercase && scalar.properties.isUppercase
                let letterDigit =
                    (previous.properties.isAlphabetic && ("0"..."9").contains(scalar))
                    || (("0"..."9").contains(previous) && scalar.properties.isAlphabetic)
                if lowerToUpper || letterDigit { spaced.append(" ") }
            }
            spaced.append(scalar)
            previous = scalar
        }
        let folded = String(spaced).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        words = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The words that carry meaning for names: without "of", "the", "and" and the like.
    var significant: Set<String> { Set(words.filter { !Self.stopWords.contains($0) }) }

    static let stopWords: Set<String> = ["of", "the", "and", "for", "at", "in", "a", "an"]

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        // Welsh month names, for Welsh-language titles.
        "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5, "mehefin": 6, "gorffennaf": 7, "awst": 8,
        "medi": 9, "hydref": 10, "tachwedd": 11, "rhagfyr": 12,
    ]

    /// The year (2000–2099) and month the title names, each nil when absent.
    var period: (year: Int?, month: Int?) {
        let yearIndex = words.lastIndex { $0.count == 4 && Int($0).map { (2000...2099).contains($0) } == true }
        let year = yearIndex.flatMap { Int(words[$0]) }
        if let month = words.lazy.compactMap({ Self.months[$0] }).first { return (year, month) }
        // A number next to the year: `07_2024`, `2024-07`.
        if let yearIndex {
            for neighbour in [yearIndex - 1, yearIndex + 1] where words.indices.contains(neighbour) {
                let word = words[neighbour]
                if word.count <= 2, let month = Int(word), (1...12).contains(month) { return (year, month) }
            }
        }
        return (year, nil)
    }
}
