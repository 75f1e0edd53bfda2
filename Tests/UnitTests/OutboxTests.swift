import Archive
import Foundation
import TestSupport
import Testing

@Suite struct OutboxTests {
    let folder = TemporaryDirectory()
    var outbox: Outbox { Outbox(archive: folder.path) }

    private func mail(_ text: String) -> Data { Data("Subject: \(text)\r\n\r\nBody\r\n".utf8) }

    /// Sets a queued message's modification time, so the order does not depend on how fast the test runs.
    private func setQueuedTime(_ id: String, _ seconds: TimeInterval) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: "\(outbox.queued)/\(id).eml")
    }

    @Test func enqueueStoresTheMessageUnderItsID() throws {
        #expect(try outbox.enqueue(id: "confirm-LJMU-2024-07-1", message: mail("one")))
        #expect(outbox.message(id: "confirm-LJMU-2024-07-1") == mail("one"))
        #expect(outbox.contains(id: "confirm-LJMU-2024-07-1"))
        #expect(folder.contents(of: "_Outbox/queued") == ["confirm-LJMU-2024-07-1.eml"])
    }

    @Test func secondEnqueueOfTheSameIDIsRefusedAndKeepsTheFirstMessage() throws {
        #expect(try outbox.enqueue(id: "confirm-1", message: mail("first")))
        #expect(try outbox.enqueue(id: "confirm-1", message: mail("second")) == false)
        #expect(outbox.message(id: "confirm-1") == mail("first"))
        #expect(outbox.pending() == ["confirm-1"])
    }

    @Test func enqueueAfterSendingIsRefusedSoTheMessageGoesOnce() throws {
        try outbox.enqueue(id: "confirm-1", message: mail("first"))
        try outbox.markSent(id: "confirm-1")
        #expect(try outbox.enqueue(id: "confirm-1", message: mail("again")) == false)
        #expect(outbox.pending().isEmpty)
    }

    @Test func pendingListsOldestFirst() throws {
        for id in ["b", "a", "c"] { try outbox.enqueue(id: id, message: mail(id)) }
        try setQueuedTime("b", 1_000)
        try setQueuedTime("c", 2_000)
        try setQueuedTime("a", 3_000)
        #expect(outbox.pending() == ["b", "c", "a"])
    }

    @Test func pendingOrdersMessagesQueuedInTheSameInstantByID() throws {
        for id in ["b", "c", "a"] {
            try outbox.enqueue(id: id, message: mail(id))
            try setQueuedTime(id, 1_000)
        }
        #expect(outbox.pending() == ["a", "b", "c"])
    }

    @Test func pendingIgnoresTemporaryAndForeignFiles() throws {
        try outbox.enqueue(id: "real", message: mail("real"))
        try folder.write("half", to: "_Outbox/queued/.real2.eml.1234abcd.tmp")
        try folder.write("notes", to: "_Outbox/queued/README.txt")
        #expect(outbox.pending() == ["real"])
    }

    @Test func pendingIsEmptyBeforeAnythingIsQueued() {
        #expect(outbox.pending().isEmpty)
    }

    @Test func markSentMovesTheMessageToSent() throws {
        try outbox.enqueue(id: "confirm-1", message: mail("one"))
        try outbox.markSent(id: "confirm-1")
        #expect(outbox.pending().isEmpty)
        #expect(outbox.message(id: "confirm-1") == nil)
        #expect(FileSystem.read(outbox.sentPath(id: "confirm-1")) == mail("one"))
        #expect(outbox.contains(id: "confirm-1"))
        #expect(folder.contents(of: "_Outbox/queued").isEmpty)
    }

    @Test func markSentOfAnUnknownIDThrows() {
        #expect(throws: ArchiveError.self) { try outbox.markSent(id: "never-queued") }
    }
}
