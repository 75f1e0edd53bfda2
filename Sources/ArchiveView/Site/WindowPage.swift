import Archive
import Foundation

/// `windows/<window>.html` and `windows/<window>.csv`: one submission window's submissions, as a table
/// sortable by a click on a header (linking each submission's page, its institution's page and its
/// files) and as CSV rows. One page per window, so a change rewrites its window, not the whole archive.
public enum WindowPage {
    public static let folderName = "windows"

    static func htmlPath(_ window: String) -> String { "\(folderName)/\(window).html" }
    static func csvPath(_ window: String) -> String { "\(folderName)/\(window).csv" }

    /// The page of `window`, whose submissions are `rows` (sorted by reference).
    static func html(window: String, rows: [SubmissionSummary], generated: Date) -> String {
        var days = LondonFormat()
        var out = header(window: window, count: rows.count, generated: generated)
        out.reserveCapacity(1_000 + rows.count * 1_000)
        out += "<table class=\"sortable\">\n<thead><tr><th>Reference</th><th>Institution</th><th>Stage</th>"
        out += "<th>Received</th><th>Submission</th><th>Pre-screen</th><th>Reviewers</th><th>Reviews</th>"
        out += "<th>Feedback</th></tr></thead>\n<tbody>\n"
        for row in rows { out += self.row(row, days: &days) }
        out += "</tbody>\n</table>\n"
        return HTML.page(title: ArchiveIndex.windowTitle(window), up: "../", body: out)
    }

    /// The line under the title: when, how many, and the CSV.
    static func header(window: String, count: Int, generated: Date) -> String {
        var out = headerMarker + "\(HTML.escape(LondonFormat.minute(generated))) (UK time) by tcreview; "
        out += "\(count) submission\(count == 1 ? "" : "s"). "
        out += "This page is rewritten whenever one of them changes: do not edit it. "
        out += "\(HTML.link(window + ".csv", "The same as CSV")).</p>\n"
        return out
    }

    static let headerMarker = "<p class=\"muted\">Generated "

    /// One submission's row, on a line of its own, with its reference as its `id`.
    static func row(_ row: SubmissionSummary, days: inout LondonFormat) -> String {
        var out = "<tr id=\"\(HTML.escape(row.reference))\"><td>"
        out += link(row.relativeFolder + "/" + SubmissionPage.fileName, row.reference) + "</td>"
        out += "<td>\(link(row.topFolder + "/" + InstitutionPage.fileName, row.institutionLabel))</td>"
        out += "<td>\(HTML.escape(row.stage))</td><td>\(days.day(row.received))</td><td>"
        out += row.pdfFiles.map { file(row, $0, $0) }.joined(separator: "<br>")
        out += "</td><td"
        if let verdict = row.prescreen {
            out += " class=\"\(HTML.escape(verdict))\">"
            out += row.files.contains("prescreen.txt") ? file(row, "prescreen.txt", verdict) : HTML.escape(verdict)
        } else {
            out += ">-"
        }
        out += "</td><td>"
        out +=
            row.reviewers.isEmpty
            ? "-"
            : row.reviewers.map { reviewer in
                "\(HTML.escape(reviewer.reviewer)): <span class=\"\(reviewer.state.label)\">\(reviewer.state.label)</span>"
            }.joined(separator: "<br>")
        out += "</td><td>"
        out += row.reviewFiles.map { file(row, $0, String($0.dropFirst("reviews/".count))) }.joined(
            separator: "<br>")
        out += "</td><td class=\"\(HTML.escape(row.feedback))\">\(HTML.escape(row.feedback))"
        for name in row.feedbackFiles { out += " " + file(row, name, name) }
        return out + "</td></tr>\n"
    }

    /// What a line of a window's page is: a submission's row (by reference), or not.
    static func kind(_ line: RowLines.Line) -> RowLines.Kind {
        guard line.starts(with: rowMarker) else { return .other }
        return line.text(from: rowMarker.count, upTo: UInt8(ascii: "\"")).map { .row($0) } ?? .other
    }

    /// What a line of a window's CSV is: a submission's line (by its reference, the first field), or the header.
    static func csvKind(_ line: RowLines.Line) -> RowLines.Kind {
        guard line.first != UInt8(ascii: "r") else { return .other }
        return line.text(from: 0, upTo: UInt8(ascii: ",")).map { .row($0) } ?? .other
    }

    private static let rowMarker = Array("<tr id=\"".utf8)

    /// A link from the window's page (in `windows/`) to a path relative to the archive root.
    private static func link(_ path: String, _ label: String) -> String { HTML.link("../" + path, label) }

    /// A link to a file in a submission folder.
    private static func file(_ row: SubmissionSummary, _ name: String, _ label: String) -> String {
        link(row.relativeFolder + "/" + name, label)
    }
}
