import Foundation

/// An exclusive lock on the archive: `.lock` says only one service instance runs on it; `.write-lock` is
/// held while the archive changes (a service cycle, a coordinator command), so changes never interleave.
///
/// Each is an `flock`, released by the kernel when the process ends, however it ends.
public final class ArchiveLock {
    private let fd: Int32

    /// Takes the instance lock, or throws `locked` naming the process that holds it.
    public init(archive: String) throws(ArchiveError) {
        self.fd = try Self.take(archive: archive, name: ".lock", wait: false)
    }

    /// Takes the write lock, waiting for a service cycle or another command in progress to finish.
    public static func writing(archive: String) throws(ArchiveError) -> ArchiveLock {
        ArchiveLock(fd: try take(archive: archive, name: ".write-lock", wait: true))
    }

    private init(fd: Int32) { self.fd = fd }

    private static func take(archive: String, name: String, wait: Bool) throws(ArchiveError) -> Int32 {
        try FileSystem.makeDirectory(archive)
        let path = "\(archive)/\(name)"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        while wait, flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(fd)
                throw .io(path: path, operation: "lock", errno: errno)
            }
        }
        guard wait || flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            close(fd)
            throw .locked(path: archive, holder: holder.map { "pid \($0)" } ?? "unknown process")
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        return fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
