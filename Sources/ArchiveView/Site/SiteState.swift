import Archive
import Foundation

/// What the site's last build saw, so the next one rewrites only what changed. Derived, like the pages:
/// losing it costs one full build.
///
/// - `_State/site.json`: how far into the journal the build read, when a page next changes with the clock
///   alone (an open review falling due), each window's counts for the front page, and a fingerprint of
///   each folder's page (institutions, quarantine).
/// - `_State/site/<window>.tsv`: per submission of the window, a fingerprint of what its page shows and
///   where its journal lines start (`TabSeparated`: reference, fingerprint, offsets joined by commas), so
///   its timeline is read without reading the whole journal.
struct SiteState: Codable, Equatable {
    static let fileName = "_State/site.json"
    static let pagesFolder = "_State/site"
    static let currentVersion = 2

    var version = SiteState.currentVersion
    var journalLength: Int
    var nextChange: Date?
    var windows: [String: WindowCounts]
    var folders: [String: String]

    /// One submission's page as last written.
    struct Page: Equatable {
        var fingerprint: String
        var starts: [Int]
    }

    static func load(root: String) -> SiteState? {
        guard let data = FileSystem.read("\(root)/\(fileName)"),
            let state = try? JSONFiles.decoder.decode(SiteState.self, from: data), state.version == currentVersion
        else { return nil }
        return state
    }

    func save(root: String) throws {
        let data = try JSONFiles.lineEncoder.encode(self)
        try FileSystem.makeDirectory("\(root)/_State")
        // Derived, like the pages: a crash that loses it only costs a full build next time.
        try FileSystem.writeAtomically(data, to: "\(root)/\(Self.fileName)", durable: false)
    }

    static func loadPages(root: String, window: String) -> [String: Page] {
        guard let data = FileSystem.read(pagesPath(root: root, window: window)) else { return [:] }
        var pages: [String: Page] = [:]
        for fields in TabSeparated.rows(data) where fields.count == 3 {
            pages[fields[0]] = Page(
                fingerprint: fields[1], starts: fields[2].split(separator: ",").compactMap { Int($0) })
        }
        return pages
    }

    /// Every window's pages, by window.
    static func loadAllPages(root: String) -> [String: [String: Page]] {
        var all: [String: [String: Page]] = [:]
        for name in FileSystem.list("\(root)/\(pagesFolder)") where name.hasSuffix(".tsv") {
            let window = String(name.dropLast(4))
            all[window] = loadPages(root: root, window: window)
        }
        return all
    }

    /// Writes one window's pages when they changed; none at all removes the file.
    static func savePages(_ pages: [String: Page], root: String, window: String) throws {
        let path = pagesPath(root: root, window: window)
        guard !pages.isEmpty else { return FileSystem.remove(path) }
        var out = ""
        for reference in pages.keys.sorted() {
            guard let page = pages[reference] else { continue }
            out += line(reference, page)
        }
        let data = Data(out.utf8)
        guard FileSystem.read(path) != data else { return }
        try FileSystem.makeDirectory("\(root)/\(pagesFolder)")
        try FileSystem.writeAtomically(data, to: path, durable: false)
    }

    /// One page's line in its window's file.
    static func line(_ reference: String, _ page: Page) -> String {
        TabSeparated.line([reference, page.fingerprint, page.starts.map(String.init).joined(separator: ",")])
    }

    /// What a line of a window's pages file is: every line is a page's, by reference.
    static func kind(_ line: RowLines.Line) -> RowLines.Kind {
        line.text(from: 0, upTo: 0x09).map { .row($0) } ?? .other
    }

    /// A page's line, read back.
    static func page(_ line: Data.SubSequence) -> Page? {
        guard let fields = TabSeparated.rows(Data(line)).first, fields.count == 3 else { return nil }
        return Page(fingerprint: fields[1], starts: fields[2].split(separator: ",").compactMap { Int($0) })
    }

    static func pagesPath(root: String, window: String) -> String { "\(root)/\(pagesFolder)/\(window).tsv" }
}

/// A window's line on the front page.
struct WindowCounts: Codable, Equatable {
    var submissions = 0
    var ok = 0
    var attention = 0
    var missing = 0
    var overdue = 0
    var feedbackSent = 0

    init(_ rows: [SubmissionSummary]) {
        for row in rows { add(row) }
    }

    mutating func add(_ row: SubmissionSummary) { count(row, as: 1) }

    mutating func remove(_ row: SubmissionSummary) { count(row, as: -1) }

    private mutating func count(_ row: SubmissionSummary, as one: Int) {
        submissions += one
        if row.prescreen == "ok" { ok += one }
        if row.prescreen == "attention" { attention += one }
        if row.prescreen == "missing" { missing += one }
        if row.reviewers.contains(where: { $0.state == .overdue }) { overdue += one }
        if row.feedback == "sent" { feedbackSent += one }
    }
}
