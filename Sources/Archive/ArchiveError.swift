import Foundation

/// Why the archive could not be read or written, with what to do about it.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    case io(path: String, operation: String, errno: Int32)
    case locked(path: String, holder: String)
    case corrupt(path: String, detail: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let code):
            return
                "Could not \(operation) \(path): \(String(cString: strerror(code))). Check the disk and the archive's permissions."
        case .locked(let path, let holder):
            return
                "Another tcreview (\(holder)) is already using the archive \(path). Stop it first, or point this one at a different archive."
        case .corrupt(let path, let detail):
            return "\(path) is damaged: \(detail). Move it aside and run the command again."
        }
    }
}
