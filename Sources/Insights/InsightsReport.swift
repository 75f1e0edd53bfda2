import Archive
import Foundation

/// Writes `Mailbox/insights/`: `index.html`, `insights.csv` and `insights.pdf`, each whole or not at all.
public enum InsightsReport {
    public static let folderName = "insights"

    /// Writes the three files; returns the folder.
    @discardableResult
    public static func write(_ insights: SectorInsights, archive: String, now: Date) throws -> String {
        let folder = "\(archive)/\(folderName)"
        try FileSystem.makeDirectory(folder)
        let table = InsightsTable(insights)
        try FileSystem.writeAtomically(Data(table.csv.utf8), to: "\(folder)/insights.csv", durable: false)
        try FileSystem.writeAtomically(
            Data(InsightsPage.html(insights, table: table, generated: now).utf8), to: "\(folder)/index.html",
            durable: false)
        let staged = "\(folder)/.insights-\(UUID().uuidString.prefix(8)).pdf"
        do {
            try InsightsPDF.write(insights, table: table, to: staged)
            try FileSystem.rename(staged, to: "\(folder)/insights.pdf")
        } catch {
            FileSystem.remove(staged)
            throw error
        }
        return folder
    }

    /// A few lines for the terminal.
    public static func summary(_ insights: SectorInsights, folder: String) -> String {
        var out = "\(insights.submissions) submissions from \(insights.institutions) institutions"
        out += insights.windows.isEmpty ? ".\n" : " (windows \(insights.windows.joined(separator: ", "))).\n"
        let top = insights.kinds.filter { $0.kind != InitiativeVocabulary.other }
            .sorted { ($0.institutions, $1.kind) > ($1.institutions, $0.kind) }.prefix(5)
        if !top.isEmpty {
            out += "Most planned kinds of initiative: "
            out += top.map { "\($0.kind) (\($0.institutions) institutions)" }.joined(separator: ", ") + ".\n"
        }
        let rated = insights.kinds.filter { $0.outcome.total >= 2 }
        if let best = rated.max(by: {
            Double($0.outcome.green) / Double($0.outcome.total) < Double($1.outcome.green) / Double($1.outcome.total)
        }) {
            out += "Most often completed: \(best.kind) (\(best.outcome.green) of \(best.outcome.total) green).\n"
        }
        if let other = insights.kinds.first(where: { $0.kind == InitiativeVocabulary.other }) {
            out += "\(other.actions) actions matched no kind; the page lists them, to grow the vocabulary.\n"
        }
        out += "Written: \(folder)/index.html, insights.csv, insights.pdf\n"
        return out
    }
}
