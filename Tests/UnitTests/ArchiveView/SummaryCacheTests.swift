import Archive
import ArchiveView
import Foundation
import Testing

/// The scan keeps each folder's summary with the stamp of its files, and decodes again only what changed;
/// what it returns is always what a full read would.
@Suite struct SummaryCacheTests {
    let now = date("2024-09-10T12:00:00Z")

    func archive() throws -> ArchiveFixture {
        let archive = ArchiveFixture()
        let first = try archive.submission(
            "TC-2024-07-AB", institution: "A & B\t<x>", year: 2024, month: 7, pdf: "A&B plan #1.pdf")
        try archive.assign(first, [("ada@x.ac.uk", date("2024-09-20T22:59:59Z"), .open)])
        try archive.review(first, reviewer: "ada@x.ac.uk")
        try archive.submission("TC-2024-10-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 10)
        return archive
    }

    @Test func aScanFromTheCacheReturnsWhatAFullReadReturns() throws {
        let archive = try archive()
        let full = ArchiveScanner.summaries(archive: archive.root, now: now)
        // One file per window: July 2024's, and October 2024's in the window closing in January 2025.
        #expect(FileSystem.list("\(archive.root)/_State/summaries") == ["2024-07.tsv", "2025-01.tsv"])
        #expect(ArchiveScanner.summaries(archive: archive.root, now: now) == full)
        try FileManager.default.removeItem(atPath: "\(archive.root)/_State/summaries")
        #expect(ArchiveScanner.summaries(archive: archive.root, now: now) == full, "and without it")
    }

    @Test func aReviewFallsOverdueWithTheClockEvenFromTheCache() throws {
        let archive = try archive()
        let before = ArchiveScanner.summaries(archive: archive.root, now: now)
        #expect(before.first { $0.reference == "TC-2024-07-AB" }?.reviewers.first?.state == .sent)
        let later = ArchiveScanner.summaries(archive: archive.root, now: date("2024-10-01T09:00:00Z"))
        #expect(later.first { $0.reference == "TC-2024-07-AB" }?.reviewers.first?.state == .overdue)
    }

    @Test func aChangedFolderIsReadAgainAndADamagedCacheIsIgnored() throws {
        let archive = try archive()
        let folder = try #require(ArchiveScanner.summaries(archive: archive.root, now: now).first).folder
        try archive.feedback(folder, state: "sent")
        #expect(ArchiveScanner.summaries(archive: archive.root, now: now).first?.feedback == "sent")

        let path = "\(archive.root)/_State/summaries/2024-07.tsv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text.replacingOccurrences(of: "\nF\t", with: "\nF\tbroken\t")).write(
            toFile: path, atomically: true, encoding: .utf8)
        let again = ArchiveScanner.summaries(archive: archive.root, now: now)
        #expect(again.count == 2 && again.first?.feedback == "sent")
    }
}
