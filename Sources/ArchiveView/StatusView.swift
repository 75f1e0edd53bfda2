import Archive
import Foundation
import POSIX

/// What `tcreview status` and `tcreview show` print.
public enum StatusView {
    /// One aligned row per submission under a header: reference, institution, stage, received (London day),
    /// pre-screen, each reviewer's state, feedback. With `color`, ANSI colours mark the states: missing and
    /// overdue red, attention yellow, ok, in and sent green; without it the text has no escape codes.
    public static func render(_ rows: [SubmissionSummary], color: Bool) -> String {
        guard !rows.isEmpty else { return "No submissions to show.\n" }
        var days = LondonFormat()
        let header = ["REFERENCE", "INSTITUTION", "STAGE", "RECEIVED", "PRE-SCREEN", "REVIEWERS", "FEEDBACK"]
        var table: [[Cell]] = [header.map { Cell($0, style: color ? Style.bold : nil) }]
        table.reserveCapacity(rows.count + 1)
        for row in rows {
            var reviewers = Cell("")
            if row.reviewers.isEmpty {
                reviewers = Cell("-")
            } else {
                for (index, reviewer) in row.reviewers.enumerated() {
                    if index > 0 { reviewers.append(Cell(", ")) }
                    reviewers.append(Cell("\(reviewer.reviewer): "))
                    reviewers.append(Cell(reviewer.state.label, style: color ? Style.of(reviewer.state.label) : nil))
                }
            }
            let prescreen = row.prescreen ?? "-"
            table.append([
                Cell(row.reference), Cell(row.institutionLabel), Cell(row.stage), Cell(days.day(row.received)),
                Cell(prescreen, style: color ? Style.of(prescreen) : nil), reviewers,
                Cell(row.feedback, style: color ? Style.of(row.feedback) : nil),
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in table {
            for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.width) }
        }
        var output = ""
        output.reserveCapacity(table.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for line in table {
            for (column, cell) in line.enumerated() {
                output += cell.text
                if column < line.count - 1 {
                    output += String(repeating: " ", count: widths[column] - cell.width + 2)
                }
            }
            output += "\n"
        }
        return output
    }

    /// Everything about one submission: its record (institution, what identified it, sender, subject, received,
    /// files with sizes and SHA-256), the pre-screen verdict with the first lines of `prescreen.txt`, the
    /// reviewers (state, due date, why chosen), the reviews received, the feedback, the notes, and the journal
    /// entries for its reference.
    public static func show(_ summary: SubmissionSummary, archive: String) -> String {
        var out = "\(summary.reference)\n"
        func fact(_ label: String, _ value: String) {
            out += (label + ":").padding(toLength: 16, withPad: " ", startingAt: 0) + value + "\n"
        }
        let record = try? SubmissionRecord.load("\(summary.folder)/\(ArchiveLayout.recordFileName)")
        let institution = summary.institutionLabel + (record?.institutionShort.map { " (\($0))" } ?? "")
        fact("Institution", institution)
        if let record {
            fact("Identified by", record.identifiedBy)
            let sender = record.senderName.map { "\($0) <\(record.senderAddress)>" } ?? record.senderAddress
            fact("Sender", sender)
            fact("Subject", record.subject ?? "(none)")
        }
        fact("Received", LondonFormat.minute(summary.received) + " (UK time)")
        let period = String(format: "%04d-%02d", summary.year, summary.month)
        let from = record.map { $0.periodFrom == "title" ? " (named by the sender)" : " (the month it arrived)" } ?? ""
        fact("Period", "\(period)\(from); window \(summary.window)")
        fact("Stage", summary.stage + (record?.form.map { " (form: \($0))" } ?? ""))
        fact("Folder", summary.relativeFolder)
        if let record, record.version > 1 { fact("Version", "\(record.version)") }

        out += "\nFiles\n"
        if let record {
            let nameWidth = min(60, record.files.map(\.name.count).max() ?? 0)
            for file in record.files {
                let name = file.name.padding(toLength: max(nameWidth, file.name.count), withPad: " ", startingAt: 0)
                let pages = file.pages.map { ", \($0) page\($0 == 1 ? "" : "s")" } ?? ""
                out += "  \(name)  \(file.role), \(file.size) bytes\(pages)\n"
                out += "  \(String(repeating: " ", count: max(nameWidth, file.name.count)))  sha256 \(file.sha256)\n"
                if let original = file.originalName { out += "      sent as: \(original)\n" }
            }
        } else {
            out += "  submission.json could not be read; run 'tcreview verify'.\n"
        }

        out += "\nPre-screen: \(summary.prescreen ?? "not run (no text could be read)")\n"
        if let text = FileSystem.read("\(summary.folder)/prescreen.txt") {
            let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            var shown = Array(lines.prefix(prescreenLines))
            while shown.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { shown.removeLast() }
            for line in shown { out += "  \(line)\n" }
            let rest = lines.count - prescreenLines - (lines.last?.isEmpty == true ? 1 : 0)
            if rest > 0 { out += "  ... \(rest) more line\(rest == 1 ? "" : "s") in prescreen.txt\n" }
        }

        out += "\nReviewers\n"
        let records = assignments(in: summary.folder)
        if summary.reviewers.isEmpty { out += "  none assigned yet\n" }
        for (index, reviewer) in summary.reviewers.enumerated() {
            let full = index < records.count && records[index].reviewer == reviewer.reviewer ? records[index] : nil
            let name =
                full.map {
                    $0.reviewerName.isEmpty || $0.reviewerName == reviewer.reviewer ? "" : " (\($0.reviewerName))"
                } ?? ""
            out += "  \(reviewer.reviewer)\(name): \(reviewer.state.label), due \(LondonFormat.day(reviewer.due))\n"
            if let full {
                if !full.reason.isEmpty { out += "      chosen: \(full.reason)\n" }
                if !full.remindersSent.isEmpty {
                    out +=
                        "      reminders: \(full.remindersSent.map { LondonFormat.day($0) }.joined(separator: ", "))\n"
                }
            }
        }
        let reviews = summary.reviewFiles
        out += "\nReviews received: \(reviews.isEmpty ? "none" : "\(reviews.count)")\n"
        for review in reviews { out += "  \(review)\n" }

        out += "\nFeedback: \(summary.feedback)"
        if let data = FileSystem.read("\(summary.folder)/\(FeedbackState.fileName)"),
            let head = try? decoder.decode(FeedbackState.self, from: data)
        {
            if let compiled = head.compiled { out += ", compiled \(LondonFormat.minute(compiled))" }
            if let sent = head.sent { out += ", sent \(LondonFormat.minute(sent))" }
        }
        out += "\n"
        for file in summary.feedbackFiles { out += "  \(file)\n" }

        if let record, !record.notes.isEmpty {
            out += "\nNotes\n"
            for note in record.notes { out += "  - \(note)\n" }
        }

        out += "\nJournal\n"
        let events = Journal(archive: ArchiveScanner.normalized(archive)).events().filter {
            $0.reference == summary.reference
        }
        if events.isEmpty { out += "  no entries\n" }
        for event in events {
            let detail = event.detail.keys.sorted().map { "\($0)=\(event.detail[$0] ?? "")" }.joined(separator: " ")
            out += "  \(LondonFormat.second(event.time))  \(event.event)\(detail.isEmpty ? "" : "  \(detail)")\n"
        }
        return out
    }

    /// How many lines of `prescreen.txt` `show` prints.
    static let prescreenLines = 15

    static let decoder = JSONFiles.decoder

    static func assignments(in folder: String) -> [AssignmentRecord] { AssignmentRecord.load(folder: folder) }
}

/// ANSI styles for the terminal.
enum Style {
    static let bold = "\u{1B}[1m"
    static let red = "\u{1B}[31m"
    static let yellow = "\u{1B}[33m"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"

    /// The colour of a state word, if it has one.
    static func of(_ word: String) -> String? {
        switch word {
        case "missing", "overdue", "late": red
        case "attention", "due": yellow
        case "ok", "in", "sent": green
        default: nil
        }
    }
}

/// A table cell: its text, with any escape codes, and the width it shows at.
struct Cell {
    var text: String
    var width: Int

    init(_ plain: String, style: String? = nil) {
        width = plain.count
        text = style.map { "\($0)\(plain)\(Style.reset)" } ?? plain
    }

    mutating func append(_ other: Cell) {
        text += other.text
        width += other.width
    }
}
