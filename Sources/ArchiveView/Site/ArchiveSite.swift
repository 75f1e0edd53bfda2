import Archive
import Foundation
import Hashing
import Review

/// The archive as a small static site: `index.html` at the root, a page in every submission folder, one in
/// every institution's folder, and one for the quarantine. Links are relative, so it works from a shared
/// folder.
///
/// Rebuilt incrementally: a page is written again only when what it shows changed: its submission's state
/// (a fingerprint of its summary, kept in `_State/site.json`), or a journal event about it since the last
/// build. A page whose text came out the same is not rewritten.
public enum ArchiveSite {
    static let stateFile = "_State/site.json"

    /// What the last build saw: how far into the journal, and each page's fingerprint.
    struct State: Codable {
        var journalLength: Int
        var fingerprints: [String: String]
    }

    /// What a build wrote.
    public struct Report: Sendable, Equatable {
        public var submissionPages = 0
        public var institutionPages = 0
        public var quarantinePage = false
        /// How many messages the quarantine holds.
        public var quarantined = 0
    }

    /// Brings every page up to date with `rows` (the archive's summaries, as the index shows them).
    ///
    /// - Parameter full: rebuild every page whatever the state says (`tcreview index`).
    static func update(root: String, rows: [SubmissionSummary], rubrics: [Int: Rubric], full: Bool) throws -> Report {
        let statePath = "\(root)/\(stateFile)"
        let previous =
            full ? nil : FileSystem.read(statePath).flatMap { try? JSONFiles.decoder.decode(State.self, from: $0) }
        let journal = Journal(archive: root)
        let (touched, length) = journal.references(after: previous?.journalLength ?? 0)
        var fingerprints: [String: String] = [:]
        var report = Report()

        var stale: [SubmissionSummary] = []
        for row in rows {
            let print = fingerprint(row)
            fingerprints[row.reference] = print
            let page = "\(row.folder)/\(SubmissionPage.fileName)"
            if previous?.fingerprints[row.reference] != print || touched.contains(row.reference)
                || !FileSystem.exists(page)
            {
                stale.append(row)
            }
        }
        let events = journal.events(about: Set(stale.map(\.reference)))
        let pages = stale
        // Shared between the cores: a full rebuild makes every page.
        let workers = Parallel.workers(for: pages.count, minimumPerWorker: 64)
        let written = Parallel.run(workers: workers) { worker -> Result<Int, ArchiveError> in
            var count = 0
            var index = worker
            while index < pages.count {
                let row = pages[index]
                index += workers
                guard
                    let content = SubmissionPage.Content(
                        row: row, rubrics: rubrics, events: events[row.reference] ?? [])
                else { continue }
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
        for result in written { report.submissionPages += try result.get() }

        var byTop: [String: [SubmissionSummary]] = [:]
        for row in rows { byTop[row.topFolder, default: []].append(row) }
        for (top, members) in byTop {
            let print = SHA256.hex(of: Data(members.map { fingerprints[$0.reference] ?? "" }.sorted().joined().utf8))
            fingerprints["folder:" + top] = print
            let page = "\(root)/\(top)/\(InstitutionPage.fileName)"
            guard previous?.fingerprints["folder:" + top] != print || !FileSystem.exists(page) else { continue }
            if try writeIfChanged(InstitutionPage.html(top: top, rows: members), to: page) {
                report.institutionPages += 1
            }
        }

        // A folder that had submissions and has none now (the last unidentified one filed under its
        // institution) keeps a page, saying so, rather than one listing what is gone.
        let quarantineKey = "folder:" + ArchiveLayout.quarantineFolder
        for key in previous?.fingerprints.keys.sorted() ?? [] where key.hasPrefix("folder:") && key != quarantineKey {
            let top = String(key.dropFirst("folder:".count))
            guard byTop[top] == nil, FileSystem.exists("\(root)/\(top)") else { continue }
            if try writeIfChanged(
                InstitutionPage.html(top: top, rows: []), to: "\(root)/\(top)/\(InstitutionPage.fileName)")
            {
                report.institutionPages += 1
            }
        }

        let entries = QuarantinePage.entries(archive: root)
        report.quarantined = entries.count
        if !entries.isEmpty
            || (previous?.fingerprints[quarantineKey] != nil
                && FileSystem.exists("\(root)/\(ArchiveLayout.quarantineFolder)"))
        {
            let print = SHA256.hex(of: Data(entries.map(\.relative).joined(separator: "\n").utf8))
            fingerprints["folder:" + ArchiveLayout.quarantineFolder] = print
            let page = "\(root)/\(ArchiveLayout.quarantineFolder)/\(QuarantinePage.fileName)"
            let changed = touched.contains { $0.hasPrefix("Q-") || $0.hasPrefix("R-") || $0.hasPrefix("C-") }
            if previous?.fingerprints["folder:" + ArchiveLayout.quarantineFolder] != print || changed
                || !FileSystem.exists(page)
            {
                report.quarantinePage = try writeIfChanged(QuarantinePage.html(entries), to: page)
            }
        }

        let state = State(journalLength: length, fingerprints: fingerprints)
        if let data = try? JSONFiles.lineEncoder.encode(state) {
            try FileSystem.makeDirectory("\(root)/_State")
            // Derived, like the pages: a crash that loses it only costs a full rebuild next time.
            try FileSystem.writeAtomically(data, to: statePath, durable: false)
        }
        return report
    }

    /// Everything about a submission that its page shows and that can change without a journal event
    /// (a review falling overdue with the date, a file a coordinator moved in).
    static func fingerprint(_ row: SubmissionSummary) -> String {
        var text = "\(row.reference)|\(row.institution ?? "")|\(row.stage)|\(row.prescreen ?? "")|\(row.feedback)"
        text += "|\(row.relativeFolder)|\(row.files.joined(separator: ","))"
        for reviewer in row.reviewers { text += "|\(reviewer.reviewer):\(reviewer.state.rawValue)" }
        return String(SHA256.hex(of: Data(text.utf8)).prefix(24))
    }

    /// Writes a page atomically (not flushed: it is derived) when its text differs; true when it did.
    private static func writeIfChanged(_ html: String, to path: String) throws(ArchiveError) -> Bool {
        let data = Data(html.utf8)
        guard FileSystem.read(path) != data else { return false }
        try FileSystem.writeAtomically(data, to: path, durable: false)
        return true
    }
}
