import Archive
import Foundation
import Hashing
import Review

/// A review token's public stand-in: the same for the same token, but not the token. Outbox ids, log
/// lines and the journal carry it; the token itself (which lets a reply be accepted) appears only in
/// the emails.
enum TokenTag {
    static func of(_ token: String) -> String {
        String(SHA256.hex(of: Data("tcreview-token-tag:\(token)".utf8)).prefix(12))
    }
}

extension AssignmentRecord {
    /// The token's public stand-in, for outbox ids and log lines.
    public var tag: String { TokenTag.of(token) }
}
