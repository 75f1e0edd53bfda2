import Foundation

/// An exclusive lock on the archive, so only one service instance files into it at a time.
///
/// The lock is an `flock` on `.lock`, released by the kernel when the process ends, however it ends.
public final class ArchiveLock {
    private let fd: Int32

    /// Takes the lock or throws `locked` naming the process that holds it.
    public init(archive: String) throws(ArchiveError) {
        try FileSystem.makeDirectory(archive)
        let path = "\(archive)/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            close(fd)
            throw .locked(path: archive, holder: holder.map { "pid \($0)" } ?? "unknown process")
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
