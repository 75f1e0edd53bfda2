import Archive
import Foundation

/// `_Quarantine/index.html`: every message kept for a person to read, why, and what to do about it.
public enum QuarantinePage {
    public static let fileName = "index.html"

    /// One kept message (or reply) folder: `_Quarantine/<YYYY>/<MM>/<ID>`.
    struct Entry {
        var id: String
        var relative: String
        var record: SubmissionRecord?
        /// The notes beside kept replies (`reply-*.txt`, `command-*.txt`) and the emails they describe.
        var notes: [(text: String, message: String)]
    }

    /// Every kept folder, newest month first.
    static func entries(archive root: String) -> [Entry] {
        let base = ArchiveLayout.quarantineFolder
        var found: [Entry] = []
        for year in FileSystem.list("\(root)/\(base)").sorted(by: >) where !year.hasPrefix(".") && year != fileName {
            for month in FileSystem.list("\(root)/\(base)/\(year)").sorted(by: >) where !month.hasPrefix(".") {
                for id in FileSystem.list("\(root)/\(base)/\(year)/\(month)").sorted() where !id.hasPrefix(".") {
                    let relative = "\(year)/\(month)/\(id)"
                    let folder = "\(root)/\(base)/\(relative)"
                    let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)")
                    let notes = FileSystem.list(folder).sorted().filter { $0.hasSuffix(".txt") }.map { name in
                        (
                            FileSystem.read("\(folder)/\(name)").map { String(decoding: $0, as: UTF8.self) } ?? "",
                            "\(relative)/\(name.dropLast(".txt".count)).eml"
                        )
                    }
                    found.append(Entry(id: id, relative: relative, record: record, notes: notes))
                }
            }
        }
        return found
    }

    static func html(_ entries: [Entry]) -> String {
        var days = LondonFormat()
        var out = "<p class=\"muted\">Written by tcreview. "
        out += "Nothing here reached a reviewer; each message is kept exactly as it arrived.</p>\n"
        if entries.isEmpty { out += "<p>The quarantine is empty.</p>\n" }
        let rows = entries.map { entry -> [HTML.Cell] in
            let message = entry.record?.files.first { $0.role == .message }?.name ?? ArchiveLayout.messageFileName
            let email = entry.record.map { _ in "\(entry.relative)/\(message)" } ?? entry.notes.first?.message
            let kept: HTML.Cell = email.map { .link($0, entry.id) } ?? .text(entry.id)
            guard let record = entry.record else {
                let notes = entry.notes.map { HTML.escape($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
                return [
                    kept, .text(""), .text(""), .text(""), HTML.Cell(html: notes.joined(separator: "<br>")),
                    .text(advice(entry)),
                ]
            }
            return [
                kept, .text(days.day(record.received)), .text(record.senderAddress), .text(record.subject ?? ""),
                .text(record.reason ?? ""), .text(advice(entry)),
            ]
        }
        out += HTML.table(["Kept as", "Received", "From", "Subject", "Why", "What to do"], sortable: true, rows: rows)
        return HTML.page(title: "Quarantine", up: "../", body: out)
    }

    /// What a coordinator does about a kept message, by its kind.
    static func advice(_ entry: Entry) -> String {
        if entry.id.hasPrefix("R-") {
            return
                "A reply to a review request that named no assignment we know. Nothing was applied; if it matters, contact the sender."
        }
        if entry.id.hasPrefix("C-") {
            return
                "A reply that reads like a command and was not obeyed (see its notice). If you sent it, reply to the notice itself."
        }
        switch entry.record?.reason ?? "" {
        case "a reply to our email":
            return "A person answered one of our emails: read it and answer them yourself."
        case "the email is too large":
            return "Only its headers were kept; the message stays in the mailbox. Ask the sender for a smaller PDF."
        default:
            return
                "The sender was told why it could not be filed. If it is a submission after all, ask them to send the PDF again."
        }
    }
}
