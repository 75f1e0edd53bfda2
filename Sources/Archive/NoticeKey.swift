import Foundation
import Hashing

/// The archive's secret for coordinator notices: each notice carries a token made from it, and a reply
/// is obeyed as a command only when it names a token this key made for that very notice.
///
/// Kept in `_State/notice-key` (64 hex digits, readable by the service's user only), created on first use.
/// The token of a notice is fixed by its reference and kind, so a notice queued again after a crash
/// carries the same token.
public final class NoticeKey: @unchecked Sendable {
    public static let fileName = "notice-key"
    private let path: String
    private let lock = NSLock()
    private var secret: String?

    public init(archive: String) { self.path = "\(archive)/_State/\(Self.fileName)" }

    /// The token of the notice with this reference and kind; nil when the key cannot be read or made
    /// (a read-only archive): the notice then takes no replies.
    public func token(reference: String, kind: String) -> String? {
        guard let secret = loadOrCreate() else { return nil }
        return String(SHA256.hex(of: Data("\(secret)\n\(reference)\n\(kind)".utf8)).prefix(24))
    }

    /// Whether `token` is the one this key makes for the notice; compared in constant time.
    public func verifies(_ token: String, reference: String, kind: String) -> Bool {
        guard let expected = self.token(reference: reference, kind: kind), token.utf8.count == expected.utf8.count
        else { return false }
        return zip(token.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func loadOrCreate() -> String? {
        lock.withLock {
            if let secret { return secret }
            // Made only where there is none: a key that cannot be read (another user, a damaged disk) is never
            // replaced, or every notice already sent would stop being answerable.
            if !FileSystem.exists(path) {
                var generator = SystemRandomNumberGenerator()
                let made = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
                    .joined()
                do {
                    try FileSystem.makeDirectory((path as NSString).deletingLastPathComponent)
                    // Two processes making it at once: one wins, and both read the winner's.
                    _ = try FileSystem.createExclusively(Data((made + "\n").utf8), at: path, permissions: 0o600)
                } catch {
                    return nil
                }
            }
            guard let data = FileSystem.read(path), let text = String(data: data, encoding: .utf8),
                case let key = text.trimmingCharacters(in: .whitespacesAndNewlines), key.count == 64
            else { return nil }
            secret = key
            return key
        }
    }
}
