import Foundation
import POSIX

/// The archive's event log: one JSON object a line in `journal.jsonl`, appended and flushed per event.
public struct Journal: Sendable {
    public let path: String

    public init(archive: String) { self.path = "\(archive)/journal.jsonl" }

    /// One event: what happened, to which submission or message, when.
    public struct Event: Codable, Sendable, Equatable {
        public var time: Date
        public var event: String
        public var reference: String?
        public var detail: [String: String]

        public init(time: Date = Date(), event: String, reference: String? = nil, detail: [String: String] = [:]) {
            self.time = time
            self.event = event
            self.reference = reference
            self.detail = detail
        }
    }

    /// Appends one event; a single `write` with `O_APPEND`, then fsync, so lines never interleave or tear.
    public func append(_ event: Event) throws(ArchiveError) {
        var line: Data
        do { line = try JSONFiles.lineEncoder.encode(event) } catch { throw .corrupt(path: path, detail: "\(error)") }
        line.append(0x0A)
        do throws(SystemError) {
            let file = try FileDescriptor.open(path, .readWrite, options: [.append, .create])
            defer { file.close() }
            // After a crash mid-write the last line is torn; start a new line so this event is not glued to it.
            if let last = file.lastByte(), last != 0x0A { line.insert(0x0A, at: 0) }
            try file.writeAll(line)
            try file.sync()
        } catch { throw ArchiveError(error) }
    }

    /// Every event so far, oldest first; a torn last line (a crash mid-write) is skipped.
    public func events() -> [Event] {
        guard let data = FileSystem.read(path) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONFiles.decoder.decode(Event.self, from: Data($0)) }
    }
}
