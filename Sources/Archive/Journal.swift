import Foundation

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
        do { line = try Self.encoder.encode(event) } catch { throw .corrupt(path: path, detail: "\(error)") }
        line.append(0x0A)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        // After a crash mid-write the last line is torn; start a new line so this event is not glued to it.
        var last: UInt8 = 0x0A
        let size = lseek(fd, 0, SEEK_END)
        if size > 0, pread(fd, &last, 1, size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
        try FileSystem.writeAll(fd, line, path: path)
        try FileSystem.sync(fd, path: path)
    }

    /// Every event so far, oldest first; a torn last line (a crash mid-write) is skipped.
    public func events() -> [Event] {
        guard let data = FileSystem.read(path) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? Self.decoder.decode(Event.self, from: Data($0)) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
