import Foundation

/// The `flock` locks on a file as the kernel lists them in `/proc/locks`: looked at, never touched, so a
/// test can see that a process holds a lock, or is blocked waiting for one, without getting in its way.
public enum KernelLocks {
    /// The processes holding a lock on `path`.
    public static func holders(of path: String) -> [Int32] { locks(path, waiting: false) }

    /// The processes blocked waiting for a lock on `path`.
    public static func waiters(for path: String) -> [Int32] { locks(path, waiting: true) }

    private static func locks(_ path: String, waiting: Bool) -> [Int32] {
        var info = stat()
        guard stat(path, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return [] }
        // `1: FLOCK  ADVISORY  WRITE 4321 00:2f:1234 0 EOF`, and a waiter as `1: -> FLOCK  ADVISORY …`.
        return table.split(separator: "\n").compactMap { line in
            var fields = line.split(separator: " ").dropFirst()
            let isWaiter = fields.first == "->"
            if isWaiter { fields = fields.dropFirst() }
            let words = Array(fields)
            guard isWaiter == waiting, words.count > 4, words[0] == "FLOCK", words[4].hasSuffix(":\(info.st_ino)")
            else { return nil }
            return Int32(words[3])
        }
    }
}
