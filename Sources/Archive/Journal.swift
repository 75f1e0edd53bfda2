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

    /// Appends one event as one line (`FileSystem.appendLine`: a single write, flushed).
    public func append(_ event: Event) throws(ArchiveError) {
        var line: Data
        do { line = try JSONFiles.lineEncoder.encode(event) } catch { throw .corrupt(path: path, detail: "\(error)") }
        line.append(0x0A)
        try FileSystem.appendLine(line, to: path)
    }

    /// Every event so far, oldest first; a torn last line (a crash mid-write) is skipped.
    public func events() -> [Event] {
        guard let data = FileSystem.read(path) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONFiles.decoder.decode(Event.self, from: Data($0)) }
    }

    /// Where each event written after the first `offset` bytes starts, by the reference it names, and the
    /// journal's length now. Only that tail is read. Nil when the journal is shorter than `offset` (it was
    /// replaced): the caller starts again from the beginning.
    public func lines(after offset: Int) -> (starts: [String: [Int]], length: Int)? {
        let tail: Data
        do throws(SystemError) {
            let file = try FileDescriptor.open(path, .readOnly)
            defer { file.close() }
            guard try file.size() >= offset else { return nil }
            tail = try file.readAll(from: offset)
        } catch {
            return error.errno == ENOENT && offset == 0 ? ([:], 0) : nil
        }
        var starts: [String: [Int]] = [:]
        var lineStart = tail.startIndex
        while lineStart < tail.endIndex {
            let end = tail[lineStart...].firstIndex(of: 0x0A) ?? tail.endIndex
            // Only whole lines: a line still being written is read next time.
            guard end < tail.endIndex else { return (starts, offset + (lineStart - tail.startIndex)) }
            if let reference = Self.reference(in: tail[lineStart..<end]) {
                starts[reference, default: []].append(offset + (lineStart - tail.startIndex))
            }
            lineStart = end + 1
        }
        return (starts, offset + tail.count)
    }

    /// The events whose lines start at `starts` (from `lines(after:)`), in that order; a line that cannot be
    /// read is left out.
    public func events(at starts: [Int]) -> [Event] {
        guard !starts.isEmpty, let file = try? FileDescriptor.open(path, .readOnly) else { return [] }
        defer { file.close() }
        return starts.compactMap { start in
            // A journal line is a few hundred bytes: one small read, a larger one for a long line.
            var count = 1 << 10
            while true {
                guard let chunk = try? file.read(at: start, count: count) else { return nil }
                if let end = chunk.firstIndex(of: 0x0A) {
                    return try? JSONFiles.decoder.decode(Event.self, from: Data(chunk[..<end]))
                }
                guard chunk.count == count, count < 1 << 20 else {
                    return try? JSONFiles.decoder.decode(Event.self, from: chunk)
                }
                count *= 8
            }
        }
    }

    private static let referenceMarker = Array(#""reference":""#.utf8)

    /// The value of a line's `"reference"` field, read without decoding the line (references hold no quotes).
    static func reference(in line: Data.SubSequence) -> String? {
        let bytes = line
        guard let first = referenceMarker.first else { return nil }
        var index = bytes.startIndex
        while let at = bytes[index...].firstIndex(of: first) {
            let end = at + referenceMarker.count
            if end <= bytes.endIndex, bytes[at..<end].elementsEqual(referenceMarker) {
                guard let close = bytes[end...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: bytes[end..<close], as: UTF8.self)
            }
            index = at + 1
        }
        return nil
    }
}
