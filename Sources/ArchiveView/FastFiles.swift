import Archive
import Foundation
import Review

/// Plain POSIX directory listing and file reading, without Foundation's per-entry overhead: the scanner walks
/// tens of thousands of folders.
enum FastFiles {
    struct Entry {
        var name: String
        var isDirectory: Bool
    }

    /// The entries of a folder (without `.` and `..`), unsorted; empty when it cannot be read.
    static func entries(_ path: String) -> [Entry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            var isDirectory = type == 4  // DT_DIR
            if type == 0 || type == 10 {  // DT_UNKNOWN, DT_LNK: ask the file system, following links
                var info = stat()
                isDirectory = stat("\(path)/\(name)", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append(Entry(name: name, isDirectory: isDirectory))
        }
        return result
    }

    /// A whole (small) file, or nil when it cannot be read.
    static func read(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + count, capacity - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        return Data(bytes[0..<count])
    }

    /// Writes a derived file by temp file and rename, without flushing to disk: readers never see a half-written
    /// file, and the next rebuild rewrites it should a crash lose it. Returns the error number on failure.
    static func replace(_ data: Data, at path: String) -> Int32? {
        do { try FileSystem.writeAtomically(data, to: path, durable: false) } catch {
            if case .io(_, _, let code) = error { return code }
            return EIO
        }
        return nil
    }

    /// Writes a file that does not exist yet, without flushing; when it turns out to exist, replaces it by rename.
    /// Returns the error number on failure.
    static func createNew(_ data: Data, at path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno == EEXIST ? replace(data, at: path) : errno }
        defer { close(fd) }
        do { try FileSystem.writeAll(fd, data, path: path) } catch {
            unlink(path)
            if case .io(_, _, let code) = error { return code }
            return EIO
        }
        return nil
    }

    /// Writes a new file quickly (no flush), creating nothing else; for the synthetic benchmark archive.
    static func create(_ data: Data, at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }
}

/// London calendar days and times as text, cached per hour: the views format the same few dates many times.
struct LondonFormat {
    private var days: [Int: String] = [:]

    /// `2024-07-31`.
    mutating func day(_ date: Date) -> String {
        let hour = Int((date.timeIntervalSince1970 / 3600).rounded(.down))
        if let known = days[hour] { return known }
        let text = Self.day(date)
        days[hour] = text
        return text
    }

    static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `2024-07-31 14:05` London time.
    static func minute(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// `2024-07-31 14:05:09` London time.
    static func second(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    static var calendar: Calendar { UKCalendar.calendar }
}
