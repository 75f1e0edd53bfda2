internal import CPOSIXShims
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// An open file, as the kernel numbers it: the calls the archive makes on one, each retrying `EINTR` and
/// throwing `SystemError`. Close it when done; nothing closes it for you.
public struct FileDescriptor: Sendable {
    public let rawValue: Int32
    /// The path it was opened with, for errors.
    public let path: String

    public struct Options: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let create = Options(rawValue: O_CREAT)
        /// With `create`: fail when the file exists.
        public static let exclusive = Options(rawValue: O_EXCL)
        public static let truncate = Options(rawValue: O_TRUNC)
        public static let append = Options(rawValue: O_APPEND)
        public static let directory = Options(rawValue: O_DIRECTORY)
    }

    public enum Access: Sendable {
        case readOnly, writeOnly, readWrite
        var flags: Int32 {
            switch self {
            case .readOnly: O_RDONLY
            case .writeOnly: O_WRONLY
            case .readWrite: O_RDWR
            }
        }
    }

    /// Opens `path` (never inherited by a child process).
    public static func open(
        _ path: String, _ access: Access, options: Options = [], permissions: UInt32 = 0o644
    ) throws(SystemError) -> FileDescriptor {
        let fd = retryingInterrupts { Glibc.open(path, access.flags | options.rawValue | O_CLOEXEC, permissions) }
        guard fd >= 0 else {
            throw SystemError(options.contains(.create) ? "create" : "open", path: path, errno: errno)
        }
        return FileDescriptor(rawValue: fd, path: path)
    }

    public init(rawValue: Int32, path: String) {
        self.rawValue = rawValue
        self.path = path
    }

    public func close() { _ = Glibc.close(rawValue) }

    /// Writes all of `data`, however many calls the kernel needs.
    public func writeAll(_ data: Data) throws(SystemError) {
        var failure: Int32?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = retryingInterrupts {
                    Glibc.write(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
                }
                guard written >= 0 else {
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if let failure { throw SystemError("write", path: path, errno: failure) }
    }

    /// Reads from byte `offset` to the end of the file (`pread`, so the file's position does not move).
    public func readAll(from offset: Int) throws(SystemError) -> Data {
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var position = offset
        while true {
            let count = retryingInterrupts {
                buffer.withUnsafeMutableBytes { pread(rawValue, $0.baseAddress, $0.count, off_t(position)) }
            }
            guard count >= 0 else { throw SystemError("read", path: path, errno: errno) }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
            position += count
        }
    }

    /// Reads up to `count` bytes from byte `offset` (`pread`): fewer at the end of the file.
    public func read(at offset: Int, count: Int) throws(SystemError) -> Data {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = retryingInterrupts {
                buffer.withUnsafeMutableBytes {
                    pread(rawValue, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
                }
            }
            guard got >= 0 else { throw SystemError("read", path: path, errno: errno) }
            if got == 0 { break }
            filled += got
        }
        return Data(buffer[0..<filled])
    }

    /// Reads to the end of the file.
    public func readAll() throws(SystemError) -> Data {
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = retryingInterrupts {
                buffer.withUnsafeMutableBytes { Glibc.read(rawValue, $0.baseAddress, $0.count) }
            }
            guard count >= 0 else { throw SystemError("read", path: path, errno: errno) }
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
        }
    }

    /// Flushes the file's data (and, for a folder, its entries) to the disk.
    public func sync() throws(SystemError) {
        guard retryingInterrupts({ fsync(rawValue) }) == 0 else { throw SystemError("flush", path: path, errno: errno) }
    }

    /// Flushes everything written to the file system this file is on (every file's data and every folder's
    /// entries) in one call: what group commit needs before a rename makes a set of files visible.
    public func syncFileSystem() throws(SystemError) {
        guard retryingInterrupts({ tc_syncfs(rawValue) }) == 0 else {
            throw SystemError("flush the file system of", path: path, errno: errno)
        }
    }

    /// The file's size in bytes.
    public func size() throws(SystemError) -> Int {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw SystemError("read the size of", path: path, errno: errno) }
        return Int(info.st_size)
    }

    /// The last byte of the file, or nil when it is empty.
    public func lastByte() -> UInt8? {
        var byte: UInt8 = 0
        guard let size = try? size(), size > 0, retryingInterrupts({ pread(rawValue, &byte, 1, off_t(size - 1)) }) == 1
        else { return nil }
        return byte
    }

    /// Cuts the file to `length` bytes.
    public func truncate(to length: Int = 0) throws(SystemError) {
        guard retryingInterrupts({ ftruncate(rawValue, off_t(length)) }) == 0 else {
            throw SystemError("truncate", path: path, errno: errno)
        }
    }

    /// Takes an exclusive `flock` on the file: waiting for it, or failing with `EWOULDBLOCK` at once.
    /// The kernel releases it when the file is closed, however the process ends.
    public func lock(wait: Bool) throws(SystemError) {
        guard retryingInterrupts({ flock(rawValue, wait ? LOCK_EX : LOCK_EX | LOCK_NB) }) == 0 else {
            throw SystemError("lock", path: path, errno: errno)
        }
    }

    public func unlock() { _ = flock(rawValue, LOCK_UN) }
}
