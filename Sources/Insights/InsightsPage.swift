import ArchiveView
import Foundation

/// `Mailbox/insights/index.html`: the insights as a page people would rather look at than read: stacked bars
/// drawn as inline SVG from the same rows as `insights.csv` (each bar segment carries its row), and tables.
enum InsightsPage {
    static let themeColours = ["#2b6cb0", "#805ad5", "#dd6b20", "#2f855a", "#718096", "#b7791f", "#c53030"]
    static let ragColours = ["green": "#2f855a", "amber": "#d69e2e", "red": "#c53030"]

    static func html(_ insights: SectorInsights, table: InsightsTable, generated: Date) -> String {
        var out = "<p class=\"muted\">Written by tcreview insights on \(HTML.escape(generated.formatted(.iso8601))). "
        out += "\(insights.submissions) submissions from \(insights.institutions) institutions"
        if let window = insights.filter.window { out += ", window \(HTML.escape(window))" }
        if let since = insights.filter.sinceYear { out += ", since \(since)" }
        out += ". Aggregated across institutions"
        out += insights.examples.isEmpty ? "; no institution is named." : "; examples name their institution."
        out += " The same figures: \(HTML.link("insights.csv", "insights.csv")), "
        out += "\(HTML.link("insights.pdf", "insights.pdf")).</p>\n"

        var themeColour: [String: String] = [:]
        for (index, theme) in insights.themes.enumerated() {
            themeColour[theme] = themeColours[index % themeColours.count]
        }
        out += "<h2>Planned actions by theme</h2>\n"
        out += chart(
            table.section("actions-by-theme"), groups: insights.windows, keys: insights.themes, colours: themeColour)

        out += "<h2>Kinds of initiative</h2>\n<p>How many institutions plan each kind, and how the RAG analyses "
        out += "rated actions of that kind: what is most often completed (green) and what stalls (red).</p>\n"
        let rated = insights.kinds.filter { $0.outcome.total > 0 }.map(\.kind)
        out += chart(
            table.section("rag-by-kind"), groups: rated, keys: ["green", "amber", "red"], colours: ragColours)
        out += HTML.table(
            ["Kind", "Institutions", "Actions", "Green", "Amber", "Red", "Completed"], sortable: true,
            rows: insights.kinds.map { kind in
                let share = kind.outcome.total > 0 ? "\(kind.outcome.green * 100 / kind.outcome.total)%" : "-"
                return [
                    .text(kind.kind), .number(kind.institutions), .number(kind.actions), .number(kind.outcome.green),
                    .number(kind.outcome.amber), .number(kind.outcome.red), .text(share, css: "n"),
                ]
            })

        let themed = insights.themes.filter { (insights.outcomeByTheme[$0]?.total ?? 0) > 0 }
        if !themed.isEmpty {
            out += "<h2>RAG outcomes by theme</h2>\n<p>From the follow-through: each earlier action a RAG analysis "
            out += "reports on, by its theme in the plan it came from.</p>\n"
            out += chart(
                table.section("rag-by-theme"), groups: themed, keys: ["green", "amber", "red"], colours: ragColours)
        }

        if !insights.criteria.isEmpty {
            out += "<h2>Reviewers' median scores by criterion</h2>\n"
            out += HTML.table(
                ["Criterion"] + insights.windows + ["All"],
                rows: insights.criteria.map { criterion in
                    [.text(criterion)]
                        + (insights.windows + ["all"]).map { window in
                            .text(
                                insights.medians[criterion]?[window].map { String(format: "%g", $0) } ?? "-", css: "n")
                        }
                })
        }

        if !insights.examples.isEmpty {
            out += "<h2>What works: green actions</h2>\n"
            out += HTML.table(
                ["Kind", "Institution", "Action"], sortable: true,
                rows: insights.examples.map { [.text($0.kind), .text($0.institution), .text($0.text)] })
        }

        if !insights.unmatched.isEmpty {
            if insights.unmatchedAreWords {
                out += "<h2>Words of the actions no kind matched (\(insights.unmatched.count))</h2>\n"
                out += "<p>Counted as Other. The words such actions use in two or more institutions' plans, with "
                out += "in how many; the actions themselves are not shown, as their wording can say whose they "
                out += "are. Add a word to the vocabulary file to count its actions under a kind.</p>\n<ul>\n"
            } else {
                out += "<h2>Actions no kind matched (\(insights.unmatched.count))</h2>\n"
                out += "<p>Counted as Other. Add a phrase of theirs to the vocabulary file to count them "
                out += "under a kind.</p>\n<ul>\n"
            }
            for item in insights.unmatched.prefix(100) {
                out += "<li>\(HTML.escape(item.text))\(item.count > 1 ? " (\(item.count))" : "")</li>\n"
            }
            out += "</ul>\n"
        }
        return HTML.page(title: "Technician Commitment: insights across the sector", up: "../", body: out)
    }

    /// Horizontal stacked bars, one per group, a segment per key, drawn from `rows` (a section of the table):
    /// each segment carries its row in `data-` attributes, and a legend says which colour is which key.
    static func chart(_ rows: [InsightsTable.Row], groups: [String], keys: [String], colours: [String: String])
        -> String
    {
        guard !groups.isEmpty else { return "<p>Nothing to show yet.</p>\n" }
        var values: [String: [String: Int]] = [:]
        for row in rows { values[row.group, default: [:]][row.key] = Int(row.value) ?? 0 }
        let largest = max(1, groups.map { group in keys.reduce(0) { $0 + (values[group]?[$1] ?? 0) } }.max() ?? 1)
        let (label, bar, rowHeight) = (200.0, 420.0, 26.0)
        let height = Double(groups.count) * rowHeight + 34
        var svg = "<svg role=\"img\" width=\"\(Int(label + bar + 60))\" height=\"\(Int(height))\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (index, group) in groups.enumerated() {
            let y = Double(index) * rowHeight + 4
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(HTML.escape(String(group.prefix(30))))</text>\n"
            var x = label
            var total = 0
            for key in keys {
                let value = values[group]?[key] ?? 0
                total += value
                let width = bar * Double(value) / Double(largest)
                guard let section = rows.first?.section else { continue }
                svg += "<rect x=\"\(String(format: "%.1f", x))\" y=\"\(y)\" width=\"\(String(format: "%.1f", width))\" "
                svg += "height=\"18\" fill=\"\(colours[key] ?? "#999")\" data-section=\"\(HTML.escape(section))\" "
                svg += "data-group=\"\(HTML.escape(group))\" data-key=\"\(HTML.escape(key))\" data-value=\"\(value)\">"
                svg += "<title>\(HTML.escape("\(group), \(key): \(value)"))</title></rect>\n"
                x += width
            }
            svg += "<text x=\"\(String(format: "%.1f", x + 6))\" y=\"\(y + 15)\">\(total)</text>\n"
        }
        var legendX = label
        let legendY = Double(groups.count) * rowHeight + 14
        for key in keys {
            svg +=
                "<rect x=\"\(legendX)\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(colours[key] ?? "#999")\"/>"
            svg += "<text x=\"\(legendX + 16)\" y=\"\(legendY + 11)\">\(HTML.escape(key))</text>\n"
            legendX += 24 + Double(key.count) * 7
        }
        return svg + "</svg>\n"
    }
}
