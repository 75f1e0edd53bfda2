import Layout

/// Reads the action plan from the document's tables: every table whose header names plan columns
/// (in any order: theme, action, description, time scale, owner, status), the theme taken from its
/// column, from a merged cell, from a theme row inside the table, or from the sub-heading above it.
struct PlanTableReader {
    struct Reading {
        var rows: [ActionPlanRow]
        /// Every row had a theme, from a column, a theme row or a heading — nothing was guessed.
        var certain: Bool
        /// The page of the first plan table.
        var page: Int
        /// How the columns were read, e.g. `Theme | Action | Description / Success measure | Time scale`.
        var columns: String
        /// Where the plan was read, for the report: `the table on page 5`.
        var source: String
    }

    let tables: [ReadTable]

    func read() -> Reading? {
        var rows: [ActionPlanRow] = []
        var certain = true
        var page: Int?
        var columnsRead = ""
        var lastTheme: Theme?
        for table in tables {
            guard let (headerIndex, columns) = table.header(), Self.isPlan(columns),
                !RAGTableReader.isReview(table, columns: columns)
            else { continue }
            page = page ?? table.page
            if columnsRead.isEmpty {
                columnsRead = zip(table.rows[headerIndex].cells, columns).map { "\($0) (\($1.name))" }
                    .joined(separator: " | ")
            }
            var theme: Theme? = table.caption.reversed().lazy.compactMap(Theme.subheading).first ?? lastTheme
            let header = table.rows[headerIndex].cells
            for row in table.rows[(headerIndex + 1)...] where row.cells != header {
                if let named = Self.themeRow(row) {
                    theme = named
                    continue
                }
                if let index = columns.firstIndex(of: .theme), !row.cells[index].isEmpty {
                    // The theme's name, alone or on the first line above its explanation.
                    let firstLine = row.lines[index].split(separator: "\n").first.map(String.init) ?? ""
                    if let named = Theme.mentioned(in: row.cells[index]) ?? Theme.mentioned(in: firstLine) {
                        theme = named
                    } else {
                        certain = false
                    }
                }
                var read = Self.row(row, columns: columns, theme: theme)
                if read.isEmpty { continue }
                if theme == nil { certain = false }
                for index in read.indices { read[index].page = row.page }
                rows += read
            }
            lastTheme = theme
        }
        guard let page, !rows.isEmpty else { return nil }
        return Reading(
            rows: rows, certain: certain, page: page, columns: columnsRead, source: "the table on page \(page)")
    }

    /// A header that names an action (or its description) and a theme or a time scale.
    static func isPlan(_ columns: [PlanColumn]) -> Bool {
        (columns.contains(.activity) || columns.contains(.description))
            && (columns.contains(.theme) || columns.contains(.timescale))
    }

    /// A row that only names a theme: a heading row across the table, or a theme cell with the rest empty.
    private static func themeRow(_ row: ReadTable.Row) -> Theme? {
        let filled = Set(row.filled)
        guard filled.count == 1, let only = filled.first else { return nil }
        return Theme.mentioned(in: only)
    }

    private static func row(_ row: ReadTable.Row, columns: [PlanColumn], theme: Theme?) -> [ActionPlanRow] {
        func text(_ role: PlanColumn) -> [String] {
            zip(row.lines, columns).filter { $0.1 == role && !$0.0.isEmpty }.map { Bullets.plain($0.0) }
        }
        var activityLines = zip(row.lines, columns).first { $0.1 == .activity }?.0 ?? ""
        var activities = text(.activity)
        var descriptions = text(.description)
        if activities.isEmpty, let first = descriptions.first {
            // No action column: the first description-like column names the action.
            activities = [first]
            activityLines = first
            descriptions.removeFirst()
        }
        let timescale = text(.timescale).first ?? ""
        let description = descriptions.joined(separator: " ")
        guard !(activities.isEmpty && description.isEmpty) else { return [] }
        let themeName = theme?.rawValue ?? ""
        // A cell that lists several actions as bullets is several actions.
        let items = Bullets.items(activityLines)
        if items.count >= 2 {
            return items.map {
                ActionPlanRow(
                    theme: themeName, activity: $0, description: description, timescale: timescale, page: row.page)
            }
        }
        return [
            ActionPlanRow(
                theme: themeName, activity: activities.joined(separator: " "), description: description,
                timescale: timescale, page: row.page)
        ]
    }
}

/// Bulleted lines of a cell, each item with its wrapped lines joined.
enum Bullets {
    /// A cell's text on one line, its bullets dropped: `• Tours. • Open days.` reads `Tours. Open days.`
    static func plain(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { line -> String in
            var trimmed = Substring(line.trimmingCharacters(in: .whitespaces))
            if let first = trimmed.unicodeScalars.first, TextNormaliser.bullets.contains(first.value) {
                trimmed = trimmed.dropFirst().drop(while: \.isWhitespace)
            }
            return String(trimmed)
        }
        return TextJoin.lines(lines)
    }

    static func items(_ text: String) -> [String] {
        var items: [String] = []
        var bulleted = 0
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if let first = line.unicodeScalars.first, TextNormaliser.bullets.contains(first.value) || first == "-" {
                bulleted += 1
                items.append(String(line.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if items.isEmpty {
                items.append(line)
            } else {
                items[items.count - 1] += " " + line
            }
        }
        return bulleted >= 2 ? items : []
    }
}
