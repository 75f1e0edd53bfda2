import Foundation
import POSIX

/// Group commit: the durable writes made inside `FileSystem.grouped { … }` reach the disk together, with
/// one `syncfs` at each commit point, instead of an `fsync` of every file and of every folder it is in.
///
/// Inside a group:
/// - a durable write goes to its temporary file, unflushed, and is given its name only at the next commit
///   point, after one flush has put the data of every such file on disk: no name ever points at data a
///   power cut could lose;
/// - a journal line waits with them, in order;
/// - a rename of something already there (a staged folder moving into place, an outbox message moving
///   to `sent/`) is a commit point: whatever was written before it is named first, so renames reach the
///   disk in the order they were made;
/// - reads see the writes still waiting (`FileSystem.read`, `exists`, `size`, `stamp`, `list`).
///
/// When `grouped` returns, everything is on disk (a last `syncfs`), as if each write had been flushed on
/// its own, so whatever the caller tells a server next is safe. A crash inside a group loses the writes
/// still waiting; the file system keeps the renames in the order they were made (ext4, XFS and Btrfs
/// journal them in order), so what a power cut leaves is the first part of what the group did, in order:
/// what the service's restart, built for a crash at any point, already finishes.
final class WriteGroup: @unchecked Sendable {
    @TaskLocal static var current: WriteGroup?

    private enum Step {
        case name(temporary: String, path: String)
        case append(path: String, line: Data)
    }

    private let lock = NSLock()
    private var steps: [Step] = []
    /// Paths waiting for their name, with the temporary file that holds their content.
    private var waiting: [String: String] = [:]
    /// Journal lines waiting, by file.
    private var appended: [String: Data] = [:]
    /// Data written outside the group's knowledge (a staged folder, a PDF) that must be on disk before
    /// the next rename makes it visible.
    private var dataUnflushed = false
    /// Names given, folders made or journal lines written since the last flush.
    private var namesUnflushed = false
    /// One folder on each file system the group wrote to, for `syncfs`.
    private var fileSystems: [UInt64: String] = [:]

    // MARK: Writes

    /// Records a temporary file, already written, that is to be named `path` at the next commit point.
    func stage(temporary: String, as path: String) {
        lock.withLock {
            if let earlier = waiting[path] { Paths.unlink(earlier) }
            steps.removeAll { if case .name(_, path) = $0 { true } else { false } }
            steps.append(.name(temporary: temporary, path: path))
            waiting[path] = temporary
            note(temporary)
        }
    }

    /// Records a journal line to append to `path` at the next commit point.
    func append(_ line: Data, to path: String) {
        lock.withLock {
            steps.append(.append(path: path, line: line))
            appended[path, default: Data()].append(line)
            note(path)
        }
    }

    /// Something was written, or a file or folder made, outside the group (`durable: false`, a child's
    /// output, a new folder): it is flushed with the rest before the next rename.
    func wrote(_ path: String) {
        lock.withLock {
            dataUnflushed = true
            note(path)
        }
    }

    /// A folder's entries changed outside the group (a folder made, a rename): flushed at the group's end.
    func renamed(_ path: String) {
        lock.withLock {
            namesUnflushed = true
            note(path)
        }
    }

    /// Renames `source` to `destination` now, after naming what waits (a commit point).
    func rename(_ source: String, to destination: String) throws(ArchiveError) {
        try commit(flushingNames: false)
        do { try Paths.rename(source, to: destination) } catch {
            Paths.unlink(source)
            throw ArchiveError(error)
        }
        lock.withLock {
            namesUnflushed = true
            note(destination)
        }
    }

    /// Drops what waits at or under `path` (it is being removed).
    func forget(_ path: String) {
        lock.withLock {
            for (name, temporary) in waiting where name == path || name.hasPrefix(path + "/") {
                Paths.unlink(temporary)
                waiting[name] = nil
                steps.removeAll { if case .name(_, name) = $0 { true } else { false } }
            }
        }
    }

    // MARK: Reads

    /// The file that holds `path`'s content now: its temporary file while it waits.
    func current(_ path: String) -> String { lock.withLock { waiting[path] } ?? path }

    /// Journal lines waiting for `path`.
    func waitingLines(_ path: String) -> Data? { lock.withLock { appended[path] } }

    /// The names waiting in `folder`.
    func waitingNames(in folder: String) -> (names: [String], temporaries: Set<String>) {
        lock.withLock {
            var names: [String] = []
            var temporaries: Set<String> = []
            for (path, temporary) in waiting {
                if (path as NSString).deletingLastPathComponent == folder {
                    names.append((path as NSString).lastPathComponent)
                }
                if (temporary as NSString).deletingLastPathComponent == folder {
                    temporaries.insert((temporary as NSString).lastPathComponent)
                }
            }
            return (names, temporaries)
        }
    }

    // MARK: Commit

    /// Names what waits, after one flush of its data; with `flushingNames`, flushes again so the names
    /// are on disk too (the end of the group).
    func commit(flushingNames: Bool) throws(ArchiveError) {
        let (taken, needsFlush): ([Step], Bool) = lock.withLock {
            let needsFlush = dataUnflushed || self.steps.contains { if case .name = $0 { true } else { false } }
            let taken = self.steps
            self.steps = []
            waiting = [:]
            appended = [:]
            dataUnflushed = false
            if !taken.isEmpty { namesUnflushed = true }
            return (taken, needsFlush)
        }
        if needsFlush { try flush() }
        FaultPoint.reached("group-data-flushed", skip: taken.isEmpty)
        for (index, step) in taken.enumerated() {
            do {
                switch step {
                case .name(let temporary, let path):
                    do throws(SystemError) { try Paths.rename(temporary, to: path) } catch {
                        // The rest are not named either: their temporary files go.
                        for case .name(let temporary, _) in taken[index...] { Paths.unlink(temporary) }
                        throw ArchiveError(error)
                    }
                case .append(let path, let line):
                    try FileSystem.appendLine(line, to: path, flush: false)
                }
            }
        }
        FaultPoint.reached("group-named", skip: taken.isEmpty)
        let flushNames = flushingNames && lock.withLock { namesUnflushed }
        if flushNames {
            try flush()
            lock.withLock { namesUnflushed = false }
        }
    }

    /// One `syncfs` of each file system written to.
    private func flush() throws(ArchiveError) {
        for folder in lock.withLock({ Array(fileSystems.values) }) {
            try FileSystem.syncFileSystemNow(containing: folder)
        }
    }

    /// Remembers the file system `path` is on (its folder, which exists).
    private func note(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        guard let device = Paths.device(folder.isEmpty ? "." : folder), fileSystems[device] == nil else { return }
        fileSystems[device] = folder.isEmpty ? "." : folder
    }
}
