import Foundation

/// The words of an organisation's name, for comparing names however they are written: case, accents,
/// punctuation, word order, "&" and "and", "Univ." and "University" do not matter.
struct NameWords: Equatable {
    let all: [String]

    init(_ name: String) {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        all = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map {
            Self.synonyms[String($0)] ?? String($0)
        }
    }

    /// The words that carry meaning: without "of", "the", "and" and the like.
    var significant: Set<String> { Set(all.filter { !Self.stopWords.contains($0) }) }

    /// The name's initials, e.g. `ljmu` for Liverpool John Moores University.
    var initials: Set<String> {
        [String(all.compactMap(\.first)), String(all.filter { !Self.stopWords.contains($0) }.compactMap(\.first))]
    }

    /// Whether the name written on a form (`self`) names the institution called `filed` (a name, an
    /// alias or a short code): the same significant words in any order, or a one-word form name that is
    /// the filed name's initials (`LJMU`).
    func names(_ filed: NameWords) -> Bool {
        let written = significant
        guard !written.isEmpty else { return false }
        if written == filed.significant { return true }
        if all.count == 1, filed.all.count > 1, filed.initials.contains(all[0]) { return true }
        return false
    }

    static let stopWords: Set<String> = ["of", "the", "and", "for", "at", "in", "a", "an"]
    private static let synonyms: [String: String] = [
        "univ": "university", "uni": "university", "saint": "st", "center": "centre",
    ]
}
