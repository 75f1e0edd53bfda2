import Archive
import ArchiveView
import Foundation
import Testing

/// The site is rebuilt by what changed: a submission's page when its state or its journal changed, its
/// institution's page when one of its submissions did, and nothing else.
@Suite struct ArchiveSitePagesTests {
    let now = date("2024-09-10T12:00:00Z")

    func pages(_ archive: ArchiveFixture) throws -> [String: Date] {
        var found: [String: Date] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: archive.root)
        where path.hasSuffix("/index.html") {
            found[path] =
                try FileManager.default.attributesOfItem(atPath: "\(archive.root)/\(path)")[.modificationDate] as? Date
        }
        return found
    }

    func age(_ archive: ArchiveFixture) throws {
        for path in try pages(archive).keys {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: "\(archive.root)/\(path)"
            )
        }
    }

    @Test func aSecondBuildWritesNothingAndAChangeRewritesOnlyItsPages() throws {
        let archive = ArchiveFixture()
        let ljmu = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", year: 2024, month: 7)
        try archive.submission("TC-2024-07-ABER", institution: "Prifysgol Aberystwyth", year: 2024, month: 7)
        let first = try ArchiveIndex.rebuild(archive: archive.root, now: now)
        #expect(first.submissionPages == 2 && first.institutionPages == 2)

        let again = try ArchiveIndex.rebuild(archive: archive.root, now: now.addingTimeInterval(60))
        #expect(again.submissionPages == 0 && again.institutionPages == 0, "nothing changed")

        try age(archive)
        try archive.feedback(ljmu, state: "draft")
        let changed = try ArchiveIndex.rebuild(archive: archive.root, now: now.addingTimeInterval(120))
        #expect(changed.submissionPages == 1 && changed.institutionPages == 1)
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for (path, modified) in try pages(archive) {
            let rewritten = path.hasPrefix("Liverpool John Moores University/")
            #expect((modified != old) == rewritten, "\(path)")
        }
    }

    @Test func aJournalEventAboutASubmissionRewritesItsPageWithTheEventInItsTimeline() throws {
        let archive = ArchiveFixture()
        let ljmu = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", year: 2024, month: 7)
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        try archive.journal(
            "command", reference: "TC-2024-07-LJMU", at: "2024-09-10T12:30:00Z",
            detail: ["from": "coordinator@lab.test", "command": "<b>status</b>"])
        let report = try ArchiveIndex.rebuild(archive: archive.root, now: now.addingTimeInterval(3600))
        #expect(report.submissionPages == 1)
        let page = String(decoding: try #require(FileSystem.read("\(ljmu)/index.html")), as: UTF8.self)
        #expect(page.contains("<td>command</td>") && page.contains("command: &lt;b&gt;status&lt;/b&gt;"))
    }

    @Test func aLostStateOrAMissingPageIsRebuilt() throws {
        let archive = ArchiveFixture()
        let ljmu = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", year: 2024, month: 7)
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        try FileManager.default.removeItem(atPath: "\(ljmu)/index.html")
        #expect(try ArchiveIndex.rebuild(archive: archive.root, now: now).submissionPages == 1)
        try FileManager.default.removeItem(atPath: "\(archive.root)/_State/site.json")
        let rebuilt = try ArchiveIndex.rebuild(archive: archive.root, now: now)
        #expect(rebuilt.submissionPages == 0, "the same text is not written again, even without the state")
        #expect(FileSystem.exists("\(archive.root)/_State/site.json"))
    }

    @Test func aFolderLeftWithoutSubmissionsHasItsPageEmptiedNotLeftStale() throws {
        let archive = ArchiveFixture()
        let folder = try archive.submission(
            "TC-2024-07-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 7)
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        let page = "\(archive.root)/_Unidentified/index.html"
        #expect(String(decoding: try #require(FileSystem.read(page)), as: UTF8.self).contains("3F9A1C"))
        // A coordinator's `assign` moves it under its institution.
        let destination = "\(archive.root)/University of Testshire/2024/07-July"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder, toPath: "\(destination)/TC-2024-07-UNIDENTIFIED-3F9A1C")
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        #expect(!String(decoding: try #require(FileSystem.read(page)), as: UTF8.self).contains("3F9A1C"))
    }
}
