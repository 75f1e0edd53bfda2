import Archive
import Foundation

/// `_State/summaries/<window>.tsv`: each submission folder's summary as last read, with the stamp (size and
/// time) of what it was read from, so a scan decodes again only the folders that changed; one file per
/// submission window, so an update after a cycle reads and writes only the windows it touched. Derived:
/// deleting them costs one full scan; a folder whose stamp differs, or a line that cannot be read, is
/// simply read again.
///
/// `TabSeparated` lines: a `K` line, then per folder an `F` line (folder,
/// stamp, and the summary's fields) or an `N` line (folder, stamp: not a filed submission), each `F` followed
/// by its `P` (file) and `V` (reviewer: address, `open`/`received`/`withdrawn`, due) lines.
enum SummaryCache {
    static let folderName = "_State/summaries"
    static let version = "K\tsummaries-2"

    /// What the summary is read from: the folder's and its reviews folder's entries (a file added or removed),
    /// and the three files the scanner decodes.
    static func stamp(folder: String) -> String {
        [
            "", AssignmentRecord.folderName, ArchiveLayout.recordFileName,
            "\(AssignmentRecord.folderName)/\(AssignmentRecord.fileName)", FeedbackState.fileName,
        ].map { FileSystem.stamp($0.isEmpty ? folder : "\(folder)/\($0)") }.joined(separator: " ")
    }

    /// A cached folder: its stamp, and its summary (nil: not a filed submission).
    struct Entry {
        var stamp: String
        var summary: SubmissionSummary?
    }

    /// The window a submission folder (`<top>/<YYYY>/<MM-Month>/<REF>`, relative) belongs to, from its path.
    static func window(ofFolder relative: String) -> String {
        let parts = relative.split(separator: "/")
        guard parts.count == 4, let year = Int(parts[1]), let month = Int(parts[2].prefix(2)), (1...12).contains(month)
        else { return "other" }
        return ArchiveScanner.window(year: year, month: month)
    }

    /// Every window's cached folders.
    static func load(root: String, now: Date) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        for name in FileSystem.list("\(root)/\(folderName)") where name.hasSuffix(".tsv") {
            entries.merge(load(root: root, window: String(name.dropLast(4)), now: now)) { $1 }
        }
        return entries
    }

    /// One window's cached folders.
    static func load(root: String, window: String, now: Date) -> [String: Entry] {
        guard let data = FileSystem.read(path(root: root, window: window)) else { return [:] }
        return parse(data, root: root, now: now)
    }

    /// The folders whose path starts with `prefix` (an institution's, `<top>/`), from every window's file:
    /// only their blocks are decoded.
    static func load(root: String, folderPrefix prefix: String, now: Date) -> [String: Entry] {
        // Only the blocks whose `F` or `N` line names a folder under the prefix are decoded; the rest is
        // passed over a line at a time, by its first bytes.
        let filed = Array("F\t\(TabSeparated.escape(prefix))".utf8)
        let other = Array("N\t\(TabSeparated.escape(prefix))".utf8)
        var entries: [String: Entry] = [:]
        for name in FileSystem.list("\(root)/\(folderName)") where name.hasSuffix(".tsv") {
            guard let data = FileSystem.read("\(root)/\(folderName)/\(name)") else { continue }
            var blocks = Data((version + "\n").utf8)
            var inside = false
            _ = RowLines.rows(data) { line in
                let first = line.first
                if first == UInt8(ascii: "F") || first == UInt8(ascii: "N") {
                    inside = line.starts(with: filed) || line.starts(with: other)
                }
                if inside { blocks.append(contentsOf: line.bytes) }
                return .other
            }
            entries.merge(parse(blocks, root: root, now: now)) { $1 }
        }
        return entries
    }

    /// What a line of the file is: an `F` or `N` line starts a folder's block, `P` and `V` lines continue it.
    static func kind(_ line: RowLines.Line) -> RowLines.Kind {
        guard line.count > 2, line[1] == 0x09 else { return .other }
        switch line[0] {
        case UInt8(ascii: "F"), UInt8(ascii: "N"): return line.field(from: 2, upTo: 0x09).map { .row($0) } ?? .other
        case UInt8(ascii: "P"), UInt8(ascii: "V"): return .continuation
        default: return .other
        }
    }

    /// The folders of a file's text (or of blocks of it under the version line).
    static func parse(_ data: Data, root: String, now: Date) -> [String: Entry] {
        let rows = TabSeparated.rows(data)
        guard rows.first?.joined(separator: "\t") == version else { return [:] }
        var entries: [String: Entry] = [:]
        var folder: String?
        var current: Entry?
        func finish() {
            if let folder, let current { entries[folder] = current }
            folder = nil
            current = nil
        }
        for fields in rows.dropFirst() {
            switch fields.first {
            case "N" where fields.count == 3:
                finish()
                folder = fields[1]
                current = Entry(stamp: fields[2], summary: nil)
            case "F" where fields.count == 11:
                finish()
                guard let received = Double(fields[6]).map(Date.init(timeIntervalSince1970:)),
                    let year = Int(fields[7]), let month = Int(fields[8])
                else { continue }
                folder = fields[1]
                current = Entry(
                    stamp: fields[2],
                    summary: SubmissionSummary(
                        reference: fields[3], institution: fields[4].isEmpty ? nil : fields[4], stage: fields[5],
                        received: received, year: year, month: month,
                        window: ArchiveScanner.window(year: year, month: month),
                        prescreen: fields[9].isEmpty ? nil : fields[9], reviewers: [], feedback: fields[10],
                        folder: "\(root)/\(fields[1])", relativeFolder: fields[1], files: []))
            case "P" where fields.count == 2 && current?.summary != nil:
                current?.summary?.files.append(fields[1])
            case "V" where fields.count == 4 && current?.summary != nil:
                guard let status = AssignmentStatus(rawValue: fields[2]), let due = Double(fields[3]) else {
                    current = nil
                    continue
                }
                let dueDate = Date(timeIntervalSince1970: due)
                current?.summary?.reviewers.append(
                    ReviewerStatus(
                        reviewer: fields[1], state: ArchiveScanner.state(status: status, due: dueDate, now: now),
                        due: dueDate))
            default:
                // Torn or foreign: the folder it belongs to is read again.
                current = nil
            }
        }
        finish()
        return entries
    }

    /// Writes the cache of every window the entries fall in, each only when its content changed, and
    /// removes the files of windows that have no folder left.
    static func save(_ entries: [(folder: String, entry: Entry)], root: String) throws {
        var byWindow: [String: [(folder: String, entry: Entry)]] = [:]
        for item in entries { byWindow[window(ofFolder: item.folder), default: []].append(item) }
        for (window, items) in byWindow { try save(items, root: root, window: window) }
        for name in FileSystem.list("\(root)/\(folderName)") where name.hasSuffix(".tsv") {
            if byWindow[String(name.dropLast(4))] == nil { FileSystem.remove("\(root)/\(folderName)/\(name)") }
        }
        // The single file of earlier versions.
        FileSystem.remove("\(root)/_State/summaries.tsv")
    }

    /// Writes one window's cache, when its content changed.
    static func save(_ entries: [(folder: String, entry: Entry)], root: String, window: String) throws {
        var out = version + "\n"
        for (folder, entry) in entries.sorted(by: { $0.folder < $1.folder }) {
            out += block(folder: folder, entry: entry)
        }
        let data = Data(out.utf8)
        let path = path(root: root, window: window)
        guard FileSystem.read(path) != data else { return }
        try FileSystem.makeDirectory("\(root)/\(folderName)")
        try FileSystem.writeAtomically(data, to: path, durable: false)
    }

    /// One folder's lines.
    static func block(folder: String, entry: Entry) -> String {
        var out = ""
        func line(_ fields: [String]) { out += TabSeparated.line(fields) }
        guard let summary = entry.summary else {
            line(["N", folder, entry.stamp])
            return out
        }
        line([
            "F", folder, entry.stamp, summary.reference, summary.institution ?? "", summary.stage,
            "\(summary.received.timeIntervalSince1970)", "\(summary.year)", "\(summary.month)",
            summary.prescreen ?? "", summary.feedback,
        ])
        for file in summary.files { line(["P", file]) }
        for reviewer in summary.reviewers {
            let status: AssignmentStatus =
                switch reviewer.state {
                case .received: .received
                case .withdrawn: .withdrawn
                case .sent, .overdue: .open
                }
            line(["V", reviewer.reviewer, status.rawValue, "\(reviewer.due.timeIntervalSince1970)"])
        }
        return out
    }

    static func path(root: String, window: String) -> String { "\(root)/\(folderName)/\(window).tsv" }
}

/// Tab-separated lines whose fields may hold any text (`\`, tab and line breaks escaped): the format of the
/// archive's derived caches, read as bytes because they hold a line or more per submission.
public enum TabSeparated {
    /// One line, with its line break.
    public static func line(_ fields: [String]) -> String { fields.map(escape).joined(separator: "\t") + "\n" }

    /// Every line's fields.
    public static func rows(_ data: Data) -> [[String]] {
        let bytes = [UInt8](data)
        var rows: [[String]] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var fields: [String] = []
            var fieldStart = start
            for index in start...end where index == end || bytes[index] == 0x09 {
                fields.append(unescape(bytes[fieldStart..<index]))
                fieldStart = index + 1
            }
            rows.append(fields)
            start = end + 1
        }
        return rows
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x5C) else { return text }
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
