import Foundation
import Hashing

extension SubmissionRecord.File {
    /// How a file in a submission folder compares with what `submission.json` recorded of it.
    public enum Check: Equatable, Sendable {
        case matches
        case missing
        case unreadable
        /// Another size: `(found, recorded)`.
        case changedSize(Int)
        /// The same size, another SHA-256 (the one found).
        case changedContent(String)
    }

    /// Hashes the file in `folder` and compares it with the record: the one test of "unchanged" that
    /// `verify` and `rescreen` both use.
    public func check(in folder: String) -> Check {
        let path = "\(folder)/\(name)"
        guard FileSystem.exists(path) else { return .missing }
        guard let (hex, found) = try? SHA256.file(path) else { return .unreadable }
        if found != size { return .changedSize(found) }
        if hex.lowercased() != sha256.lowercased() { return .changedContent(hex) }
        return .matches
    }
}
