import Archive
import ArchiveView
import Foundation
import Review
import TestSupport
import Testing

@Suite struct ArchiveViewScannerTests {
    let now = date("2024-09-10T12:00:00Z")

    @Test func summaryCarriesTheRecordReviewersFeedbackAndFiles() throws {
        let archive = ArchiveFixture()
        let folder = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", short: "LJMU", year: 2024, month: 7,
            received: date("2024-07-30T22:30:00Z"), prescreen: "attention", form: "Stage 2", pdf: "LJMU July 2024.pdf")
        try archive.assign(
            folder,
            [
                ("ada@x.ac.uk", date("2024-09-20T22:59:59Z"), .open),  // open, not yet due
                ("ben@y.ac.uk", date("2024-09-01T22:59:59Z"), .open),  // open, past due
                ("cy@z.ac.uk", date("2024-09-01T22:59:59Z"), .received),
                ("dee@w.ac.uk", date("2024-09-01T22:59:59Z"), .withdrawn),
            ])
        try archive.review(folder, reviewer: "cy@z.ac.uk")
        try archive.feedback(folder, state: "draft", pdf: false)

        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.reference == "TC-2024-07-LJMU")
        #expect(row.institution == "Liverpool John Moores University")
        #expect(row.stage == "2")
        #expect(row.received == date("2024-07-30T22:30:00Z"))
        #expect(row.year == 2024 && row.month == 7)
        #expect(row.window == "2024-07")
        #expect(row.prescreen == "attention")
        #expect(row.reviewers.map(\.reviewer) == ["ada@x.ac.uk", "ben@y.ac.uk", "cy@z.ac.uk", "dee@w.ac.uk"])
        #expect(row.reviewers.map(\.state) == [.sent, .overdue, .received, .withdrawn])
        #expect(row.reviewers[1].due == date("2024-09-01T22:59:59Z"))
        #expect(row.feedback == "draft")
        #expect(row.folder == folder)
        #expect(row.relativeFolder == "Liverpool John Moores University/2024/07-July/TC-2024-07-LJMU")
        #expect(
            row.files == ["LJMU July 2024.pdf", "prescreen.txt", "reviews/review-cy-at-z.ac.uk-1.txt", "feedback.txt"])
    }

    @Test func aReviewIsOverdueOnlyAfterItsDueInstant() throws {
        let archive = ArchiveFixture()
        let due = date("2024-09-01T22:59:59Z")
        let folder = try archive.submission("TC-2024-07-A", institution: "A", year: 2024, month: 7)
        try archive.assign(folder, [("ada@x.ac.uk", due, .open)])
        #expect(ArchiveScanner.summaries(archive: archive.root, now: due).first?.reviewers.first?.state == .sent)
        #expect(
            ArchiveScanner.summaries(archive: archive.root, now: due.addingTimeInterval(1)).first?.reviewers.first?
                .state == .overdue)
    }

    @Test(arguments: [
        (2024, 8, "2025-01"), (2024, 12, "2025-01"), (2025, 1, "2025-01"), (2025, 2, "2025-07"), (2025, 7, "2025-07"),
        (2019, 9, "2020-01"), (2024, 6, "2024-07"),
    ])
    func windows(year: Int, month: Int, expected: String) {
        #expect(ArchiveScanner.window(year: year, month: month) == expected)
    }

    @Test func onlyFiledSubmissionsAreListedSortedByWindowThenReference() throws {
        let archive = ArchiveFixture()
        try archive.submission("TC-2025-01-B", institution: "Beta", year: 2025, month: 1, form: "Stage 3")
        try archive.submission("TC-2024-09-A", institution: "Alpha", year: 2024, month: 9, form: "not recognised")
        try archive.submission("TC-2024-03-C", institution: "Gamma", year: 2024, month: 3, form: nil)
        try archive.submission(
            "TC-2024-10-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 10,
            form: "Initial (Stage 1, 2019 form)")
        try archive.submission("Q-2024-10-8E41B0D2", institution: nil, year: 2024, month: 10, quarantined: true)
        // The service's own folders and stray files are not submissions.
        try archive.directory.write("{}", to: "_State/tmp/TC-X/submission.json")
        try archive.directory.write("queued", to: "_Outbox/queued/2024/01/x.eml")
        try archive.directory.write("<html>", to: "index.html")

        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        #expect(
            rows.map(\.reference) == ["TC-2024-03-C", "TC-2024-09-A", "TC-2024-10-UNIDENTIFIED-3F9A1C", "TC-2025-01-B"])
        #expect(rows.map(\.window) == ["2024-07", "2025-01", "2025-01", "2025-01"])
        #expect(rows.map(\.stage) == ["?", "?", "1", "3"])
        #expect(rows[2].institution == nil)
        #expect(rows[2].relativeFolder.hasPrefix("_Unidentified/2024/10-October/"))
        #expect(rows.allSatisfy { $0.reviewers.isEmpty && $0.feedback == "none" })
    }

    @Test func aMovedUnidentifiedSubmissionBelongsToTheFolderItWasMovedTo() throws {
        let archive = ArchiveFixture()
        let folder = try archive.submission("TC-2025-02-UNIDENTIFIED-3F9A1C", institution: nil, year: 2025, month: 2)
        let target = ArchiveLayout(root: archive.root).monthFolder(
            institution: "Northshire University", year: 2025, month: 2)
        try FileSystem.makeDirectory(target)
        try FileSystem.rename(folder, to: "\(target)/TC-2025-02-UNIDENTIFIED-3F9A1C")
        let row = try #require(ArchiveScanner.summaries(archive: archive.root, now: now).first)
        #expect(row.institution == "Northshire University")
    }

    @Test func filesListsOnlyWhatExists() throws {
        let archive = ArchiveFixture()
        let folder = try archive.submission("TC-2024-07-A", institution: "A", year: 2024, month: 7, prescreenText: nil)
        try FileManager.default.removeItem(atPath: "\(folder)/self-assessment.pdf")
        try archive.feedback(folder, state: "sent")
        try FileManager.default.removeItem(atPath: "\(folder)/feedback.txt")
        let row = try #require(ArchiveScanner.summaries(archive: archive.root, now: now).first)
        #expect(row.files == ["feedback.pdf"])
        #expect(row.feedback == "sent")
    }

    @Test func anEmptyOrMissingArchiveHasNoSubmissions() {
        let archive = ArchiveFixture()
        #expect(ArchiveScanner.summaries(archive: archive.root, now: now).isEmpty)
        #expect(ArchiveScanner.summaries(archive: archive.root + "/nowhere", now: now).isEmpty)
    }

    @Test func syntheticArchiveIsPlausibleAndClean() throws {
        let archive = ArchiveFixture()
        try SyntheticArchive.write(count: 60, at: archive.root)
        let rows = ArchiveScanner.summaries(archive: archive.root, now: date("2025-03-01T00:00:00Z"))
        #expect(rows.count == 60)
        #expect(Set(rows.map(\.reference)).count == 60)
        #expect(rows.contains { $0.reviewers.contains { $0.state == .received } })
        #expect(rows.contains { $0.reviewers.contains { $0.state == .overdue } })
        #expect(rows.contains { $0.feedback == "sent" } && rows.contains { $0.feedback == "draft" })
        #expect(Set(rows.compactMap(\.prescreen)) == ["ok", "attention", "missing"])
        #expect(Verifier.verify(archive: archive.root).isEmpty)
    }
}
