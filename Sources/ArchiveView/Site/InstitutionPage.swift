import Archive
import Foundation

/// `index.html` in an institution's folder (and in `_Unidentified`): its submissions over time, each linked
/// to its page, with what to do about the ones not yet identified.
public enum InstitutionPage {
    public static let fileName = "index.html"

    static func html(top: String, rows: [SubmissionSummary]) -> String {
        let unidentified = top == ArchiveLayout.unidentifiedFolder
        var days = LondonFormat()
        var out = "<p class=\"muted\">Written by tcreview, and rewritten when a submission changes.</p>\n"
        if unidentified {
            out += """
                <h2>What to do</h2>
                <p>These submissions matched no institution in institutions.csv, so no reviewer has seen them. \
                Each one's notice to the coordinators says whose it might be: reply <b>assign</b> and the \
                institution's short name (for example <b>assign ABER</b>) to that notice, and it is moved under \
                the institution and reviewers are assigned. If the institution is new, add it to \
                institutions.csv first.</p>

                """
        } else {
            let stages = Set(rows.map(\.stage)).sorted().map { "Stage \($0)" }.joined(separator: ", ")
            out += "<p>\(rows.count) submission\(rows.count == 1 ? "" : "s") since "
            out += "\(rows.map(\.received).min().map { days.day($0) } ?? "-")"
            out += stages.isEmpty ? ".</p>\n" : " (\(HTML.escape(stages))).</p>\n"
        }
        let table = rows.sorted(by: { $0.received > $1.received }).map { row -> [HTML.Cell] in
            let inside = String(row.relativeFolder.dropFirst(top.count + 1))
            return [
                .link(inside + "/" + SubmissionPage.fileName, row.reference), .text(row.window), .text(row.stage),
                .text(days.day(row.received)), .text(row.prescreen ?? "-", css: row.prescreen),
                .text(row.reviewersText), .text(row.feedback, css: row.feedback),
            ]
        }
        out += HTML.table(
            ["Reference", "Window", "Stage", "Received", "Pre-screen", "Reviewers", "Feedback"], sortable: true,
            rows: table)
        let title = unidentified ? "Submissions not yet identified" : (rows.first?.institution ?? top)
        return HTML.page(title: title, up: "../", body: out)
    }
}
