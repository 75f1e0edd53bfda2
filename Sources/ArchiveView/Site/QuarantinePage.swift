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
        out += "<table class=\"sortable\">\n<thead><tr><th>Kept as</th><th>Received</th><th>From</th><th>Subject</th>"
        out += "<th>Why</th><th>What to do</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            let email =
                entry.record.map {
                    "\(entry.relative)/\($0.files.first { $0.role == .message }?.name ?? ArchiveLayout.messageFileName)"
                }
                ?? entry.notes.first?.message
            out += "<tr><td>\(email.map { HTML.link($0, entry.id) } ?? HTML.escape(entry.id))</td>"
            if let record = entry.record {
                out += "<td>\(days.day(record.received))</td><td>\(HTML.escape(record.senderAddress))</td>"
                out += "<td>\(HTML.escape(record.subject ?? ""))</td><td>\(HTML.escape(record.reason ?? ""))</td>"
            } else {
                out += "<td></td><td></td><td></td><td>"
                out += entry.notes.map { HTML.escape($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
                    .joined(separator: "<br>")
                out += "</td>"
            }
            out += "<td>\(HTML.escape(advice(entry)))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
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
