import Foundation
import POSIX

/// Crash-safe file operations: every write goes to a temporary file, is flushed to disk, and is renamed into place.
public enum FileSystem {
    /// Runs `body` as one group commit (see `WriteGroup`): its durable writes reach the disk together,
    /// with a few `syncfs` calls instead of an `fsync` each. When it returns, or throws, everything `body`
    /// wrote is on disk. Groups do not nest: an inner call joins the outer group.
    public static func grouped<Result>(_ body: () throws -> Result) throws -> Result {
        if WriteGroup.current != nil || flushEachFile { return try body() }
        let group = WriteGroup()
        let result: Result
        do {
            result = try WriteGroup.$current.withValue(group) { try body() }
        } catch {
            // What was written before the failure is kept, as it would be without the group.
            try? group.commit(flushingNames: true)
            throw error
        }
        try group.commit(flushingNames: true)
        FaultPoint.reached("group-done")
        return result
    }

    /// `TCREVIEW_FLUSH_EACH_FILE=1` turns group commit off (every write flushed on its own, as before it):
    /// the benchmark's baseline for it, measured in the same run.
    static let flushEachFile = ProcessInfo.processInfo.environment["TCREVIEW_FLUSH_EACH_FILE"] == "1"

    /// Writes `data` to `path` atomically: temp file, fsync, rename, fsync of the folder (in a group: the
    /// temporary file is named at the group's next commit point, see `WriteGroup`).
    ///
    /// - Parameter durable: false for derived files that are rebuilt anyway (an index): still atomic for
    ///   readers, but not flushed to disk.
    /// - Parameter permissions: the new file's mode (0o600 for a secret).
    public static func writeAtomically(
        _ data: Data, to path: String, durable: Bool = true, permissions: UInt32 = 0o644
    ) throws(ArchiveError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let group = durable ? WriteGroup.current : nil
        do throws(SystemError) {
            let file = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusive], permissions: permissions)
            defer { file.close() }
            do throws(SystemError) {
                try file.writeAll(data)
                if durable, group == nil { try file.sync() }
            } catch {
                Paths.unlink(temporary)
                throw error
            }
        } catch { throw ArchiveError(error) }
        if let group {
            group.stage(temporary: temporary, as: path)
        } else if durable {
            try Self.rename(temporary, to: path)
        } else {
            try replaceUnflushed(path, with: temporary)
        }
    }

    /// Gives a derived file's new content (written to `temporary`) its name. Where a file is there already
    /// the two are swapped in one step and the old one removed: readers see the old or the new whole, as
    /// with a rename, but ext4 does not flush the new file first (as it does for a rename over a file),
    /// which a derived file does not need and which can take milliseconds a file.
    private static func replaceUnflushed(_ path: String, with temporary: String) throws(ArchiveError) {
        do throws(SystemError) {
            do {
                try Paths.exchange(temporary, path)
            } catch {
                // Nothing to swap with (a new file), or a file system without the call: a rename.
                guard [ENOENT, EINVAL, ENOSYS].contains(error.errno) else { throw error }
                try Paths.rename(temporary, to: path)
                return
            }
            Paths.unlink(temporary)
        } catch {
            Paths.unlink(temporary)
            throw ArchiveError(error)
        }
    }

    /// Appends one line to a JSON Lines file with a single `write` (`O_APPEND`), so lines never interleave
    /// or tear, then flushes it (in a group: at the group's next commit point). After a crash mid-write the
    /// last line is torn; the new line then starts on a line of its own.
    public static func appendLine(_ line: Data, to path: String, flush: Bool = true) throws(ArchiveError) {
        if flush, let group = WriteGroup.current {
            group.append(line, to: path)
            return
        }
        do throws(SystemError) {
            let file = try FileDescriptor.open(path, .readWrite, options: [.append, .create])
            defer { file.close() }
            var line = line
            if let last = file.lastByte(), last != 0x0A { line.insert(0x0A, at: 0) }
            try file.writeAll(line)
            if flush { try file.sync() }
        } catch { throw ArchiveError(error) }
    }

    /// Writes `data` to `path` only if nothing is there yet, whole or not at all (a flushed temporary file
    /// given its final name by `link`, which fails if the name exists); false when a file was there.
    public static func createExclusively(_ data: Data, at path: String, permissions: UInt32 = 0o644)
        throws(ArchiveError)
        -> Bool
    {
        // In a group, what was written before is named first; this file is flushed on its own (it is rare).
        try WriteGroup.current?.commit(flushingNames: false)
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        defer { Paths.unlink(temporary) }
        do throws(SystemError) {
            let file = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusive], permissions: permissions)
            defer { file.close() }
            try file.writeAll(data)
            try file.sync()
        } catch { throw ArchiveError(error) }
        do throws(SystemError) {
            try Paths.link(temporary, to: path)
        } catch {
            if error.errno == EEXIST { return false }
            throw ArchiveError(error)
        }
        try syncDirectory(directory)
        return true
    }

    /// Renames `source` to `destination` (same filesystem), then syncs the destination's folder.
    /// In a group it is a commit point: what was written before is flushed and named first, and the
    /// rename reaches the disk with the group's last flush.
    public static func rename(_ source: String, to destination: String) throws(ArchiveError) {
        if let group = WriteGroup.current { return try group.rename(source, to: destination) }
        do { try Paths.rename(source, to: destination) } catch {
            Paths.unlink(source)
            throw ArchiveError(error)
        }
        try syncDirectory((destination as NSString).deletingLastPathComponent)
    }

    /// Flushes a file's data to disk (in a group: before the group's next rename, with the rest).
    public static func syncFile(_ path: String) throws(ArchiveError) {
        if let group = WriteGroup.current { return group.wrote(path) }
        try sync(path, options: [])
    }

    /// Flushes a folder's entries (new names, renames) to disk (in a group: with the rest).
    public static func syncDirectory(_ path: String) throws(ArchiveError) {
        if let group = WriteGroup.current { return group.renamed(path + "/.") }
        try sync(path, options: .directory)
    }

    /// Flushes, in one call, everything written so far to the file system `path` is on: a folder staged
    /// file by file without flushing is then on disk whole, ready to be renamed into place.
    /// In a group, the flush is the group's, before its next rename.
    public static func syncFileSystem(containing path: String) throws(ArchiveError) {
        if let group = WriteGroup.current { return group.wrote(path + "/.") }
        try syncFileSystemNow(containing: path)
    }

    /// `syncFileSystem`, now, in a group too: the group's own flush.
    static func syncFileSystemNow(containing path: String) throws(ArchiveError) {
        do throws(SystemError) {
            let folder = try FileDescriptor.open(path, .readOnly, options: .directory)
            defer { folder.close() }
            try folder.syncFileSystem()
        } catch { throw ArchiveError(error) }
    }

    private static func sync(_ path: String, options: FileDescriptor.Options) throws(ArchiveError) {
        do throws(SystemError) {
            let file = try FileDescriptor.open(path, .readOnly, options: options)
            defer { file.close() }
            try file.sync()
        } catch { throw ArchiveError(error) }
    }

    /// Creates a folder and any missing parents, syncing each parent that gained an entry.
    public static func makeDirectory(_ path: String) throws(ArchiveError) {
        if Paths.isDirectory(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty { try makeDirectory(parent) }
        do { try Paths.makeDirectory(path) } catch { throw ArchiveError(error) }
        try syncDirectory(parent.isEmpty ? "." : parent)
    }

    // Reads see a group's writes that wait for their name.

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool { Paths.exists(current(path)) }

    /// The size of a file in bytes, or nil when there is none.
    public static func size(_ path: String) -> Int? {
        guard let size = Paths.size(current(path)) else { return WriteGroup.current?.waitingLines(path)?.count }
        return size + (WriteGroup.current?.waitingLines(path)?.count ?? 0)
    }

    /// `size.mtime` of a file, or `-` when it is missing: it changes whenever the file is rewritten.
    public static func stamp(_ path: String) -> String {
        Paths.stamp(current(path)).map { "\($0.size).\($0.modified)" } ?? "-"
    }

    /// Reads a whole small file.
    public static func read(_ path: String) -> Data? {
        guard let lines = WriteGroup.current?.waitingLines(path) else { return Paths.read(current(path)) }
        return (Paths.read(path) ?? Data()) + lines
    }

    /// The names in a folder, sorted; empty when it does not exist.
    public static func list(_ path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard let waiting = WriteGroup.current?.waitingNames(in: path) else { return names.sorted() }
        return Set(names.filter { !waiting.temporaries.contains($0) } + waiting.names).sorted()
    }

    /// Removes a file or a folder tree; missing is fine.
    public static func remove(_ path: String) {
        WriteGroup.current?.forget(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The file holding `path`'s content: in a group, the temporary file of a write waiting for its name.
    private static func current(_ path: String) -> String { WriteGroup.current?.current(path) ?? path }
}

extension ArchiveError {
    /// A failed system call, as the archive reports it.
    public init(_ error: SystemError) {
        self = .io(path: error.path, operation: error.operation, errno: error.errno)
    }
}
