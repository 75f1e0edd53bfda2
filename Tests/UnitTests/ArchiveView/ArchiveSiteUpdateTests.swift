import Archive
import ArchiveView
import Foundation
import Testing

/// After a cycle the site is brought up to date from the journal alone (`ArchiveIndex.update`): what it
/// names is read and written again, nothing else, and the result is the site a full rebuild makes.
@Suite struct ArchiveSiteUpdateTests {
    let now = date("2024-09-10T12:00:00Z")
    let old = Date(timeIntervalSince1970: 1_000_000_000)

    /// Two institutions' July submissions and an unidentified one, built once.
    func built() throws -> (ArchiveFixture, ljmu: String, aber: String, unidentified: String) {
        let archive = ArchiveFixture()
        let ljmu = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", year: 2024, month: 7)
        let aber = try archive.submission("TC-2024-07-ABER", institution: "Prifysgol Aberystwyth", year: 2024, month: 7)
        let unidentified = try archive.submission(
            "TC-2024-07-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 7)
        try archive.journal("filed", reference: "TC-2024-07-LJMU", at: "2024-07-20T10:00:00Z")
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        try age(archive)
        return (archive, ljmu, aber, unidentified)
    }

    /// Every page and CSV of the site, relative to the root, with its content.
    func site(_ archive: ArchiveFixture) throws -> [String: String] {
        var found: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: archive.root)
        where (path.hasSuffix(".html") || path.hasSuffix(".csv") || path.hasSuffix("summary.txt"))
            && !path.hasPrefix("_State")
        {
            found[path] = String(decoding: FileSystem.read("\(archive.root)/\(path)") ?? Data(), as: UTF8.self)
        }
        return found
    }

    func age(_ archive: ArchiveFixture) throws {
        for path in try site(archive).keys {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: "\(archive.root)/\(path)")
        }
    }

    func rewritten(_ archive: ArchiveFixture) throws -> Set<String> {
        var paths: Set<String> = []
        for path in try site(archive).keys {
            let modified = try FileManager.default.attributesOfItem(atPath: "\(archive.root)/\(path)")[
                .modificationDate]
            if modified as? Date != old { paths.insert(path) }
        }
        return paths
    }

    @Test func withNothingNewInTheJournalNothingIsReadOrWritten() throws {
        let (archive, _, _, _) = try built()
        let report = try ArchiveIndex.update(archive: archive.root, now: now.addingTimeInterval(60))
        #expect(report == ArchiveSite.Report())
        #expect(try rewritten(archive).isEmpty)
    }

    @Test func aChangeTheJournalNamesRewritesItsPageWindowAndInstitutionOnly() throws {
        let (archive, ljmu, _, _) = try built()
        try archive.feedback(ljmu, state: "draft")
        try archive.journal("feedback-compiled", reference: "TC-2024-07-LJMU", at: "2024-09-10T12:30:00Z")
        let report = try ArchiveIndex.update(archive: archive.root, now: now.addingTimeInterval(3600))
        #expect(report.submissionPages == 1 && report.windowPages == 1 && report.institutionPages == 1)
        let folder = "Liverpool John Moores University/2024/07-July/TC-2024-07-LJMU"
        #expect(
            try rewritten(archive) == [
                "index.html", "index.csv", "windows/2024-07.html", "windows/2024-07.csv",
                "Liverpool John Moores University/index.html", "\(folder)/index.html", "\(folder)/summary.txt",
            ])
        let page = String(decoding: try #require(FileSystem.read("\(ljmu)/index.html")), as: UTF8.self)
        #expect(page.contains("<td>filed</td>") && page.contains("<td>feedback compiled</td>"), "the whole timeline")
        let window = String(
            decoding: try #require(FileSystem.read("\(archive.root)/windows/2024-07.html")), as: UTF8.self)
        #expect(window.contains("class=\"draft\">draft"))
    }

    @Test func aFolderMovedUnderItsInstitutionIsFoundThereAndLeavesTheUnidentifiedPage() throws {
        let (archive, _, _, unidentified) = try built()
        let destination = "\(archive.root)/University of Testshire/2024/07-July"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: unidentified, toPath: "\(destination)/TC-2024-07-UNIDENTIFIED-3F9A1C")
        try archive.journal("moved", reference: "TC-2024-07-UNIDENTIFIED-3F9A1C", at: "2024-09-10T12:30:00Z")
        try ArchiveIndex.update(archive: archive.root, now: now)
        let left = String(
            decoding: try #require(FileSystem.read("\(archive.root)/_Unidentified/index.html")), as: UTF8.self)
        #expect(!left.contains("3F9A1C"))
        let joined = String(
            decoding: try #require(FileSystem.read("\(archive.root)/University of Testshire/index.html")),
            as: UTF8.self)
        #expect(joined.contains("3F9A1C"))
        let csv = String(decoding: try #require(FileSystem.read("\(archive.root)/index.csv")), as: UTF8.self)
        #expect(csv.contains("University of Testshire/2024/07-July/TC-2024-07-UNIDENTIFIED-3F9A1C"))
        #expect(csv.components(separatedBy: "3F9A1C").count == 3, "one row (reference and folder), not two")
    }

    @Test func anUpdateMakesTheSameSiteAsAFullRebuild() throws {
        let (archive, ljmu, aber, _) = try built()
        try archive.assign(aber, [("ada@x.ac.uk", date("2024-10-20T22:59:59Z"), .open)])
        try archive.journal("assigned", reference: "TC-2024-07-ABER", at: "2024-09-10T12:10:00Z")
        try archive.feedback(ljmu, state: "sent")
        try archive.journal("feedback-sent", reference: "TC-2024-07-LJMU", at: "2024-09-10T12:20:00Z")
        let later = try archive.submission(
            "TC-2025-01-LJMU", institution: "Liverpool John Moores University", year: 2025, month: 1)
        try archive.journal("filed", reference: "TC-2025-01-LJMU", at: "2025-01-10T12:20:00Z")
        try ArchiveIndex.update(archive: archive.root, now: now)
        #expect(FileSystem.exists("\(later)/index.html") && FileSystem.exists("\(archive.root)/windows/2025-01.html"))
        let updated = try site(archive)
        try ArchiveIndex.rebuild(archive: archive.root, now: now, full: true)
        let rebuilt = try site(archive)
        #expect(updated.keys.sorted() == rebuilt.keys.sorted())
        for (path, text) in rebuilt { #expect(updated[path] == text, "\(path) differs from a full rebuild") }
    }

    @Test func aReviewFallingDueIsShownOverdueAfterAUpdateThoughNoEventNamedIt() throws {
        let (archive, _, aber, _) = try built()
        try archive.assign(aber, [("ada@x.ac.uk", date("2024-09-20T22:59:59Z"), .open)])
        try archive.journal("assigned", reference: "TC-2024-07-ABER", at: "2024-09-10T12:10:00Z")
        try ArchiveIndex.update(archive: archive.root, now: now)
        try ArchiveIndex.update(archive: archive.root, now: date("2024-09-21T09:00:00Z"))
        let window = String(
            decoding: try #require(FileSystem.read("\(archive.root)/windows/2024-07.html")), as: UTF8.self)
        #expect(window.contains("ada@x.ac.uk: <span class=\"overdue\">overdue</span>"))
    }

    @Test func aFirstUpdateWithoutStateBuildsTheWholeSite() throws {
        let archive = ArchiveFixture()
        try archive.submission("TC-2024-07-LJMU", institution: "Liverpool John Moores University", year: 2024, month: 7)
        let report = try ArchiveIndex.update(archive: archive.root, now: now)
        #expect(report.submissionPages == 1 && report.windowPages == 1)
        #expect(FileSystem.exists("\(archive.root)/index.html"))
    }
}
