import Foundation
import PDFWriter

/// `insights.pdf`: the same figures on paper, for a meeting: the summary, the actions by theme and the RAG
/// outcomes by kind as bars (in greys: green darkest), and the kinds table.
enum InsightsPDF {
    static func write(_ insights: SectorInsights, table: InsightsTable, to path: String) throws(PDFWriterError) {
        let canvas = try PDFCanvas(path: path)
        canvas.setMetadata(title: "Technician Commitment: insights across the sector", author: "tcreview")
        let left = 50.0
        let width = canvas.size.width - 100
        var y = 60.0
        func ensure(_ height: Double) {
            if y + height > canvas.size.height - 50 {
                canvas.newPage()
                y = 60
            }
        }
        func line(_ text: String, size: Double = 10, bold: Bool = false) {
            ensure(size + 6)
            canvas.text(text, x: left, y: y + size, size: size, bold: bold)
            y += size + 6
        }
        line("Technician Commitment: insights across the sector", size: 16, bold: true)
        line("\(insights.submissions) submissions from \(insights.institutions) institutions; aggregated.")
        y += 10

        func bars(_ title: String, section: String, groups: [String], keys: [String], greys: [Double]) {
            guard !groups.isEmpty else { return }
            line(title, size: 12, bold: true)
            var values: [String: [String: Int]] = [:]
            for row in table.section(section) { values[row.group, default: [:]][row.key] = Int(row.value) ?? 0 }
            let largest = max(1, groups.map { g in keys.reduce(0) { $0 + (values[g]?[$1] ?? 0) } }.max() ?? 1)
            let labelWidth = 170.0
            let barWidth = width - labelWidth - 40
            for group in groups {
                ensure(18)
                canvas.text(String(group.prefix(32)), x: left, y: y + 10, size: 9)
                var x = left + labelWidth
                var total = 0
                for (index, key) in keys.enumerated() {
                    let value = values[group]?[key] ?? 0
                    total += value
                    let w = barWidth * Double(value) / Double(largest)
                    if w > 0 {
                        canvas.rectangle(
                            x: x, y: y, width: w, height: 12, gray: greys[index % greys.count], filled: true)
                    }
                    x += w
                }
                canvas.text("\(total)", x: x + 4, y: y + 10, size: 9)
                y += 18
            }
            ensure(16)
            var x = left + labelWidth
            for (index, key) in keys.enumerated() {
                canvas.rectangle(x: x, y: y, width: 10, height: 10, gray: greys[index % greys.count], filled: true)
                canvas.text(key, x: x + 14, y: y + 9, size: 8.5)
                x += 30 + canvas.textWidth(key, size: 8.5)
            }
            y += 24
        }
        bars(
            "Planned actions by theme, per window", section: "actions-by-theme", groups: insights.windows,
            keys: insights.themes, greys: [0.15, 0.4, 0.6, 0.8, 0.9])
        bars(
            "RAG outcomes by kind of initiative", section: "rag-by-kind",
            groups: insights.kinds.filter { $0.outcome.total > 0 }.map(\.kind), keys: ["green", "amber", "red"],
            greys: [0.15, 0.5, 0.8])

        line("Kinds of initiative", size: 12, bold: true)
        line("Kind  ·  institutions  ·  actions  ·  green / amber / red", size: 9, bold: true)
        for kind in insights.kinds {
            line(
                "\(kind.kind)  ·  \(kind.institutions)  ·  \(kind.actions)  ·  \(kind.outcome.green) / \(kind.outcome.amber) / \(kind.outcome.red)",
                size: 9)
        }
        try canvas.close()
    }
}
