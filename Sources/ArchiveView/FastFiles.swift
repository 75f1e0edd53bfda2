import Archive
import Foundation
import POSIX

/// Writing the derived files of the coordinators' view without a flush:
/// it is rebuilt anyway, and a crash loses nothing that matters.
enum FastFiles {
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
        do throws(SystemError) {
            let file = try FileDescriptor.open(path, .writeOnly, options: [.create, .exclusive])
            defer { file.close() }
            do throws(SystemError) { try file.writeAll(data) } catch {
                Paths.unlink(path)
                throw error
            }
        } catch {
            return error.errno == EEXIST && error.operation == "create" ? replace(data, at: path) : error.errno
        }
        return nil
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

    static func day(_ date: Date) -> String { UKCalendar.dayString(date) }

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
