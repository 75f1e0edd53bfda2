import Foundation

/// Crash-safe file operations: every write goes to a temporary file, is flushed to disk, and is renamed into place.
public enum FileSystem {
    /// Writes `data` to `path` atomically: temp file, fsync, rename, fsync of the folder.
    ///
    /// - Parameter durable: false for derived files that are rebuilt anyway (an index): still atomic for
    ///   readers, but not flushed to disk.
    public static func writeAtomically(_ data: Data, to path: String, durable: Bool = true) throws(ArchiveError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory)/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: temporary, operation: "create", errno: errno) }
        do {
            try writeAll(fd, data, path: temporary)
            if durable { try sync(fd, path: temporary) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        if durable {
            try rename(temporary, to: path)
        } else if Foundation.rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .io(path: path, operation: "rename into", errno: code)
        }
    }

    /// Renames `source` to `destination` (same filesystem), then syncs the destination's folder.
    public static func rename(_ source: String, to destination: String) throws(ArchiveError) {
        guard Foundation.rename(source, destination) == 0 else {
            let code = errno
            unlink(source)
            throw .io(path: destination, operation: "rename into", errno: code)
        }
        try syncDirectory((destination as NSString).deletingLastPathComponent)
    }

    /// Flushes a file's data to disk.
    public static func syncFile(_ path: String) throws(ArchiveError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        try sync(fd, path: path)
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    public static func syncDirectory(_ path: String) throws(ArchiveError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open folder", errno: errno) }
        defer { close(fd) }
        try sync(fd, path: path)
    }

    /// Creates a folder and any missing parents, syncing each parent that gained an entry.
    public static func makeDirectory(_ path: String) throws(ArchiveError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw .io(path: path, operation: "create folder", errno: errno) }
        try syncDirectory(parent.isEmpty ? "." : parent)
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Reads a whole small file.
    public static func read(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// The names in a folder, sorted; empty when it does not exist.
    public static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Removes a file or a folder tree; missing is fine.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes all of `data` to an open file, retrying interrupted and partial writes.
    public static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(ArchiveError) {
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .io(path: path, operation: "write", errno: failure) }
    }

    static func sync(_ fd: Int32, path: String) throws(ArchiveError) {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw .io(path: path, operation: "flush", errno: errno)
        }
    }
}
