import Archive
import ArchiveView
import Foundation
import Review
import Testing

@Suite struct ArchiveViewStatusTests {
    let now = date("2024-09-10T12:00:00Z")

    /// Two submissions: one with a reviewer in and one overdue, one waiting for any.
    func archive() throws -> ArchiveFixture {
        let archive = ArchiveFixture()
        let folder = try archive.submission(
            "TC-2024-07-LJMU", institution: "Liverpool John Moores University", short: "LJMU", year: 2024, month: 7,
            received: date("2024-07-30T23:30:00Z"), prescreen: "attention",
            prescreenText: (1...30).map { "check \($0)" }.joined(separator: "\n") + "\n")
        try archive.assign(
            folder,
            [
                ("ada@x.ac.uk", date("2024-08-20T22:59:59Z"), .received),
                ("ben@y.ac.uk", date("2024-09-01T22:59:59Z"), .open),
            ])
        try archive.review(folder, reviewer: "ada@x.ac.uk")
        try archive.submission("TC-2024-06-AB", institution: "Aberdale", year: 2024, month: 6, prescreen: "missing")
        try archive.journal(
            "filed", reference: "TC-2024-07-LJMU", at: "2024-07-30T23:31:00Z", detail: ["folder": "LJMU"])
        try archive.journal("filed", reference: "TC-2024-06-AB", at: "2024-06-15T10:31:00Z")
        try archive.journal(
            "queued", reference: "TC-2024-07-LJMU", at: "2024-07-30T23:31:05Z",
            detail: ["id": "TC-2024-07-LJMU-confirmation"])
        try archive.journal("poll-failed", reference: nil, at: "2024-07-31T08:00:00Z")
        return archive
    }

    @Test func plainTableIsAlignedWithAHeaderAndNoEscapeCodes() throws {
        let archive = try archive()
        let text = StatusView.render(ArchiveScanner.summaries(archive: archive.root, now: now), color: false)
        #expect(!text.contains("\u{1B}"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("REFERENCE"))
        for column in ["INSTITUTION", "STAGE", "RECEIVED", "PRE-SCREEN", "REVIEWERS", "FEEDBACK"] {
            #expect(lines[0].contains(column))
        }
        // Every column starts at the same place on every line.
        let received = try #require(lines[0].range(of: "RECEIVED")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines[1].utf16Offset(of: "2024-06-15") == received)
        // 23:30 UTC on 30 July is 00:30 on 31 July in London.
        #expect(lines[2].utf16Offset(of: "2024-07-31") == received)
        let reviewers = try #require(lines[0].range(of: "REVIEWERS")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines[2].utf16Offset(of: "ada@x.ac.uk: in, ben@y.ac.uk: overdue") == reviewers)
        #expect(lines[1].contains("Aberdale") && lines[1].contains("missing") && lines[1].hasSuffix("none"))
        #expect(lines[2].contains("Liverpool John Moores University") && lines[2].contains("attention"))
    }

    @Test func colourMarksStatesAndOnlyAddsEscapeCodes() throws {
        let archive = try archive()
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        let coloured = StatusView.render(rows, color: true)
        #expect(coloured.contains("\u{1B}[31moverdue\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31mmissing\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[33mattention\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32min\u{1B}[0m"))
        #expect(coloured.withoutANSI == StatusView.render(rows, color: false))
    }

    @Test func anEmptyListSaysSo() {
        let text = StatusView.render([], color: true)
        #expect(text.contains("No submissions"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func showHasTheRecordPrescreenReviewersAndOnlyThisJournal() throws {
        let archive = try archive()
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        let row = try #require(rows.first { $0.reference == "TC-2024-07-LJMU" })
        let text = StatusView.show(row, archive: archive.root)
        let record = try SubmissionRecord.load("\(row.folder)/submission.json")
        #expect(text.hasPrefix("TC-2024-07-LJMU\n"))
        #expect(text.contains("Liverpool John Moores University (LJMU)"))
        #expect(text.contains("Identified by:  file name"))
        #expect(text.contains("Jo Lead <jo@lead.ac.uk>"))
        #expect(text.contains("Self-assessment TC-2024-07-LJMU"))
        #expect(text.contains("2024-07-31 00:30"))
        for file in record.files {
            #expect(text.contains(file.name))
            #expect(text.contains(file.sha256))
            #expect(text.contains("\(file.size) bytes"))
        }
        #expect(text.contains("Pre-screen: attention"))
        #expect(text.contains("check 1\n") && text.contains("check 15\n") && !text.contains("check 16\n"))
        #expect(text.contains("15 more lines"))
        #expect(text.contains("ada@x.ac.uk (Name of ada@x.ac.uk): in, due 2024-08-20"))
        #expect(text.contains("ben@y.ac.uk (Name of ben@y.ac.uk): overdue, due 2024-09-01"))
        #expect(text.contains("a peer from another institution"))
        #expect(text.contains("reviews/review-ada-at-x.ac.uk-1.txt"))
        #expect(text.contains("Feedback: none"))
        let journal = try #require(text.components(separatedBy: "\nJournal\n").last)
        #expect(journal.contains("2024-07-31 00:31:00  filed  folder=LJMU"))
        #expect(journal.contains("queued  id=TC-2024-07-LJMU-confirmation"))
        #expect(!journal.contains("2024-06-15"))
        #expect(!journal.contains("poll-failed"))
    }

    @Test func showOfAnUnreviewedSubmissionSaysWhatIsMissing() throws {
        let archive = try archive()
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        let row = try #require(rows.first { $0.reference == "TC-2024-06-AB" })
        let text = StatusView.show(row, archive: archive.root)
        #expect(text.contains("none assigned yet"))
        #expect(text.contains("Reviews received: none"))
        #expect(text.contains("2024-06-15 11:31:00  filed"))
        #expect(!text.contains("queued"))
    }
}

extension String {
    /// Where `text` starts in this string, in UTF-16 units; -1 when absent.
    func utf16Offset(of text: String) -> Int {
        range(of: text).map { $0.lowerBound.utf16Offset(in: self) } ?? -1
    }
}
