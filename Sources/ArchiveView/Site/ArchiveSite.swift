import Archive
import Foundation
import Hashing
import Review

/// The archive as a small static site: `index.html` at the root (the windows, with their counts), a page
/// per submission window in `windows/`, a page in every submission folder, one in every institution's
/// folder, and one for the quarantine; `index.csv` and a CSV per window beside them. Links are relative,
/// so it works from a shared folder.
///
/// Two ways to bring it up to date:
/// - `build`, from a scan of every folder: a page is written again only when what it shows changed (a
///   fingerprint of its summary, kept in `SiteState`) or the journal has an event about it since the last
///   build, and only when its text came out different;
/// - `update`, after a cycle: only what the journal names since the last build (its folders re-read, its
///   window's page, its institution's), so the cost follows the work, not the size of the archive.
public enum ArchiveSite {
    /// What a build wrote.
    public struct Report: Sendable, Equatable {
        public var submissionPages = 0
        public var institutionPages = 0
        public var windowPages = 0
        public var quarantinePage = false
        /// How many messages the quarantine holds.
        public var quarantined = 0

        public init() {}
    }

    // MARK: From a scan

    /// Brings every page up to date with `rows` (the archive's summaries, as a scan found them).
    ///
    /// - Parameter full: rebuild every page whatever the state says (`tcreview index`).
    static func build(root: String, rows: [SubmissionSummary], rubrics: [Int: Rubric], full: Bool, now: Date)
        throws -> Report
    {
        let previous = full ? nil : SiteState.load(root: root)
        let previousPages = previous == nil ? [:] : SiteState.loadAllPages(root: root)
        let journal = Journal(archive: root)
        var starts: [String: [Int]] = [:]
        var tail = previous.flatMap { journal.lines(after: $0.journalLength) }
        if tail != nil {
            for pages in previousPages.values { for (reference, page) in pages { starts[reference] = page.starts } }
        } else {
            tail = journal.lines(after: 0)
        }
        for (reference, found) in tail?.starts ?? [:] { starts[reference, default: []] += found }
        let touched = Set(tail?.starts.keys.map { $0 } ?? [])
        var report = Report()

        var byWindow: [String: [SubmissionSummary]] = [:]
        for row in rows { byWindow[SummaryCache.window(ofFolder: row.relativeFolder), default: []].append(row) }
        var pages: [String: [String: SiteState.Page]] = [:]
        var stale: [SubmissionSummary] = []
        for (window, members) in byWindow {
            for row in members {
                let print = fingerprint(row)
                pages[window, default: [:]][row.reference] = .init(
                    fingerprint: print, starts: starts[row.reference] ?? [])
                if previousPages[window]?[row.reference]?.fingerprint != print || touched.contains(row.reference)
                    || !FileSystem.exists("\(row.folder)/\(SubmissionPage.fileName)")
                {
                    stale.append(row)
                }
            }
        }
        report.submissionPages = try writeSubmissionPages(stale, rubrics: rubrics, journal: journal) {
            starts[$0] ?? []
        }

        var folders: [String: String] = [:]
        var byTop: [String: [SubmissionSummary]] = [:]
        for row in rows { byTop[row.topFolder, default: []].append(row) }
        for (top, members) in byTop {
            let print = folderFingerprint(members)
            folders[top] = print
            let page = "\(root)/\(top)/\(InstitutionPage.fileName)"
            guard previous?.folders[top] != print || !FileSystem.exists(page) else { continue }
            if try writeIfChanged(InstitutionPage.html(top: top, rows: members), to: page) {
                report.institutionPages += 1
            }
        }
        // A folder that had submissions and has none now (the last unidentified one filed under its
        // institution) keeps a page, saying so, rather than one listing what is gone.
        for top in (previous?.folders.keys.sorted() ?? []) where top != ArchiveLayout.quarantineFolder {
            guard byTop[top] == nil, FileSystem.exists("\(root)/\(top)") else { continue }
            if try writeIfChanged(
                InstitutionPage.html(top: top, rows: []), to: "\(root)/\(top)/\(InstitutionPage.fileName)")
            {
                report.institutionPages += 1
            }
        }

        let changedQuarantine = touched.contains { isQuarantined($0) }
        let quarantine = try updateQuarantinePage(
            root: root, previous: previous?.folders[ArchiveLayout.quarantineFolder], force: changedQuarantine)
        report.quarantined = quarantine.count
        report.quarantinePage = quarantine.written
        if let print = quarantine.fingerprint { folders[ArchiveLayout.quarantineFolder] = print }

        var counts: [String: WindowCounts] = [:]
        for (window, members) in byWindow {
            let sorted = members.sorted { $0.reference < $1.reference }
            counts[window] = WindowCounts(sorted)
            if try writeWindow(window, rows: sorted, root: root, now: now) { report.windowPages += 1 }
        }
        for name in FileSystem.list("\(root)/\(WindowPage.folderName)") {
            let window = (name as NSString).deletingPathExtension
            if counts[window] == nil { FileSystem.remove("\(root)/\(WindowPage.folderName)/\(name)") }
        }
        for window in Set(previousPages.keys).union(pages.keys) {
            try SiteState.savePages(pages[window] ?? [:], root: root, window: window)
        }
        let state = SiteState(
            journalLength: tail?.length ?? 0, nextChange: nextChange(rows, after: now), windows: counts,
            folders: folders)
        try writeFront(state: state, root: root, now: now, quarantined: report.quarantined, csv: true)
        try state.save(root: root)
        return report
    }

    // MARK: Pieces

    /// Writes the pages of `rows`, shared between the cores; how many changed.
    static func writeSubmissionPages(
        _ rows: [SubmissionSummary], rubrics: [Int: Rubric], journal: Journal, starts: (String) -> [Int]
    ) throws -> Int {
        let lines = rows.map { starts($0.reference) }
        let workers = Parallel.workers(for: rows.count, minimumPerWorker: 64)
        let written = Parallel.run(workers: workers) { worker -> Result<Int, ArchiveError> in
            var count = 0
            var index = worker
            while index < rows.count {
                let row = rows[index]
                let events = journal.events(at: lines[index])
                index += workers
                guard let content = SubmissionPage.Content(row: row, rubrics: rubrics, events: events) else {
                    continue
                }
                do throws(ArchiveError) {
                    if try writeIfChanged(SubmissionPage.html(content), to: "\(row.folder)/\(SubmissionPage.fileName)")
                    {
                        count += 1
                    }
                } catch {
                    return .failure(error)
                }
            }
            return .success(count)
        }
        return try written.reduce(0) { $0 + (try $1.get()) }
    }

    /// Writes a window's page and CSV; true when the page changed.
    static func writeWindow(_ window: String, rows: [SubmissionSummary], root: String, now: Date) throws
        -> Bool
    {
        try FileSystem.makeDirectory("\(root)/\(WindowPage.folderName)")
        _ = try writeIfChanged(ArchiveIndex.csv(rows), to: "\(root)/\(WindowPage.csvPath(window))")
        return try writeIfChanged(
            WindowPage.html(window: window, rows: rows, generated: now), to: "\(root)/\(WindowPage.htmlPath(window))")
    }

    /// The front page and `index.csv`.
    static func writeFront(state: SiteState, root: String, now: Date, quarantined: Int, csv: Bool = false) throws {
        let insights = FileSystem.exists("\(root)/insights/index.html")
        try FileSystem.writeAtomically(
            Data(
                ArchiveIndex.html(counts: state.windows, generated: now, quarantined: quarantined, insights: insights)
                    .utf8), to: "\(root)/\(ArchiveIndex.htmlFileName)", durable: false)
        if csv { try writeIndexCSV(root: root, windows: state.windows) }
    }

    /// `index.csv` with only the lines of `changes` replaced; false when it is not in shape to (the caller
    /// then writes it whole).
    static func spliceIndexCSV(root: String, changes: [String: Data?]) throws -> Bool {
        let path = "\(root)/\(ArchiveIndex.csvFileName)"
        guard let data = FileSystem.read(path),
            let spliced = RowLines.splice(data, changes: changes, kind: WindowPage.csvKind)
        else { return false }
        try FileSystem.writeAtomically(spliced, to: path, durable: false)
        return true
    }

    /// `index.csv`: every window's CSV, one after the other, under one header (windows are periods, so
    /// that is the order of the references).
    static func writeIndexCSV(root: String, windows: [String: WindowCounts]) throws {
        let path = "\(root)/\(ArchiveIndex.csvFileName)"
        var csv = Data(ArchiveIndex.csvHeader.utf8)
        for window in windows.keys.sorted() {
            guard let data = FileSystem.read("\(root)/\(WindowPage.csvPath(window))"),
                let end = data.firstIndex(of: 0x0A)
            else { continue }
            csv += data[(end + 1)...]
        }
        try FileSystem.writeAtomically(csv, to: path, durable: false)
    }

    /// The quarantine's page, when it has entries or had them; its fingerprint while it has a page.
    static func updateQuarantinePage(root: String, previous: String?, force: Bool) throws -> (
        count: Int, written: Bool, fingerprint: String?
    ) {
        let entries = QuarantinePage.entries(archive: root)
        guard !entries.isEmpty || (previous != nil && FileSystem.exists("\(root)/\(ArchiveLayout.quarantineFolder)"))
        else { return (0, false, nil) }
        let print = SHA256.hex(of: Data(entries.map(\.relative).joined(separator: "\n").utf8))
        let page = "\(root)/\(ArchiveLayout.quarantineFolder)/\(QuarantinePage.fileName)"
        guard previous != print || force || !FileSystem.exists(page) else { return (entries.count, false, print) }
        return (entries.count, try writeIfChanged(QuarantinePage.html(entries), to: page), print)
    }

    /// Where the submission `reference` is now: `<top>/<YYYY>/<MM-Month>/<reference>` under any top folder.
    static func locate(_ reference: String, root: String) -> String? {
        guard let (year, month) = period(ofReference: reference) else { return nil }
        let tail = "\(String(format: "%04d", year))/\(ArchiveLayout.monthName(month))/\(reference)"
        for top in FileSystem.list(root) where ArchiveScanner.holdsSubmissions(top) {
            if FileSystem.exists("\(root)/\(top)/\(tail)/\(ArchiveLayout.recordFileName)") { return "\(top)/\(tail)" }
        }
        return nil
    }

    /// The year and month in a submission's reference (`TC-2024-07-LJMU-v2`).
    static func period(ofReference reference: String) -> (Int, Int)? {
        let parts = reference.split(separator: "-", maxSplits: 3)
        guard parts.count >= 3, parts[0] == "TC", let year = Int(parts[1]), let month = Int(parts[2]),
            (1...12).contains(month)
        else { return nil }
        return (year, month)
    }

    static func window(ofReference reference: String) -> String? {
        period(ofReference: reference).map { ArchiveScanner.window(year: $0.0, month: $0.1) }
    }

    /// Whether a reference is a kept message's, reply's or command's (shown on the quarantine's page).
    static func isQuarantined(_ reference: String) -> Bool {
        reference.hasPrefix("Q-") || reference.hasPrefix("R-") || reference.hasPrefix("C-")
    }

    static func top(of folder: String) -> String { folder.split(separator: "/").first.map(String.init) ?? "" }

    /// The first time after `now` that one of `rows` changes with the clock alone: an open review falling due.
    static func nextChange(_ rows: [SubmissionSummary], after now: Date) -> Date? {
        rows.flatMap { $0.reviewers.filter { $0.state == .sent }.map(\.due) }.filter { $0 > now }.min()
    }

    /// Everything about a submission that its page shows and that can change without a journal event
    /// (a review falling overdue with the date, a file a coordinator moved in).
    static func fingerprint(_ row: SubmissionSummary) -> String {
        var text = "\(row.reference)|\(row.institution ?? "")|\(row.stage)|\(row.prescreen ?? "")|\(row.feedback)"
        text += "|\(row.relativeFolder)|\(row.files.joined(separator: ","))"
        for reviewer in row.reviewers { text += "|\(reviewer.reviewer):\(reviewer.state.rawValue)" }
        return String(SHA256.hex(of: Data(text.utf8)).prefix(24))
    }

    static func folderFingerprint(_ rows: [SubmissionSummary]) -> String {
        SHA256.hex(of: Data(rows.map { fingerprint($0) }.sorted().joined().utf8))
    }

    /// Writes a page atomically (not flushed: it is derived) when its text differs; true when it did.
    static func writeIfChanged(_ text: String, to path: String) throws(ArchiveError) -> Bool {
        let data = Data(text.utf8)
        guard FileSystem.read(path) != data else { return false }
        try FileSystem.writeAtomically(data, to: path, durable: false)
        return true
    }
}
