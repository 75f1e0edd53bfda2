import Foundation

/// Counts the Red, Amber and Green statuses of a RAG analysis: table cells (or whole lines) that hold
/// only a status, optionally with a short gloss ("Green – complete"), and "RAG status: Amber".
///
/// Single letters (`R`, `A`, `G`) count only after the text first mentions a RAG analysis.
enum RAGCounter {
    struct Result {
        /// Where a RAG analysis is first mentioned after the form starts.
        let mention: Range<Int>?
        let counts: RAGCounts
        /// The first status counted.
        let firstStatus: Int?
    }

    static func count(in document: ScreenText, from formStart: Int) -> Result {
        let text = document.text
        let mention = mentionPattern.firstMatch(in: text, range: formStart..<document.length)?.range
        var counts = RAGCounts(red: 0, amber: 0, green: 0)
        var first: Int?
        var offset = 0
        for line in text.components(separatedBy: "\n") {
            defer { offset += line.utf16Length + 1 }
            guard offset >= formStart else { continue }
            let lettersAllowed = mention.map { offset >= $0.lowerBound } ?? false
            var statuses = line.components(separatedBy: "\t").compactMap { status(ofCell: $0, letters: lettersAllowed) }
            if statuses.isEmpty, let match = inlinePattern.firstMatch(in: line), let word = match.group(1) {
                statuses = [line.text(word).lowercased()]
            }
            for status in statuses {
                switch status.prefix(1) {
                case "r": counts.red += 1
                case "a": counts.amber += 1
                case "g": counts.green += 1
                default: continue
                }
                if first == nil { first = offset }
            }
        }
        return Result(mention: mention, counts: counts, firstStatus: first)
    }

    /// `red`, `amber`, `green` (or their letters) when the cell is a status; nil otherwise.
    private static func status(ofCell cell: String, letters: Bool) -> String? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "•")))
        guard let match = cellPattern.firstMatch(in: trimmed), let word = match.group(1) else { return nil }
        let status = trimmed.text(word).lowercased()
        if status.count == 1, !letters { return nil }
        return status
    }

    private static let glosses =
        #"complete[d]?|in progress|not (?:yet )?started|on[- ]?going|partially(?: complete[d]?| met)?|achieved|on track|delayed|behind(?: schedule)?|not met|met|done|started|at risk|no progress|some progress|good progress"#
    private static let cellPattern = Pattern(
        #"^(red|amber|green|r|a|g)\s*(?:[-–—:/(]\s*(?:"# + glosses + #")\s*\)?|\((?:"# + glosses + #")\))?\s*\.?$"#)
    private static let inlinePattern = Pattern(#"\bRAG(?:\s+(?:status|rating))?\s*[:=\-–]\s*(red|amber|green)\b"#)
    private static let mentionPattern = Pattern(
        #"\bRAG\b|\bred\s*[/,]\s*amber\s*[/,]\s*green\b|\bred,?\s+amber,?\s+(?:and|or|&)\s+green\b"#)
}
