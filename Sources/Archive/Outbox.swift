import Foundation

/// The durable queue of outgoing mail: a message is a file in `queued/` until the server accepts it,
/// then it moves to `sent/`. An id is used once, so queuing the same notice twice sends it once.
public struct Outbox: Sendable {
    public let queued: String
    public let sent: String
    /// Messages the server refused for good; a coordinator may fix the address and resend.
    public let failed: String

    public init(archive: String) {
        self.queued = "\(archive)/_Outbox/queued"
        self.sent = "\(archive)/_Outbox/sent"
        self.failed = "\(archive)/_Outbox/failed"
    }

    /// Queues a message under `id` (a safe file name); returns false when that id was queued or sent before.
    @discardableResult
    public func enqueue(id: String, message: Data) throws(ArchiveError) -> Bool {
        if contains(id: id) { return false }
        try FileSystem.makeDirectory(queued)
        try FileSystem.writeAtomically(message, to: path(queued, id))
        return true
    }

    /// Whether `id` was ever queued.
    public func contains(id: String) -> Bool {
        FileSystem.exists(path(queued, id)) || FileSystem.exists(path(sent, id)) || FileSystem.exists(path(failed, id))
    }

    /// The ids waiting to be sent, oldest first.
    public func pending() -> [String] {
        let names = FileSystem.list(queued).filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
        let dated = names.map { name -> (String, Date) in
            let attributes = try? FileManager.default.attributesOfItem(atPath: "\(queued)/\(name)")
            return (String(name.dropLast(4)), (attributes?[.modificationDate] as? Date) ?? .distantPast)
        }
        return dated.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The bytes of a queued message.
    public func message(id: String) -> Data? { FileSystem.read(path(queued, id)) }

    /// Records that the server accepted the message.
    public func markSent(id: String) throws(ArchiveError) {
        try FileSystem.makeDirectory(sent)
        try FileSystem.rename(path(queued, id), to: path(sent, id))
    }

    /// Records that the server refused the message for good: it leaves the queue for `failed/`.
    public func markFailed(id: String) throws(ArchiveError) {
        try FileSystem.makeDirectory(failed)
        try FileSystem.rename(path(queued, id), to: path(failed, id))
    }

    /// Where a sent message is kept.
    public func sentPath(id: String) -> String { path(sent, id) }

    private func path(_ folder: String, _ id: String) -> String { "\(folder)/\(id).eml" }
}
