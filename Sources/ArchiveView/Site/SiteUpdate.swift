import Archive
import Foundation
import Review

extension ArchiveSite {
    /// Brings up to date what the journal names since the last build, and nothing else: each named
    /// submission's folder is read again (wherever it moved to); its lines in its window's cache, page
    /// states, page and CSV are replaced (`RowLines`), every other line copied as it is; its page, its
    /// institution's page (from the cache), the quarantine's page and the front page are written again.
    /// Nil when it cannot be sure what changed (no state, a journal replaced, an open review fell due):
    /// the caller then builds from a scan.
    static func update(root: String, rubrics: @Sendable () -> [Int: Rubric], now: Date) throws -> Report? {
        guard var state = SiteState.load(root: root) else { return nil }
        if let next = state.nextChange, now >= next { return nil }
        let journal = Journal(archive: root)
        guard let tail = journal.lines(after: state.journalLength) else { return nil }
        var report = Report()
        guard tail.length != state.journalLength else { return report }

        var byWindow: [String: Set<String>] = [:]
        var quarantineChanged = false
        for reference in tail.starts.keys {
            if isQuarantined(reference) {
                quarantineChanged = true
            } else if let window = window(ofReference: reference) {
                byWindow[window, default: []].insert(reference)
            }
        }
        let reader = FolderReader(root: root, now: now)
        let updates = try byWindow.map { window, references in
            try WindowUpdate(
                window: window, references: references, tail: tail.starts, root: root, now: now, reader: reader)
        }
        let changed = updates.flatMap(\.current)
        let starts = updates.reduce(into: [String: [Int]]()) { $0.merge($1.starts) { $1 } }
        let csvChanges = updates.reduce(into: [String: Data?]()) { $0.merge($1.csvLines()) { $1 } }
        // Two independent halves, one per core: the windows' files then the institutions' pages (which
        // read the windows' caches); and the submissions' pages, summaries and index.csv.
        let counts = state.windows
        let folders = state.folders
        let halves = Parallel.run(workers: 2) {
            half -> Result<(Report, counts: [String: WindowCounts], folders: [String: String], spliced: Bool), Error> in
            Result {
                var report = Report()
                if half == 0 {
                    var counts = counts
                    var folders = folders
                    for update in updates { try update.write(counts: &counts, report: &report) }
                    for top in Set(updates.flatMap(\.tops)).sorted() where FileSystem.exists("\(root)/\(top)") {
                        let members = SummaryCache.load(root: root, folderPrefix: top + "/", now: now).values
                            .compactMap(\.summary)
                        folders[top] = folderFingerprint(members)
                        if try writeIfChanged(
                            InstitutionPage.html(top: top, rows: members),
                            to: "\(root)/\(top)/\(InstitutionPage.fileName)")
                        {
                            report.institutionPages += 1
                        }
                    }
                    return (report, counts, folders, true)
                }
                report.submissionPages = try writeSubmissionPages(changed, rubrics: rubrics(), journal: journal) {
                    starts[$0] ?? []
                }
                try ArchiveIndex.writeSummaries(changed)
                return (report, [:], [:], try spliceIndexCSV(root: root, changes: csvChanges))
            }
        }
        let (windowsHalf, pagesHalf) = (try halves[0].get(), try halves[1].get())
        report.windowPages = windowsHalf.0.windowPages
        report.institutionPages = windowsHalf.0.institutionPages
        report.submissionPages = pagesHalf.0.submissionPages
        state.windows = windowsHalf.counts
        state.folders = windowsHalf.folders
        if !pagesHalf.spliced { try writeIndexCSV(root: root, windows: state.windows) }

        let quarantine = try updateQuarantinePage(
            root: root, previous: state.folders[ArchiveLayout.quarantineFolder], force: quarantineChanged)
        report.quarantinePage = quarantine.written
        report.quarantined = quarantine.count
        state.folders[ArchiveLayout.quarantineFolder] = quarantine.fingerprint
        state.journalLength = tail.length
        state.nextChange = [state.nextChange, nextChange(changed, after: now)].compactMap { $0 }.min()
        try writeFront(state: state, root: root, now: now, quarantined: report.quarantined)
        try state.save(root: root)
        return report
    }
}

/// What the journal's new lines change in one window: the submissions named, as the cache had them and as
/// their folders are now, and the lines to replace in the window's files.
private struct WindowUpdate {
    let window: String
    let root: String
    let now: Date
    /// The named submissions as the window's cache had them.
    var previous: [SubmissionSummary] = []
    /// The named submissions as their folders are now (none for one that is gone).
    var current: [SubmissionSummary] = []
    /// The institution folders they were or are in.
    var tops: Set<String> = []
    /// Where each named submission's journal lines start, old and new.
    var starts: [String: [Int]] = [:]
    /// The cache's new blocks, by folder (nil: removed).
    var blocks: [String: SummaryCache.Entry?] = [:]
    /// The page states' new lines, by reference (nil: removed).
    var pages: [String: SiteState.Page?] = [:]

    init(
        window: String, references: Set<String>, tail: [String: [Int]], root: String, now: Date,
        reader: FolderReader
    ) throws {
        self.window = window
        self.root = root
        self.now = now
        let cache = FileSystem.read(SummaryCache.path(root: root, window: window)) ?? Data()
        let cached = RowLines.rows(cache, kind: SummaryCache.kind) ?? []
        let pageFile = FileSystem.read(SiteState.pagesPath(root: root, window: window)) ?? Data()
        let pageLines = RowLines.rows(pageFile, kind: SiteState.kind) ?? []
        let heading = Data((SummaryCache.version + "\n").utf8)
        for reference in references.sorted() {
            let found = ArchiveSite.locate(reference, root: root)
            for line in cached where line.key.hasSuffix("/" + reference) {
                let entry = SummaryCache.parse(heading + cache[line.range], root: root, now: now)[line.key]
                if let summary = entry?.summary { previous.append(summary) }
                tops.insert(ArchiveSite.top(of: line.key))
                if line.key != found { blocks[line.key] = .some(nil) }
            }
            let earlier = pageLines.first { $0.key == reference }.flatMap { SiteState.page(pageFile[$0.range]) }
            starts[reference] = (earlier?.starts ?? []) + (tail[reference] ?? [])
            pages[reference] = .some(nil)
            guard let found else { continue }
            let entry = SummaryCache.Entry(
                stamp: SummaryCache.stamp(folder: "\(root)/\(found)"), summary: reader.summary(relative: found))
            blocks[found] = entry
            tops.insert(ArchiveSite.top(of: found))
            guard let row = entry.summary else { continue }
            current.append(row)
            pages[reference] = SiteState.Page(
                fingerprint: ArchiveSite.fingerprint(row), starts: starts[reference] ?? [])
        }
    }

    /// Writes the window's cache, page states, page and CSV, and its counts; a file missing or not in
    /// shape is written whole from the cache.
    func write(counts: inout [String: WindowCounts], report: inout ArchiveSite.Report) throws {
        let cachePath = SummaryCache.path(root: root, window: window)
        let cacheChanges = Dictionary(
            uniqueKeysWithValues: blocks.map { folder, entry in
                (folder, entry.map { Data(SummaryCache.block(folder: folder, entry: $0).utf8) })
            })
        var whole: [String: SummaryCache.Entry]?
        if let data = FileSystem.read(cachePath),
            let spliced = RowLines.splice(data, changes: cacheChanges, kind: SummaryCache.kind)
        {
            try FileSystem.writeAtomically(spliced, to: cachePath, durable: false)
        } else {
            var entries = SummaryCache.load(root: root, window: window, now: now)
            for (folder, entry) in blocks { entries[folder] = entry }
            try SummaryCache.save(entries.map { ($0.key, $0.value) }, root: root, window: window)
            whole = entries
        }

        var tally = counts[window] ?? WindowCounts([])
        for row in previous { tally.remove(row) }
        for row in current { tally.add(row) }
        if let whole { tally = WindowCounts(whole.values.compactMap(\.summary)) }
        counts[window] = tally.submissions == 0 ? nil : tally

        let pagesPath = SiteState.pagesPath(root: root, window: window)
        let pageChanges = Dictionary(
            uniqueKeysWithValues: pages.map { reference, page in
                (reference, page.map { Data(SiteState.line(reference, $0).utf8) })
            })
        if let data = FileSystem.read(pagesPath),
            let spliced = RowLines.splice(data, changes: pageChanges, kind: SiteState.kind)
        {
            try FileSystem.writeAtomically(spliced, to: pagesPath, durable: false)
        } else {
            var all = SiteState.loadPages(root: root, window: window)
            for (reference, page) in pages { all[reference] = page }
            try SiteState.savePages(all, root: root, window: window)
        }

        try writePage(counts: tally, whole: whole, report: &report)
    }

    /// The named submissions' CSV lines, by reference (nil: removed).
    func csvLines() -> [String: Data?] {
        var days = LondonFormat()
        var lines: [String: Data?] = [:]
        for row in previous { lines[row.reference] = .some(nil) }
        for row in current { lines[row.reference] = Data(ArchiveIndex.csvLine(row, days: &days).utf8) }
        return lines
    }

    /// The window's page and CSV: their changed rows replaced, or both written whole.
    private func writePage(counts: WindowCounts, whole: [String: SummaryCache.Entry]?, report: inout ArchiveSite.Report)
        throws
    {
        let html = "\(root)/\(WindowPage.htmlPath(window))"
        let csv = "\(root)/\(WindowPage.csvPath(window))"
        guard counts.submissions > 0 else {
            FileSystem.remove(html)
            FileSystem.remove(csv)
            return
        }
        var days = LondonFormat()
        var rows: [String: Data?] = [:]
        for row in previous { rows[row.reference] = .some(nil) }
        for row in current { rows[row.reference] = Data(WindowPage.row(row, days: &days).utf8) }
        let lines = csvLines()
        if whole == nil, let page = FileSystem.read(html), let csvData = FileSystem.read(csv),
            var spliced = RowLines.splice(page, changes: rows, kind: WindowPage.kind),
            let splicedCSV = RowLines.splice(csvData, changes: lines, kind: WindowPage.csvKind),
            let header = spliced.range(of: Data(WindowPage.headerMarker.utf8))
        {
            let end = spliced[header.lowerBound...].firstIndex(of: 0x0A).map { $0 + 1 } ?? spliced.endIndex
            spliced.replaceSubrange(
                header.lowerBound..<end,
                with: Data(WindowPage.header(window: window, count: counts.submissions, generated: now).utf8))
            try FileSystem.writeAtomically(spliced, to: html, durable: false)
            try FileSystem.writeAtomically(splicedCSV, to: csv, durable: false)
            report.windowPages += 1
            return
        }
        let entries = whole ?? SummaryCache.load(root: root, window: window, now: now)
        let sorted = entries.values.compactMap(\.summary).sorted { $0.reference < $1.reference }
        if try ArchiveSite.writeWindow(window, rows: sorted, root: root, now: now) { report.windowPages += 1 }
    }
}
