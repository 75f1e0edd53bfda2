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
        out += "<table class=\"sortable\">\n<thead><tr><th>Reference</th><th>Window</th><th>Stage</th>"
        out += "<th>Received</th><th>Pre-screen</th><th>Reviewers</th><th>Feedback</th></tr></thead>\n<tbody>\n"
        for row in rows.sorted(by: { $0.received > $1.received }) {
            let inside = String(row.relativeFolder.dropFirst(top.count + 1))
            out += "<tr><td>\(HTML.link(inside + "/" + SubmissionPage.fileName, row.reference))</td>"
            out += "<td>\(HTML.escape(row.window))</td><td>\(HTML.escape(row.stage))</td>"
            out += "<td>\(days.day(row.received))</td>"
            out += "<td class=\"\(HTML.escape(row.prescreen ?? ""))\">\(HTML.escape(row.prescreen ?? "-"))</td>"
            out += "<td>\(HTML.escape(row.reviewersText))</td>"
            out += "<td class=\"\(HTML.escape(row.feedback))\">\(HTML.escape(row.feedback))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let title = unidentified ? "Submissions not yet identified" : (rows.first?.institution ?? top)
        return HTML.page(title: title, up: "../", body: out)
    }
}
