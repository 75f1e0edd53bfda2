import Archive
import FollowThrough
import Foundation
import Prescreen
import Review

/// `index.html` in a submission folder: everything a coordinator wants to know about one submission on one
/// page: who sent it, its files with their hashes, the pre-screen's findings with pages and evidence, the
/// action plan as a table, the reviewers and their scores side by side, the feedback with its chart, and
/// the timeline from the journal. The archive is the coordinators' own, so reviewers are named here.
public enum SubmissionPage {
    public static let fileName = "index.html"

    /// Everything the page shows, read from the submission folder and the journal.
    struct Content {
        var row: SubmissionSummary
        var record: SubmissionRecord
        var prescreen: PrescreenReport?
        var followThrough: FollowThroughReport?
        var assignments: [AssignmentRecord]
        /// The review that counts from each reviewer whose review is in.
        var reviews: [StoredReview]
        var rubric: Rubric?
        var feedback: FeedbackState?
        var feedbackText: String?
        /// What was done with the coordinators' replies and with replies kept aside: the notes beside each.
        var notes: [(file: String, text: String)]
        var events: [Journal.Event]

        init?(row: SubmissionSummary, rubrics: [Int: Rubric], events: [Journal.Event]) {
            let folder = row.folder
            guard let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)") else {
                return nil
            }
            self.row = row
            self.record = record
            prescreen = PrescreenReport.load(folder: folder)
            followThrough = FollowThroughReport.load(folder: folder)
            assignments = AssignmentRecord.load(folder: folder)
            reviews = ReviewFiles.currentStoredReviews(in: folder, assignments: assignments)
            rubric = RubricLibrary.rubric(forStage: record.stage, in: rubrics)
            feedback = FeedbackState.load(folder: folder)
            feedbackText = FileSystem.read("\(folder)/feedback.txt").map { String(decoding: $0, as: UTF8.self) }
            notes = []
            for sub in ["commands", "\(AssignmentRecord.folderName)/aside"] {
                for name in FileSystem.list("\(folder)/\(sub)").sorted() where name.hasSuffix(".txt") {
                    let text = FileSystem.read("\(folder)/\(sub)/\(name)").map { String(decoding: $0, as: UTF8.self) }
                    notes.append(("\(sub)/\(name)", text ?? ""))
                }
            }
            self.events = events
        }
    }

    static func html(_ content: Content) -> String {
        let row = content.row
        let up = String(repeating: "../", count: row.relativeFolder.split(separator: "/").count)
        var out = "<p class=\"muted\">Written by tcreview from the files in this folder and the journal, "
        out += "and rewritten when they change: do not edit it.</p>\n"
        out += identification(content, up: up)
        out += files(content.record)
        out += prescreen(content)
        out += actionPlan(content.prescreen)
        out += followThrough(content.followThrough)
        out += reviewers(content)
        out += scores(content)
        out += feedback(content)
        out += notes(content.notes)
        out += timeline(content.events)
        return HTML.page(
            title: row.reference, up: up,
            trail: [(row.topFolder + "/" + InstitutionPage.fileName, row.institutionLabel)], body: out)
    }

    private static func identification(_ content: Content, up: String) -> String {
        let record = content.record
        var days = LondonFormat()
        var facts: [(String, String)] = [
            ("Institution", record.institution ?? "not recognised yet"),
            ("Form", content.prescreen?.form.rawValue ?? record.form ?? "not recognised"),
            ("Period", UKCalendar.monthYear(record.month, record.year)),
            ("Window", ArchiveIndex.windowTitle(content.row.window)),
            (
                "Received",
                "\(days.day(record.received)) from \(record.senderName.map { "\($0) " } ?? "")<\(record.senderAddress)>"
            ),
            ("Subject", record.subject ?? "(none)"),
            ("Identified by", record.identifiedBy),
            ("Version", "\(record.version)"),
            ("Folder", content.row.relativeFolder),
        ]
        for note in record.notes { facts.append(("Note", note)) }
        var out = "<h2>Submission</h2>\n<dl>\n"
        for (label, value) in facts {
            out += "<dt>\(HTML.escape(label))</dt><dd>\(HTML.escape(value))</dd>\n"
        }
        return out + "</dl>\n"
    }

    private static func files(_ record: SubmissionRecord) -> String {
        let rows = record.files.map { file -> [HTML.Cell] in
            [
                .link(file.name, file.name), .text(file.originalName.flatMap { $0 == file.name ? nil : $0 } ?? ""),
                .text(file.pages.map(String.init) ?? "", css: "n"), .number(file.size),
                .text(file.sha256, css: "evidence"),
            ]
        }
        return "<h2>Files</h2>\n" + HTML.table(["File", "Sent as", "Pages", "Size", "SHA-256"], rows: rows)
    }

    private static func prescreen(_ content: Content) -> String {
        guard let report = content.prescreen else {
            return "<h2>Pre-screen</h2>\n<p>No pre-screen report: no text could be read from the PDF.</p>\n"
        }
        var out = "<h2>Pre-screen: <span class=\"\(HTML.escape(report.worstLevel.rawValue))\">"
        out += "\(HTML.escape(report.worstLevel.rawValue))</span></h2>\n"
        if content.row.files.contains("prescreen.txt") {
            out += "<p>The full report: \(HTML.link("prescreen.txt", "prescreen.txt")). "
        } else {
            out += "<p>"
        }
        out += "Findings marked <span class=\"unsure\">unsure</span> went to the coordinators only.</p>\n"
        let rows = report.findings.map { finding -> [HTML.Cell] in
            let sure = finding.certainty == .certain
            return [
                .text(finding.level.rawValue, css: finding.level.rawValue), .text(finding.title),
                .text(finding.detail), .text(finding.page.map(String.init) ?? "", css: "n"),
                .text(finding.evidence ?? "", css: "evidence"),
                .text(sure ? "yes" : "unsure: coordinators only", css: sure ? "ok" : "unsure"),
            ]
        }
        return out
            + HTML.table(["Level", "Finding", "Detail", "Page", "Evidence", "Certain"], sortable: true, rows: rows)
    }

    private static func actionPlan(_ report: PrescreenReport?) -> String {
        guard let report, !report.actionPlan.isEmpty else { return "" }
        var out = "<h2>Action plan (\(report.actionPlan.count) actions)</h2>\n"
        if let rag = report.rag {
            out += "<p>RAG analysis: <span class=\"missing\">\(rag.red) red</span>, "
            out +=
                "<span class=\"attention\">\(rag.amber) amber</span>, <span class=\"ok\">\(rag.green) green</span>.</p>\n"
        }
        let rows = report.actionPlan.map { action -> [HTML.Cell] in
            [
                .text(action.theme), .text(action.activity), .text(action.description), .text(action.timescale),
                .number(action.page),
            ]
        }
        return out + HTML.table(["Theme", "Activity", "Description", "Timescale", "Page"], sortable: true, rows: rows)
    }

    private static func followThrough(_ report: FollowThroughReport?) -> String {
        guard let report else { return "" }
        var out = "<h2>Follow-through from \(HTML.escape(report.previousReference))</h2>\n"
        out += "<p>\(HTML.escape(report.summary)) Matched by the words actions share (shown); a guide for "
        out += "coordinators and reviewers, never told to the institution. "
        out += "\(HTML.link(FollowThroughReport.textFileName, FollowThroughReport.textFileName))</p>\n"
        if !report.carried.isEmpty {
            let rows = report.carried.map { item -> [HTML.Cell] in
                let css = ["green": "ok", "amber": "attention", "red": "missing"][item.status] ?? "unsure"
                return [
                    .text(item.status, css: css), .text(item.action.activity), .text(item.action.theme),
                    .text(item.ragRow), .text(item.shared.joined(separator: ", "), css: "evidence"),
                ]
            }
            out += HTML.table(
                ["Status", "Previous action", "Theme", "In the RAG analysis as", "Shared words"], sortable: true,
                rows: rows)
        }
        let lists: [(String, [String])] = [
            ("Not mentioned in the RAG analysis", report.notMentioned.map { "\($0.activity) (\($0.theme))" }),
            ("RAG rows that match no earlier action", report.unmatchedRAG),
            ("New actions in this plan", report.new.map { "\($0.activity) (\($0.theme))" }),
        ]
        for (title, items) in lists where !items.isEmpty {
            out += "<h3>\(HTML.escape(title)) (\(items.count))</h3>\n<ul>\n"
            for item in items { out += "<li>\(HTML.escape(item))</li>\n" }
            out += "</ul>\n"
        }
        return out
    }

    private static func reviewers(_ content: Content) -> String {
        var out = "<h2>Reviewers</h2>\n"
        guard !content.assignments.isEmpty else { return out + "<p>None assigned yet.</p>\n" }
        var days = LondonFormat()
        let states = Dictionary(
            content.row.reviewers.map { ($0.reviewer, $0.state) }, uniquingKeysWith: { first, _ in first })
        let rows = content.assignments.map { assignment -> [HTML.Cell] in
            let state = states[assignment.reviewer]?.label ?? assignment.status.rawValue
            return [
                .text("\(assignment.reviewerName) <\(assignment.reviewer)>"), .text(state, css: state),
                .text(days.day(assignment.assigned)), .text(days.day(assignment.due)),
                .number(assignment.remindersSent.count), .text(assignment.reason),
            ]
        }
        out += HTML.table(["Reviewer", "State", "Assigned", "Due", "Reminders", "Why chosen"], rows: rows)
        let texts = content.row.reviewFiles
        if !texts.isEmpty {
            out += "<p>Reviews as received: "
            out +=
                texts.map { HTML.link($0, String($0.dropFirst("reviews/".count))) }.joined(separator: ", ") + "</p>\n"
        }
        return out
    }

    /// The criteria to show, in the rubric's order (or the order the scores name them, without a rubric).
    private static func criteria(_ content: Content) -> [(id: String, title: String)] {
        if let rubric = content.rubric { return rubric.scoredCriteria.map { ($0.id, $0.title) } }
        let ids = Set(content.reviews.flatMap { $0.answers.scores.keys }).sorted()
        return ids.map { ($0, $0.replacingOccurrences(of: "-", with: " ").capitalized) }
    }

    private static func scores(_ content: Content) -> String {
        guard !content.reviews.isEmpty else { return "" }
        let rows = criteria(content).map { criterion -> [HTML.Cell] in
            let median = ScoreMedian.of(content.reviews.compactMap { $0.answers.scores[criterion.id] })
            return [.text(criterion.title)]
                + content.reviews.map { .text($0.answers.scores[criterion.id].map(String.init) ?? "-", css: "n") }
                + [.text(median.map { String(format: "%g", $0) } ?? "-", css: "n")]
        }
        return "<h2>Scores side by side</h2>\n"
            + HTML.table(["Criterion"] + content.reviews.map(\.reviewerName) + ["Median"], rows: rows)
    }

    private static func feedback(_ content: Content) -> String {
        var out = "<h2>Feedback</h2>\n"
        guard let state = content.feedback else {
            return out + "<p>Not compiled yet: it is compiled once every review is in.</p>\n"
        }
        var days = LondonFormat()
        if state.state == .sent, let sent = state.sent {
            out += "<p class=\"sent\">Sent to the institution on \(days.day(sent)).</p>\n"
        } else {
            out += "<p class=\"draft\">A draft, not sent yet: a coordinator replies <b>send</b> to its notice.</p>\n"
        }
        out += "<p>" + content.row.feedbackFiles.map { HTML.link($0, $0) }.joined(separator: " ") + "</p>\n"
        out += chart(content)
        if let text = content.feedbackText { out += "<pre>\(HTML.escape(text))</pre>\n" }
        return out
    }

    /// The medians as horizontal bars, one per criterion, drawn as inline SVG (no script, no image file).
    static func chart(_ content: Content) -> String {
        let rows = criteria(content).compactMap { criterion -> (String, Double)? in
            ScoreMedian.of(content.reviews.compactMap { $0.answers.scores[criterion.id] }).map { (criterion.title, $0) }
        }
        guard !rows.isEmpty else { return "" }
        let maxScore = Double(content.rubric?.maxScore ?? rows.map { Int($0.1.rounded(.up)) }.max() ?? 4)
        let (label, bar, rowHeight) = (180.0, 300.0, 24.0)
        let height = Double(rows.count) * rowHeight + 10
        var svg = "<svg role=\"img\" aria-label=\"Median score by criterion\" width=\"\(Int(label + bar + 60))\" "
        svg += "height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (index, (title, value)) in rows.enumerated() {
            let y = Double(index) * rowHeight + 5
            let width = maxScore > 0 ? bar * value / maxScore : 0
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(HTML.escape(title))</text>"
            svg += "<rect x=\"\(label)\" y=\"\(y)\" width=\"\(bar)\" height=\"18\" fill=\"#eee\"/>"
            svg +=
                "<rect x=\"\(label)\" y=\"\(y)\" width=\"\(String(format: "%.1f", width))\" height=\"18\" fill=\"#2b6cb0\"/>"
            svg +=
                "<text x=\"\(label + bar + 6)\" y=\"\(y + 15)\">\(String(format: "%g", value)) of \(Int(maxScore))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func notes(_ notes: [(file: String, text: String)]) -> String {
        guard !notes.isEmpty else { return "" }
        var out = "<h2>Replies kept with this submission</h2>\n<ul>\n"
        for note in notes {
            let message = String(note.file.dropLast(".txt".count)) + ".eml"
            out += "<li>\(HTML.escape(note.text.trimmingCharacters(in: .whitespacesAndNewlines))) "
            out += "(\(HTML.link(message, "the email")))</li>\n"
        }
        return out + "</ul>\n"
    }

    private static func timeline(_ events: [Journal.Event]) -> String {
        guard !events.isEmpty else { return "" }
        let rows = events.map { event -> [HTML.Cell] in
            let details = event.detail.keys.sorted().filter { !["messageKey", "folder"].contains($0) }.map {
                "\($0): \(event.detail[$0] ?? "")"
            }.joined(separator: "; ")
            return [
                .text(LondonFormat.minute(event.time)), .text(event.event.replacingOccurrences(of: "-", with: " ")),
                .text(details),
            ]
        }
        return "<h2>Timeline</h2>\n" + HTML.table(["When (UK)", "What", "Details"], rows: rows)
    }
}
