import Archive
import Foundation
import POSIX
import Review

/// The archive explains itself: `Mailbox/index.html`, `Mailbox/index.csv`, and `summary.txt` in each submission
/// folder.
public enum ArchiveIndex {
    public static let htmlFileName = "index.html"
    public static let csvFileName = "index.csv"
    public static let summaryFileName = "summary.txt"

    /// The site's front page, readable offline and without scripts: the counts per window, each window
    /// linked to its page (`WindowPage`), newest first. Every piece of text is escaped.
    ///
    /// - Parameters:
    ///   - quarantined: how many messages the quarantine holds (its page is linked when there are any).
    ///   - insights: whether `insights/index.html` exists (`tcreview insights` wrote it), to link it.
    public static func html(
        _ rows: [SubmissionSummary], generated: Date, quarantined: Int = 0, insights: Bool = false
    ) -> String {
        var windows: [String: [SubmissionSummary]] = [:]
        for row in rows { windows[SummaryCache.window(ofFolder: row.relativeFolder), default: []].append(row) }
        return html(
            counts: windows.mapValues { WindowCounts($0) }, generated: generated, quarantined: quarantined,
            insights: insights)
    }

    static func html(counts: [String: WindowCounts], generated: Date, quarantined: Int, insights: Bool) -> String {
        let order = counts.keys.sorted(by: >)
        let total = counts.values.reduce(0) { $0 + $1.submissions }
        var out = "<p class=\"muted\">Generated \(HTML.escape(LondonFormat.minute(generated))) (UK time) by tcreview; "
        out += "\(total) submission\(total == 1 ? "" : "s"). "
        out += "This page is rewritten whenever something changes: do not edit it. "
        out += "\(HTML.link(csvFileName, "Every submission as CSV")).</p>\n"
        if quarantined > 0 {
            out += "<p>\(HTML.link(ArchiveLayout.quarantineFolder + "/index.html", "Quarantine"))"
            out += ": \(quarantined) message\(quarantined == 1 ? "" : "s") kept for a person to read.</p>\n"
        }
        if insights {
            out += "<p>\(HTML.link("insights/index.html", "Insights across the sector")): kinds of initiative, "
            out += "what gets done, reviewers' medians (as of the last 'tcreview insights').</p>\n"
        }
        if order.isEmpty {
            out += "<p>No submissions have been filed yet.</p>\n"
            return HTML.page(title: title, up: "", body: out)
        }
        out += "<h2>Windows</h2>\n<p>Each window's submissions are on its own page.</p>\n"
        out += "<table>\n<thead><tr><th>Window</th><th>Submissions</th><th>Pre-screen ok</th>"
        out +=
            "<th>Attention</th><th>Missing</th><th>Reviews overdue</th><th>Feedback sent</th></tr></thead>\n<tbody>\n"
        for window in order {
            guard let count = counts[window] else { continue }
            out += "<tr><td>\(HTML.link(WindowPage.htmlPath(window), windowTitle(window)))</td>"
            out += "<td class=\"n\">\(count.submissions)</td>"
            out += "<td class=\"n\">\(count.ok)</td>"
            out += "<td class=\"n\">\(count.attention)</td>"
            out += "<td class=\"n\">\(count.missing)</td>"
            out += "<td class=\"n\">\(count.overdue)</td>"
            out += "<td class=\"n\">\(count.feedbackSent)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return HTML.page(title: title, up: "", body: out)
    }

    static let title = "Technician Commitment submissions"

    static let csvHeader = "reference,institution,stage,window,received,prescreen,reviewers,feedback,folder\r\n"

    /// One line per submission under the header
    /// `reference,institution,stage,window,received,prescreen,reviewers,feedback,folder`; fields quoted as RFC 4180
    /// asks (a field with a comma, quote or line break in double quotes, its quotes doubled), lines ending CRLF.
    /// `received` is the London day; `folder` is relative to the archive root.
    public static func csv(_ rows: [SubmissionSummary]) -> String {
        var days = LondonFormat()
        var out = csvHeader
        out.reserveCapacity(out.utf8.count + rows.count * 200)
        for row in rows { out += csvLine(row, days: &days) }
        return out
    }

    /// One submission's CSV line.
    static func csvLine(_ row: SubmissionSummary, days: inout LondonFormat) -> String {
        let fields = [
            row.reference, row.institution ?? "", row.stage, row.window, days.day(row.received),
            row.prescreen ?? "", row.reviewers.map { "\($0.reviewer): \($0.state.label)" }.joined(separator: ", "),
            row.feedback, row.relativeFolder,
        ]
        return fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// Rescans the archive and brings the site up to date (`ArchiveSite.build`): the front page, each
    /// window's page and CSV, `index.csv`, the pages of what changed, and each submission's `summary.txt`
    /// where its content changed (by temp file and rename, not flushed: it is derived and rewritten by the
    /// next rebuild). The summaries and pages are shared between the cores.
    ///
    /// - Parameters:
    ///   - rubricsFolder: where the rubrics are, for the criteria's titles and order on submission pages.
    ///   - full: rewrite every page, whatever changed.
    @discardableResult
    public static func rebuild(archive: String, now: Date, rubricsFolder: String? = nil, full: Bool = false) throws
        -> ArchiveSite.Report
    {
        let root = ArchiveScanner.normalized(archive)
        let rows = ArchiveScanner.summaries(archive: root, now: now)
        let rubrics = rubricsFolder.map { RubricLibrary.load(folder: $0).rubrics } ?? [:]
        let site = try ArchiveSite.build(root: root, rows: rows, rubrics: rubrics, full: full, now: now)
        try writeSummaries(rows)
        return site
    }

    /// Brings the site up to date after a cycle: only what the journal names since the last build is read
    /// and written again (`ArchiveSite.update`), so the cost follows the work, not the archive's size. When
    /// it cannot be sure what changed (the first time, a journal replaced, a review falling due), it
    /// rescans as `rebuild` does. A change made by hand in a file manager shows after `tcreview index`.
    @discardableResult
    public static func update(archive: String, now: Date, rubricsFolder: String? = nil) throws -> ArchiveSite.Report {
        let root = ArchiveScanner.normalized(archive)
        let rubrics: @Sendable () -> [Int: Rubric] = {
            rubricsFolder.map { RubricLibrary.load(folder: $0).rubrics } ?? [:]
        }
        if let report = try ArchiveSite.update(root: root, rubrics: rubrics, now: now) { return report }
        return try rebuild(archive: root, now: now, rubricsFolder: rubricsFolder)
    }

    /// Writes each row's `summary.txt` where its content changed, shared between the cores.
    static func writeSummaries(_ rows: [SubmissionSummary]) throws {
        guard !rows.isEmpty else { return }
        let workers = Parallel.workers(for: rows.count, minimumPerWorker: 256)
        let failures = Parallel.run(workers: workers) { worker -> ArchiveError? in
            var days = LondonFormat()
            var failure: ArchiveError?
            var index = worker
            while index < rows.count {
                let row = rows[index]
                let path = "\(row.folder)/\(summaryFileName)"
                let text = Data(summaryText(row, days: &days).utf8)
                // A new summary is written in place (nobody can be reading it yet; a torn one from a crash differs
                // and is rewritten next time); a changed one is replaced by rename so a reader never sees it torn.
                let existing = FileSystem.read(path)
                if existing != text, failure == nil,
                    let code = existing == nil ? FastFiles.createNew(text, at: path) : FastFiles.replace(text, at: path)
                {
                    failure = .io(path: path, operation: "write", errno: code)
                }
                index += workers
            }
            return failure
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// The short `summary.txt` of one submission. It holds nothing that changes by itself (no generation time),
    /// so it is rewritten only when the submission's state changes.
    public static func summaryText(_ row: SubmissionSummary) -> String {
        var days = LondonFormat()
        return summaryText(row, days: &days)
    }

    static func summaryText(_ row: SubmissionSummary, days: inout LondonFormat) -> String {
        var out = "\(row.reference)\n\n"
        out += "Institution:  \(row.institutionLabel)\n"
        out += "Stage:        \(row.stage)\n"
        out += "Received:     \(days.day(row.received)) (window \(row.window))\n"
        out +=
            "Pre-screen:   \(row.prescreen ?? "not run")\(row.files.contains("prescreen.txt") ? " (prescreen.txt)" : "")\n"
        if row.reviewers.isEmpty {
            out += "Reviewers:    none assigned yet\n"
        } else {
            out += "Reviewers:\n"
            for reviewer in row.reviewers {
                out += "  \(reviewer.reviewer): \(reviewer.state.label) (due \(days.day(reviewer.due)))\n"
            }
        }
        out += "Feedback:     \(row.feedback)\n"
        out += "\nWritten by tcreview from submission.json, reviews/assignments.json and feedback.json; "
        out += "do not edit.\n"
        return out
    }

    /// `Window closing end of January 2025 (2025-01)`.
    static func windowTitle(_ window: String) -> String {
        let parts = window.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[1] == 1 || parts[1] == 7 else { return "Window \(window)" }
        return SubmissionWindow(closingIn: parts[0], month: parts[1]).title
    }

    /// One RFC 4180 field. A field a spreadsheet would take for a formula (`=`, `+`, `-` or `@` first) starts
    /// with `'`, so text from a form never runs in a coordinator's spreadsheet.
    public static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40].contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
