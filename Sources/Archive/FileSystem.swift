import Foundation
import POSIX

/// Crash-safe file operations: every write goes to a temporary file, is flushed to disk, and is renamed into place.
public enum FileSystem {
    /// Writes `data` to `path` atomically: temp file, fsync, rename, fsync of the folder.
    ///
    /// - Parameter durable: false for derived files that are rebuilt anyway (an index): still atomic for
    ///   readers, but not flushed to disk.
    /// - Parameter permissions: the new file's mode (0o600 for a secret).
    public static func writeAtomically(
        _ data: Data, to path: String, durable: Bool = true, permissions: UInt32 = 0o644
    ) throws(ArchiveError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        do throws(SystemError) {
            let file = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusive], permissions: permissions)
            defer { file.close() }
            do throws(SystemError) {
                try file.writeAll(data)
                if durable { try file.sync() }
            } catch {
                Paths.unlink(temporary)
                throw error
            }
        } catch { throw ArchiveError(error) }
        if durable {
            try Self.rename(temporary, to: path)
        } else {
            do { try Paths.rename(temporary, to: path) } catch {
                Paths.unlink(temporary)
                throw ArchiveError(error)
            }
        }
    }

    /// Writes `data` to `path` only if nothing is there yet, whole or not at all (a flushed temporary file
    /// given its final name by `link`, which fails if the name exists); false when a file was there.
    public static func createExclusively(_ data: Data, at path: String, permissions: UInt32 = 0o644)
        throws(ArchiveError)
        -> Bool
    {
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
    public static func rename(_ source: String, to destination: String) throws(ArchiveError) {
        do { try Paths.rename(source, to: destination) } catch {
            Paths.unlink(source)
            throw ArchiveError(error)
        }
        try syncDirectory((destination as NSString).deletingLastPathComponent)
    }

    /// Flushes a file's data to disk.
    public static func syncFile(_ path: String) throws(ArchiveError) {
        try sync(path, options: [])
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    public static func syncDirectory(_ path: String) throws(ArchiveError) {
        try sync(path, options: .directory)
    }

    /// Flushes, in one call, everything written so far to the file system `path` is on: a folder staged
    /// file by file without flushing is then on disk whole, ready to be renamed into place.
    public static func syncFileSystem(containing path: String) throws(ArchiveError) {
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

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool { Paths.exists(path) }

    /// The size of a file in bytes, or nil when there is none.
    public static func size(_ path: String) -> Int? { Paths.size(path) }

    /// `size.mtime` of a file, or `-` when it is missing: it changes whenever the file is rewritten.
    public static func stamp(_ path: String) -> String {
        Paths.stamp(path).map { "\($0.size).\($0.modified)" } ?? "-"
    }

    /// Reads a whole small file.
    public static func read(_ path: String) -> Data? { Paths.read(path) }

    /// The names in a folder, sorted; empty when it does not exist.
    public static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Removes a file or a folder tree; missing is fine.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension ArchiveError {
    /// A failed system call, as the archive reports it.
    public init(_ error: SystemError) {
        self = .io(path: error.path, operation: error.operation, errno: error.errno)
    }
}
