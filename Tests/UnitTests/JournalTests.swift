import Archive
import Foundation
import TestSupport
import Testing

@Suite struct JournalTests {
    let folder = TemporaryDirectory()
    var journal: Journal { Journal(archive: folder.path) }

    /// Whole seconds, because the journal writes ISO 8601 times.
    private func event(_ name: String, at seconds: TimeInterval, reference: String? = "LJMU-2024-07-1") -> Journal.Event
    {
        Journal.Event(
            time: Date(timeIntervalSince1970: seconds), event: name, reference: reference,
            detail: ["sender": "lead@ljmu.ac.uk", "path": "LJMU/2024/07-July"])
    }

    private func lines() -> [String] {
        String(decoding: FileSystem.read(journal.path) ?? Data(), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theLinesAfterAnOffsetAreFoundByReferenceAndReadBackByWhereTheyStart() throws {
        try journal.append(event("filed", at: 1_721_035_800, reference: "TC-2024-07-A"))
        let first = try #require(journal.lines(after: 0))
        var long = event("commented", at: 1_721_035_801, reference: "TC-2024-07-B")
        long.detail["text"] = String(repeating: "a long detail ", count: 500)
        try journal.append(long)
        try journal.append(event("sent", at: 1_721_035_802, reference: "TC-2024-07-A"))
        let tail = try #require(journal.lines(after: first.length))
        #expect(tail.length == FileSystem.size(journal.path))
        #expect(Set(tail.starts.keys) == ["TC-2024-07-A", "TC-2024-07-B"], "only the lines after the offset")
        #expect(journal.events(at: tail.starts["TC-2024-07-B"] ?? []) == [long], "a line over 1 KB, whole")
        let all = try #require(journal.lines(after: 0))
        #expect(journal.events(at: all.starts["TC-2024-07-A"] ?? []).map(\.event) == ["filed", "sent"])
        #expect(journal.lines(after: first.length + 1_000_000) == nil, "a journal shorter than the offset")
    }

    @Test func aLineStillBeingWrittenIsLeftForNextTime() throws {
        try journal.append(event("filed", at: 1_721_035_800, reference: "TC-2024-07-A"))
        let whole = try #require(journal.lines(after: 0)).length
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"event":"sent","reference":"TC-2024-07-B""#.utf8))
        try handle.close()
        let read = try #require(journal.lines(after: 0))
        #expect(read.length == whole && Set(read.starts.keys) == ["TC-2024-07-A"])
    }

    @Test func eachEventIsOneJSONLine() throws {
        try journal.append(event("filed", at: 1_721_035_800))
        try journal.append(event("confirmation queued", at: 1_721_035_801, reference: nil))
        let written = lines()
        #expect(written.count == 3)
        #expect(written.last == "")
        for line in written.dropLast() {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(written[0].contains("\"path\":\"LJMU/2024/07-July\""))
        #expect(written[0].contains("\"time\":\"2024-07-15T09:30:00Z\""))
    }

    @Test func eventsAreReadBackOldestFirst() throws {
        let first = event("filed", at: 1_721_035_800)
        let second = event("confirmation sent", at: 1_721_035_900)
        try journal.append(first)
        try journal.append(second)
        #expect(journal.events() == [first, second])
    }

    @Test func missingJournalHasNoEvents() {
        #expect(journal.events().isEmpty)
    }

    @Test func tornLastLineIsSkipped() throws {
        let whole = event("filed", at: 1_721_035_800)
        try journal.append(whole)
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":\"confirmation se".utf8))
        try handle.close()
        #expect(journal.events() == [whole])
    }

    @Test func eventAppendedAfterATornLineIsStillRead() throws {
        let before = event("filed", at: 1_721_035_800)
        let after = event("service started", at: 1_721_036_000, reference: nil)
        try journal.append(before)
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":\"confirmation se".utf8))
        try handle.close()
        try journal.append(after)
        #expect(journal.events() == [before, after])
    }

    @Test func appendIntoAMissingArchiveThrows() {
        let nowhere = Journal(archive: folder.file("missing"))
        #expect(throws: ArchiveError.self) { try nowhere.append(event("filed", at: 0)) }
    }
}
