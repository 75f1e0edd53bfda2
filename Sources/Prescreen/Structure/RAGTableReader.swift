/// Counts a RAG analysis from its table: each action of the previous plan with its status — a colour
/// word, a letter, a status word mapped to a colour (shown in the report), or the cell's shading.
struct RAGTableReader {
    struct Reading {
        var counts: RAGCounts
        var page: Int
        /// The status words read and the colour each was counted as, e.g. `Complete → green`.
        var mapping: [String]
        /// Rows whose status could not be read.
        var unread: Int
        /// Each row: its action and description, and its colour.
        var rows: [RAGRow]
    }

    let tables: [ReadTable]

    func read() -> Reading? {
        var counts = RAGCounts(red: 0, amber: 0, green: 0)
        var mapping: [String] = []
        var page: Int?
        var unread = 0
        var rows: [RAGRow] = []
        for table in tables {
            guard let (headerIndex, columns) = table.header(), Self.isReview(table, columns: columns) else { continue }
            page = page ?? table.page
            let statusColumns = columns.indices.filter { columns[$0] == .status }
            // The action's own words: its action and description columns, else every column but the status.
            var textColumns = columns.indices.filter { [.activity, .description].contains(columns[$0]) }
            if textColumns.isEmpty { textColumns = columns.indices.filter { columns[$0] != .status } }
            let header = table.rows[headerIndex].cells
            for row in table.rows[(headerIndex + 1)...] where row.cells != header && row.filled.count >= 2 {
                var colour: RAGStatus.Colour?
                for column in statusColumns {
                    if let (found, word) = RAGStatus.read(row.cells[column]) {
                        colour = found
                        if let word, !mapping.contains(where: { $0.hasPrefix(word + " →") }) {
                            mapping.append("\(word) → \(found.rawValue)")
                        }
                        break
                    }
                    if let shade = row.shades[column].flatMap(RAGStatus.Colour.init(rawValue:)) {
                        colour = shade
                        break
                    }
                }
                let action = textColumns.compactMap { $0 < row.cells.count ? row.cells[$0] : nil }
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                    .joined(separator: " — ")
                rows.append(RAGRow(action: action, status: colour?.rawValue ?? "unread", page: row.page))
                switch colour {
                case .red?: counts.red += 1
                case .amber?: counts.amber += 1
                case .green?: counts.green += 1
                case nil: unread += 1
                }
            }
        }
        guard let page else { return nil }
        return Reading(counts: counts, page: page, mapping: mapping, unread: unread, rows: rows)
    }

    /// A review of the previous plan: a status or RAG column, and a caption or header that says so.
    static func isReview(_ table: ReadTable, columns: [PlanColumn]) -> Bool {
        guard columns.contains(.status) else { return false }
        return reviewWords.contains(table.about)
    }

    private static let reviewWords = Pattern(
        #"\brag\b|red\s*/\s*amber|previous|progress (?:against|on|since|of)|review of|last plan|earlier plan|20\d\d\s*[–-]\s*(?:20)?\d\d action plan"#
    )
}

/// A RAG status as people write it.
enum RAGStatus {
    enum Colour: String {
        case red, amber, green
    }

    /// The colour of a status cell and, for a status word (not a colour), the word as written.
    static func read(_ cell: String) -> (Colour, String?)? {
        let key = ScreenText.keys(cell).joined(separator: " ")
        guard !key.isEmpty else { return nil }
        for (colour, names) in colours {
            if names.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) { return (colour, nil) }
        }
        for (colour, words) in statusWords where words.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) {
            return (colour, cell.trimmingCharacters(in: .whitespaces).capitalisedFirst)
        }
        return nil
    }

    private static let colours: [(Colour, [String])] = [
        (.red, ["red", "r"]), (.amber, ["amber", "a", "yellow", "orange"]), (.green, ["green", "g"]),
    ]

    /// Status words, the colour each is counted as (README: "RAG status words").
    static let statusWords: [(Colour, [String])] = [
        (.green, ["complete", "completed", "achieved", "done", "met", "delivered", "fully met", "in place"]),
        (
            .amber,
            [
                "in progress", "on track", "partially met", "partially complete", "partially completed",
                "partially achieved",
                "ongoing", "on going", "started", "underway", "under way", "some progress", "good progress",
            ]
        ),
        (
            .red,
            [
                "not started", "not yet started", "delayed", "paused", "withdrawn", "not met", "not achieved", "behind",
                "behind schedule", "at risk", "no progress", "stopped", "cancelled", "on hold",
            ]
        ),
    ]
}
