import Foundation

/// Reads the actions of an action plan from flattened text, whatever the table became on the way:
///
/// - rows with tab-separated cells (`Visibility\tTechnician network\tLaunch…\tJuly 2025`), with or
///   without a header row, a theme cell only on a group's first row, and wrapped cell text below;
/// - theme headings followed by bullet lists (`<p>Visibility</p> … • action • action`, the 2019 form);
/// - one cell per line, each action closed by its time scale on a line of its own;
/// - rows run together on one line after the theme's name (`Visibility Technician network … July 2025`).
struct ActionPlanParser {
    let document: ScreenText

    struct Line {
        let text: String
        let offset: Int
    }

    struct Piece {
        let text: String
        let offset: Int
        /// Opens a new item: it followed a bullet or starts with an item number.
        let opensItem: Bool
    }

    func rows(in range: Range<Int>) -> [ActionPlanRow] {
        var rows: [ActionPlanRow] = []
        var theme: Theme?
        var columns: [PlanColumn]?
        var pending: [Line] = []
        var continuing = false

        func flush() {
            defer { pending = [] }
            guard let theme else { return }
            rows += items(pending).compactMap { row(from: $0, theme: theme) }
        }

        for line in lines(in: range) {
            let trimmed = line.text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\t")))
            if trimmed.isEmpty {
                continuing = false
                continue
            }
            let cells = line.text.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.filter({ !$0.isEmpty }).count >= 2 {
                if let header = PlanColumn.header(cells) {
                    columns = header
                    continue
                }
                flush()
                let parsed = tableRows(cells, columns: columns, theme: &theme, offset: line.offset)
                rows += parsed
                continuing = !parsed.isEmpty
                continue
            }
            if let heading = Theme.heading(trimmed) {
                flush()
                theme = heading.theme
                continuing = false
                if !heading.rest.isEmpty { pending.append(Line(text: heading.rest, offset: line.offset)) }
                continue
            }
            if continuing, var last = rows.popLast() {
                if last.timescale.isEmpty, TimeScale.cell(trimmed) != nil {
                    last.timescale = trimmed
                } else {
                    last.description = [last.description, trimmed].filter { !$0.isEmpty }.joined(separator: " ")
                }
                rows.append(last)
                continue
            }
            pending.append(Line(text: trimmed, offset: line.offset))
        }
        flush()
        return rows
    }

    // MARK: Tables with cells

    private func tableRows(_ cells: [String], columns: [PlanColumn]?, theme: inout Theme?, offset: Int)
        -> [ActionPlanRow]
    {
        var rowTheme: Theme?
        var activity = ""
        var descriptions: [String] = []
        var timescale = ""
        if let columns, columns.count == cells.count {
            for (cell, column) in zip(cells, columns) where !cell.isEmpty {
                switch column {
                case .theme: rowTheme = Theme.cell(cell) ?? Theme.heading(cell)?.theme
                case .activity: activity = activity.isEmpty ? cell : activity + " " + cell
                case .description: descriptions.append(cell)
                case .timescale: timescale = cell
                case .other, .status: break
                }
            }
        } else {
            var rest = cells.filter { !$0.isEmpty }
            // A theme cell: the first one may carry the theme's explanation after its name.
            if let first = rest.first, let theme = Theme.cell(first) ?? Theme.heading(first)?.theme {
                rowTheme = theme
                rest.removeFirst()
            } else if rest.count > 2, let index = rest.firstIndex(where: { Theme.cell($0) != nil }) {
                rowTheme = Theme.cell(rest[index])
                rest.remove(at: index)
            }
            if let index = rest.lastIndex(where: { TimeScale.cell($0) != nil }), rest.count > 1 || rowTheme != nil {
                timescale = rest[index]
                rest.remove(at: index)
            }
            activity = rest.first ?? ""
            descriptions = Array(rest.dropFirst())
        }
        if let rowTheme { theme = rowTheme }
        guard let theme, !(activity.isEmpty && descriptions.isEmpty) else { return [] }
        let page = document.page(at: offset)
        let description = descriptions.joined(separator: " ")
        let bullets = activity.components(separatedBy: "•").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if activity.contains("•"), bullets.count >= 2 {
            return bullets.compactMap {
                row(from: [Piece(text: $0, offset: offset, opensItem: true)], theme: theme, timescale: timescale)
            }
        }
        return [
            ActionPlanRow(
                theme: theme.rawValue, activity: clean(activity), description: clean(description),
                timescale: timescale, page: page)
        ]
    }

    private func lines(in range: Range<Int>) -> [Line] {
        var lines: [Line] = []
        var offset = range.lowerBound
        for line in document.text(range).components(separatedBy: "\n") {
            lines.append(Line(text: line, offset: offset))
            offset += line.utf16Length + 1
        }
        return lines
    }
}
