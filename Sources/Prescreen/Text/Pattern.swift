import Foundation

/// A compiled regular expression over UTF-16 offsets, the unit every position in this module uses.
///
/// `NSRegularExpression` is immutable and safe to share between threads once compiled.
struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    /// - Parameter caseSensitive: patterns ignore case unless told otherwise; `^` and `$` match at lines.
    init(_ pattern: String, caseSensitive: Bool = false) {
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        if !caseSensitive { options.insert(.caseInsensitive) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    /// One match: its whole range and its capture groups' ranges (nil when a group did not take part).
    struct Match {
        let range: Range<Int>
        let groups: [Range<Int>?]

        func group(_ number: Int) -> Range<Int>? { groups.indices.contains(number - 1) ? groups[number - 1] : nil }
    }

    /// Every match in `text`, or in a UTF-16 range of it.
    func matches(in text: String, range: Range<Int>? = nil) -> [Match] {
        regex.matches(in: text, options: [], range: Self.nsRange(range, in: text)).map(Self.match)
    }

    func firstMatch(in text: String, range: Range<Int>? = nil) -> Match? {
        regex.firstMatch(in: text, options: [], range: Self.nsRange(range, in: text)).map(Self.match)
    }

    func contains(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// `text` with every match replaced by `template` (`$1` names a group).
    func replacing(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(
            in: text, options: [], range: NSRange(location: 0, length: text.utf16.count), withTemplate: template)
    }

    private static func nsRange(_ range: Range<Int>?, in text: String) -> NSRange {
        let searched = range ?? 0..<text.utf16.count
        return NSRange(location: searched.lowerBound, length: searched.count)
    }

    private static func match(_ result: NSTextCheckingResult) -> Match {
        let groups = (1..<max(result.numberOfRanges, 1)).map { index -> Range<Int>? in
            let range = result.range(at: index)
            return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
        }
        return Match(range: result.range.location..<(result.range.location + result.range.length), groups: groups)
    }
}

extension String {
    /// The text of a UTF-16 range of this string.
    func text(_ range: Range<Int>) -> String {
        let utf16 = self.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
        let end = utf16.index(start, offsetBy: range.count)
        return String(self[start..<end])
    }

    /// The length in UTF-16 code units, the unit of every offset in this module.
    var utf16Length: Int { utf16.count }
}
