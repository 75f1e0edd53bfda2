internal import CPOSIXShims
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Calls on paths: renames, removals, folders, and the fast listing and reading the archive's scanner
/// needs over tens of thousands of folders.
public enum Paths {
    /// Renames `source` to `destination`, replacing it (one file system).
    public static func rename(_ source: String, to destination: String) throws(SystemError) {
        guard retryingInterrupts({ Glibc.rename(source, destination) }) == 0 else {
            throw SystemError("rename into", path: destination, errno: errno)
        }
    }

    /// Removes a file; missing is fine.
    public static func unlink(_ path: String) { _ = Glibc.unlink(path) }

    /// Gives the file at `source` a second name, `destination`, which must not exist yet: an atomic
    /// create-if-absent. Throws `EEXIST` when it does.
    public static func link(_ source: String, to destination: String) throws(SystemError) {
        guard Glibc.link(source, destination) == 0 else { throw SystemError("link", path: destination, errno: errno) }
    }

    /// Creates one folder; one that exists already is fine.
    public static func makeDirectory(_ path: String, permissions: UInt32 = 0o755) throws(SystemError) {
        guard mkdir(path, permissions) == 0 || errno == EEXIST else {
            throw SystemError("create folder", path: path, errno: errno)
        }
    }

    /// Whether something (even a dangling link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a folder (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The size of the file at `path`, or nil when there is none.
    public static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Swaps the files at two existing paths in one step (`renameat2` with `RENAME_EXCHANGE`).
    public static func exchange(_ first: String, _ second: String) throws(SystemError) {
        guard tc_rename_exchange(first, second) == 0 else {
            throw SystemError("swap", path: "\(first) and \(second)", errno: errno)
        }
    }

    /// The device (file system) `path` is on, or nil when there is nothing there.
    public static func device(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_dev) : nil
    }

    /// Writes `data` to a new file at `path` (replacing one there), without flushing it: for a child's
    /// output, which whoever files it makes durable with the rest.
    public static func create(_ data: Data, at path: String) throws(SystemError) {
        let file = try FileDescriptor.open(path, .writeOnly, options: [.create, .truncate])
        defer { file.close() }
        try file.writeAll(data)
    }

    /// One name in a folder.
    public struct Entry: Sendable {
        public var name: String
        public var isDirectory: Bool
    }

    /// A file's size and modification time (nanoseconds), which change when it is rewritten; nil when it is
    /// missing. Cheap (one `stat`), for telling whether a derived result is still current.
    public static func stamp(_ path: String) -> (size: Int, modified: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    /// The entries of a folder (without `.` and `..`), unsorted; empty when it cannot be read.
    public static func entries(_ path: String) -> [Entry] {
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
                isDirectory = Self.isDirectory("\(path)/\(name)")
            }
            result.append(Entry(name: name, isDirectory: isDirectory))
        }
        return result
    }

    /// A whole (small) file, or nil when it cannot be read: one open, one size, as few reads as it takes.
    public static func read(_ path: String) -> Data? {
        guard let file = try? FileDescriptor.open(path, .readOnly) else { return nil }
        defer { file.close() }
        return try? file.readAll()
    }
}

/// The process's own streams.
public enum StandardStreams {
    /// Writes `text` to standard error (or output), all of it.
    public static func write(_ text: String, toError: Bool = true) {
        try? FileDescriptor(rawValue: toError ? 2 : 1, path: toError ? "standard error" : "standard output")
            .writeAll(Data(text.utf8))
    }

    public static func write(_ data: Data, toError: Bool = false) {
        try? FileDescriptor(rawValue: toError ? 2 : 1, path: toError ? "standard error" : "standard output")
            .writeAll(data)
    }
}

/// Signals the process takes charge of.
public enum Signals {
    /// Stops `number`'s default action (ending the process), for a handler that watches it instead.
    public static func ignore(_ number: Int32) { _ = signal(number, SIG_IGN) }

    /// Ends this process at once with SIGKILL, as a crash would: nothing more runs, nothing is flushed.
    public static func killSelf() { _ = kill(getpid(), SIGKILL) }
}
