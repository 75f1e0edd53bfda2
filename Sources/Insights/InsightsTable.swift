import ArchiveView
import Foundation

/// The insights as rows `section,group,key,value`: what `insights.csv` holds and what every chart draws,
/// so the charts and the CSV cannot disagree.
public struct InsightsTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var section: String
        public var group: String
        public var key: String
        public var value: String
    }

    public var rows: [Row] = []

    public init(_ insights: SectorInsights) {
        func add(_ section: String, _ group: String, _ key: String, _ value: String) {
            rows.append(Row(section: section, group: group, key: key, value: value))
        }
        for window in insights.windows {
            for theme in insights.themes {
                add("actions-by-theme", window, theme, "\(insights.actionsByTheme[window]?[theme] ?? 0)")
            }
        }
        for kind in insights.kinds {
            add("kind", kind.kind, "institutions", "\(kind.institutions)")
            add("kind", kind.kind, "actions", "\(kind.actions)")
        }
        for kind in insights.kinds where kind.outcome.total > 0 {
            for (colour, count) in Self.colours(kind.outcome) { add("rag-by-kind", kind.kind, colour, "\(count)") }
        }
        for theme in insights.themes {
            guard let outcome = insights.outcomeByTheme[theme], outcome.total > 0 else { continue }
            for (colour, count) in Self.colours(outcome) { add("rag-by-theme", theme, colour, "\(count)") }
        }
        for criterion in insights.criteria {
            for window in insights.windows + ["all"] {
                guard let median = insights.medians[criterion]?[window] else { continue }
                add("median", criterion, window, String(format: "%g", median))
            }
        }
        for item in insights.unmatched { add("unmatched", "", item.text, "\(item.count)") }
        for example in insights.examples { add("example", example.kind, example.institution, example.text) }
    }

    static func colours(_ outcome: SectorInsights.Outcome) -> [(String, Int)] {
        [("green", outcome.green), ("amber", outcome.amber), ("red", outcome.red)]
    }

    /// The rows of one section.
    public func section(_ name: String) -> [Row] { rows.filter { $0.section == name } }

    /// RFC 4180, lines ending CRLF, with a header.
    public var csv: String {
        var out = "section,group,key,value\r\n"
        for row in rows {
            out +=
                [row.section, row.group, row.key, row.value].map(ArchiveIndex.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
