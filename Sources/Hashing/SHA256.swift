internal import CGLib
import Foundation

/// SHA-256 through GLib's `GChecksum`, for the hashes recorded beside every filed file.
public struct SHA256: ~Copyable {
    private let checksum: OpaquePointer

    public init() {
        checksum = g_checksum_new(G_CHECKSUM_SHA256)
    }

    deinit { g_checksum_free(checksum) }

    /// Adds bytes to the digest.
    public mutating func update(_ data: some DataProtocol) {
        for region in data.regions { region.withUnsafeBytes { update($0) } }
    }

    private mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        g_checksum_update(checksum, base.assumingMemoryBound(to: guchar.self), bytes.count)
    }

    /// The digest as 64 lowercase hex digits.
    public consuming func finalizeHex() -> String {
        String(cString: g_checksum_get_string(checksum))
    }

    /// The hex digest of some bytes.
    public static func hex(of data: Data) -> String {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalizeHex()
    }

    /// The hex digest and size of a file, read in 1 MiB pieces so memory stays flat.
    public static func file(_ path: String) throws -> (hex: String, size: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            hasher.update(chunk)
        }
        return (hasher.finalizeHex(), size)
    }
}
