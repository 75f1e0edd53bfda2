import Foundation
import POSIX

/// An exclusive lock on the archive: `.lock` says only one service instance runs on it; `.write-lock` is
/// held while the archive changes (a service cycle, a coordinator command), so changes never interleave.
///
/// Each is an `flock`, released by the kernel when the process ends, however it ends.
public final class ArchiveLock {
    private let file: FileDescriptor

    /// Takes the instance lock, or throws `locked` naming the process that holds it.
    public init(archive: String) throws(ArchiveError) {
        self.file = try Self.take(archive: archive, name: ".lock", wait: false)
    }

    /// Takes the write lock, waiting for a service cycle or another command in progress to finish.
    public static func writing(archive: String) throws(ArchiveError) -> ArchiveLock {
        ArchiveLock(file: try take(archive: archive, name: ".write-lock", wait: true))
    }

    private init(file: FileDescriptor) { self.file = file }

    private static func take(archive: String, name: String, wait: Bool) throws(ArchiveError) -> FileDescriptor {
        try FileSystem.makeDirectory(archive)
        let path = "\(archive)/\(name)"
        let file: FileDescriptor
        do throws(SystemError) { file = try FileDescriptor.open(path, .readWrite, options: .create) } catch {
            throw ArchiveError(error)
        }
        do throws(SystemError) { try file.lock(wait: wait) } catch {
            file.close()
            guard !wait, error.errno == EWOULDBLOCK else { throw ArchiveError(error) }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw .locked(path: archive, holder: holder.map { "pid \($0)" } ?? "unknown process")
        }
        try? file.truncate()
        try? file.writeAll(Data("\(ProcessInfo.processInfo.processIdentifier)\n".utf8))
        return file
    }

    deinit {
        file.unlock()
        file.close()
    }
}
