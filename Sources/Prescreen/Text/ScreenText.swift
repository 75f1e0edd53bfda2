import Foundation
import Layout

/// A submission's text, normalised once, with its pages and its words.
///
/// Positions are UTF-16 offsets into `text`. Words are runs of letters and digits, lowercased and
/// without accents, so phrases match whatever the case, spacing, punctuation or line breaks.
struct ScreenText {
    struct Word {
        let key: String
        let range: Range<Int>
    }

    let text: String
    /// The offset where each page starts, in order.
    let pageStarts: [Int]
    let words: [Word]
    /// For each word key, the indices of its occurrences.
    private let occurrences: [String: [Int]]

    init(_ document: DocumentText) {
        var pages = PageFurniture.remove(from: document.pages.map(TextNormaliser.normalise))
        // A word hyphenated across a page break is joined, and that page boundary gets no line break.
        var gluedToNext = Array(repeating: false, count: pages.count)
        for index in pages.indices.dropLast() {
            var end = Substring(pages[index])
            while end.last?.isWhitespace == true { end.removeLast() }
            let next = pages[index + 1].drop(while: \.isWhitespace)
            if end.hasSuffix("-"), end.dropLast().last?.isLetter == true, next.first?.isLowercase == true {
                pages[index] = String(end.dropLast())
                pages[index + 1] = String(next)
                gluedToNext[index] = true
            }
        }
        var text = ""
        var starts: [Int] = []
        var length = 0
        for (index, page) in pages.enumerated() {
            if index > 0, !gluedToNext[index - 1] {
                text += "\n"
                length += 1
            }
            starts.append(length)
            text += page
            length += page.utf16.count
        }
        self.text = text
        pageStarts = starts
        words = Self.tokenise(text)
        var occurrences: [String: [Int]] = [:]
        for (index, word) in words.enumerated() { occurrences[word.key, default: []].append(index) }
        self.occurrences = occurrences
    }

    /// The number of characters that are not white space, to tell a scan from a text PDF.
    var visibleCharacterCount: Int { PlainText.visibleCharacters(text) }

    var length: Int { text.utf16.count }

    /// The 1-based page an offset falls on.
    func page(at offset: Int) -> Int {
        var low = 0
        var high = pageStarts.count - 1
        guard high >= 0 else { return 1 }
        while low < high {
            let mid = (low + high + 1) / 2
            if pageStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    func text(_ range: Range<Int>) -> String {
        let clamped = max(0, min(range.lowerBound, length))..<max(0, min(range.upperBound, length))
        return text.text(clamped)
    }

    // MARK: Words

    /// The keys of a phrase's words, as `words` spells them.
    static func keys(_ phrase: String) -> [String] { tokenise(phrase).map(\.key) }

    /// The index of the first word at or after `offset`.
    func wordIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The word index where a phrase first occurs within a range of offsets, or nil.
    func find(_ phrase: [String], in range: Range<Int>) -> Int? {
        guard let first = phrase.first, let candidates = occurrences[first] else { return nil }
        let from = wordIndex(atOrAfter: range.lowerBound)
        let start = candidates.partitionIndex(from: from)
        for index in candidates[start...] {
            guard index + phrase.count <= words.count else { break }
            if words[index + phrase.count - 1].range.upperBound > range.upperBound { break }
            if (1..<phrase.count).allSatisfy({ words[index + $0].key == phrase[$0] }) { return index }
        }
        return nil
    }

    /// Words of a range of offsets.
    func words(in range: Range<Int>) -> ArraySlice<Word> {
        let from = wordIndex(atOrAfter: range.lowerBound)
        var to = from
        while to < words.count, words[to].range.upperBound <= range.upperBound { to += 1 }
        return words[from..<to]
    }

    private static func tokenise(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        var needsFolding = false
        func flush() {
            guard !current.isEmpty else { return }
            var key = String(current).lowercased()
            if needsFolding { key = key.folding(options: .diacriticInsensitive, locale: nil) }
            words.append(Word(key: key, range: start..<offset))
            current = String.UnicodeScalarView()
            needsFolding = false
        }
        for scalar in text.unicodeScalars {
            let isWordCharacter =
                scalar.isASCII
                ? (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                    || (scalar.value >= 0x30 && scalar.value <= 0x39)
                : scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            if isWordCharacter {
                if current.isEmpty { start = offset }
                current.append(scalar)
                if !scalar.isASCII { needsFolding = true }
            } else {
                flush()
            }
            offset += scalar.utf16.count
        }
        flush()
        return words
    }
}

extension Array where Element == Int {
    /// The index of the first element not less than `value` (the array is sorted).
    fileprivate func partitionIndex(from value: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
