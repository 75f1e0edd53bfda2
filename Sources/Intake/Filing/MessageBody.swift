import Foundation
import Hashing

/// The content of a message, apart from its headers: what stays the same when a server delivers the
/// same message again (adding its own `Received` lines), and differs when another message reuses an
/// earlier one's Message-ID.
enum MessageBody {
    /// The SHA-256 of everything after the blank line that ends the headers, read in 1 MiB pieces; nil
    /// when the file cannot be read.
    static func hash(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var inBody = false
        // The last bytes of the headers seen, to find "\n\n" or "\n\r\n" across pieces.
        var tail: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if inBody {
                hasher.update(chunk)
                continue
            }
            let bytes = tail + [UInt8](chunk)
            if let end = headerEnd(in: bytes) {
                inBody = true
                hasher.update(bytes[end...])
            } else {
                tail = Array(bytes.suffix(2))
            }
        }
        return hasher.finalizeHex()
    }

    /// The index just after the blank line that ends the headers.
    private static func headerEnd(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 2 }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }
}
