import Archive
import ArchiveView
import Configuration
import Foundation
import Review
import TestSupport
import Testing

@Suite struct ArchiveViewIndexTests {
    let now = date("2024-09-10T12:00:00Z")

    /// Names with spaces, `&`, `#`, `%`, quotes and accents, in folders and files alike.
    func awkwardArchive() throws -> ArchiveFixture {
        let archive = ArchiveFixture()
        let first = try archive.submission(
            "TC-2024-07-AB", institution: "A & B <x>", year: 2024, month: 7, pdf: "A&B plan #1 100% 'final'.pdf")
        try archive.assign(first, [("ada@x.ac.uk", date("2024-08-20T22:59:59Z"), .received)])
        try archive.review(first, reviewer: "ada@x.ac.uk")
        try archive.review(first, reviewer: "ada@x.ac.uk", number: 2)
        try archive.feedback(first, state: "sent")
        let second = try archive.submission(
            "TC-2025-01-UE", institution: "Université d'Été", year: 2025, month: 1, pdf: "Été plan.pdf")
        try archive.feedback(second, state: "draft", pdf: false)
        try archive.submission(
            "TC-2024-10-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 10, prescreen: nil,
            prescreenText: nil)
        return archive
    }

    @Test func everyLinkOnEveryPageOfTheSiteResolvesToAFileThatExists() throws {
        let archive = try awkwardArchive()
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        var pages = ["index.html"]
        var visited: Set<String> = []
        var files: Set<String> = []
        while let page = pages.popLast() {
            guard visited.insert(page).inserted else { continue }
            let html = String(
                decoding: try #require(FileSystem.read("\(archive.root)/\(page)"), "\(page)"), as: UTF8.self)
            let folder = (page as NSString).deletingLastPathComponent
            for link in SiteLinks.links(html) {
                if link.hasPrefix("#") {
                    #expect(html.contains("id=\"\(link.dropFirst())\""), "\(page): \(link)")
                    continue
                }
                #expect(!link.contains("://") && !link.hasPrefix("/"), "relative: \(link)")
                let target = SiteLinks.resolve(link, from: folder)
                var isDirectory: ObjCBool = false
                #expect(
                    FileManager.default.fileExists(atPath: "\(archive.root)/\(target)", isDirectory: &isDirectory)
                        && !isDirectory.boolValue, "\(page) links \(link)")
                if target.hasSuffix(".html") { pages.append(target) } else { files.insert(target) }
            }
        }
        // The index, a page per window (2024-07, 2025-01), per submission (3) and per institution folder (3).
        #expect(visited.count == 9, "\(visited.sorted())")
        #expect(visited.contains("windows/2024-07.html") && visited.contains("windows/2025-01.html"))
        #expect(files.contains("windows/2025-01.csv") && files.contains("index.csv"))
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        let folder = try #require(rows.first { $0.reference == "TC-2024-07-AB" }).relativeFolder
        #expect(files.contains("\(folder)/A&B plan #1 100% 'final'.pdf"))
        #expect(files.contains("\(folder)/reviews/review-ada-at-x.ac.uk-2.txt"))
        #expect(files.contains("\(folder)/feedback.pdf"))
    }

    @Test func textIsEscapedAndThereAreNoScripts() throws {
        let archive = try awkwardArchive()
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        let html = try ["windows/2024-07.html", "windows/2025-01.html"].map {
            String(decoding: try #require(FileSystem.read("\(archive.root)/\($0)")), as: UTF8.self)
        }.joined()
        #expect(html.contains("A &amp; B &lt;x&gt;"))
        #expect(!html.contains("A & B <x>"))
        #expect(html.contains("Université d&#39;Été"))
        #expect(
            html.lowercased().components(separatedBy: "<script").count == 3, "one script a page: sorting the tables")
        #expect(html.range(of: " on[a-z]+=", options: [.regularExpression, .caseInsensitive]) == nil)  // no handlers
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Window closing end of July 2024 (2024-07)</title>"))
        let front = ArchiveIndex.html(ArchiveScanner.summaries(archive: archive.root, now: now), generated: now)
        #expect(front.contains("<title>Technician Commitment submissions</title>"))
        #expect(html.contains("(unidentified)"))
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func pageCountsEachWindowNewestFirst() throws {
        let archive = try awkwardArchive()
        let html = ArchiveIndex.html(ArchiveScanner.summaries(archive: archive.root, now: now), generated: now)
        let newer = try #require(html.range(of: "href=\"windows/2025-01.html\""))
        let older = try #require(html.range(of: "href=\"windows/2024-07.html\""))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(html.contains("3 submissions"))
        // Window 2025-01: two submissions, one ok pre-screen, none sent; 2024-07: one, one sent.
        #expect(html.contains("(2025-01)</a></td><td class=\"n\">2</td><td class=\"n\">1</td>"))
        #expect(html.contains("(2024-07)</a></td><td class=\"n\">1</td><td class=\"n\">1</td>"))
        #expect(ArchiveIndex.html([], generated: now).contains("No submissions have been filed yet."))
    }

    @Test func csvQuotesAsRFC4180AndReadsBack() throws {
        let archive = ArchiveFixture()
        let folder = try archive.submission(
            "TC-2024-07-SJ", institution: "Smith, \"Jones\" & Co", year: 2024, month: 7, prescreen: "attention")
        try archive.assign(
            folder,
            [
                ("ada@x.ac.uk", date("2024-08-20T22:59:59Z"), .received),
                ("ben@y.ac.uk", date("2024-09-01T22:59:59Z"), .open),
            ])
        try archive.submission(
            "TC-2024-10-UNIDENTIFIED-3F9A1C", institution: nil, year: 2024, month: 10, prescreen: nil)
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        let csv = ArchiveIndex.csv(rows)
        let relative = rows[0].relativeFolder
        #expect(relative.contains(","))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "reference,institution,stage,window,received,prescreen,reviewers,feedback,folder")
        #expect(lines.count == 4 && lines.last == "")
        #expect(
            lines[1]
                == "TC-2024-07-SJ,\"Smith, \"\"Jones\"\" & Co\",1,2024-07,2024-07-15,attention,\"ada@x.ac.uk: in, ben@y.ac.uk: overdue\",none,\"\(relative.replacingOccurrences(of: "\"", with: "\"\""))\""
        )
        #expect(
            lines[2]
                == "TC-2024-10-UNIDENTIFIED-3F9A1C,,1,2025-01,2024-10-15,,,none,_Unidentified/2024/10-October/TC-2024-10-UNIDENTIFIED-3F9A1C"
        )
        let table = CSVTable(text: csv)
        #expect(table.rows.count == 2)
        #expect(table.rows[0]["institution"] == "Smith, \"Jones\" & Co")
        #expect(table.rows[0]["reviewers"] == "ada@x.ac.uk: in, ben@y.ac.uk: overdue")
    }

    @Test func rebuildWritesTheIndexAndSummariesAndRewritesOnlyChangedSummaries() throws {
        let archive = try awkwardArchive()
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        let rows = ArchiveScanner.summaries(archive: archive.root, now: now)
        #expect(FileSystem.read("\(archive.root)/index.html") == Data(ArchiveIndex.html(rows, generated: now).utf8))
        #expect(FileSystem.read("\(archive.root)/index.csv") == Data(ArchiveIndex.csv(rows).utf8))
        for row in rows {
            let summary = String(decoding: FileSystem.read("\(row.folder)/summary.txt") ?? Data(), as: UTF8.self)
            #expect(summary == ArchiveIndex.summaryText(row))
            #expect(summary.contains(row.reference) && summary.contains(row.institution ?? "(unidentified)"))
            #expect(summary.contains("Feedback:     \(row.feedback)"))
        }
        // Nothing half-written is left behind.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: archive.root).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)

        // Mark every summary as old: an unchanged one keeps its time, a changed one is rewritten.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for row in rows {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: "\(row.folder)/summary.txt")
        }
        func modified(_ row: SubmissionSummary) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: "\(row.folder)/summary.txt")[.modificationDate] as? Date
        }
        let changed = try #require(rows.first { $0.reference == "TC-2025-01-UE" })
        try archive.feedback(changed.folder, state: "sent")
        try ArchiveIndex.rebuild(archive: archive.root, now: now.addingTimeInterval(60))
        for row in rows {
            if row.reference == changed.reference {
                #expect(try modified(row) != old)
                #expect(
                    String(decoding: FileSystem.read("\(row.folder)/summary.txt")!, as: UTF8.self).contains(
                        "Feedback:     sent"))
            } else {
                #expect(try modified(row) == old, "\(row.reference)")
            }
        }
    }

    @Test func aFieldASpreadsheetWouldRunIsWrittenAsText() {
        #expect(ArchiveIndex.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ArchiveIndex.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(ArchiveIndex.csvField("line\r\nbreak") == "\"line\r\nbreak\"")
        #expect(ArchiveIndex.csvField("Visibility") == "Visibility")
    }

    @Test func rebuildOfAnEmptyArchiveWritesAnEmptyIndex() throws {
        let archive = ArchiveFixture()
        try ArchiveIndex.rebuild(archive: archive.root, now: now)
        #expect(FileSystem.read("\(archive.root)/index.csv") == Data(ArchiveIndex.csv([]).utf8))
        #expect(
            String(decoding: FileSystem.read("\(archive.root)/index.html")!, as: UTF8.self).contains("No submissions"))
    }
}
