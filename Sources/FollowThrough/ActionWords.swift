import Foundation

/// The words that say what an action is, for matching one plan's actions to another's: lower case, letters
/// and digits only, without the words every action uses ("technicians", "develop", "ensure"), and with
/// plurals and common endings folded, so "job descriptions reviewed" and "review of job description"
/// share `job`, `description`, `review`.
struct ActionWords: Equatable {
    let words: Set<String>

    init(_ text: String) {
        var found: Set<String> = []
        for raw in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = Self.stem(String(raw))
            if word.count >= 3, !Self.common.contains(word), !word.allSatisfy(\.isNumber) { found.insert(word) }
        }
        words = found
    }

    /// Folds the endings that do not change what an action is about.
    static func stem(_ word: String) -> String {
        var word = word
        for (ending, replacement) in [
            ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
        ] where word.count > ending.count + 3 && word.hasSuffix(ending) {
            word = String(word.dropLast(ending.count)) + replacement
            break
        }
        return word
    }

    /// Words too common in action plans to tell two actions apart (stemmed as above).
    static let common: Set<String> = [
        "the", "and", "for", "with", "our", "all", "are", "will", "this", "that", "from", "into", "their", "within",
        "across", "through", "each", "who", "which", "where", "when", "have", "has", "been", "more", "new",
        "technician", "technical", "staff", "university", "institution", "develop", "ensure", "continue", "support",
        "improve", "increase", "work", "plan", "action", "year", "annual", "ongo", "commitment", "provide", "also",
        "other", "including", "includ", "such", "per", "via", "use", "make", "take", "part", "key",
    ]
}
