import Foundation
import Hashing

/// Small records the service keeps between runs, one JSON file each under `_State/<kind>/`.
///
/// Keys are hashed into file names, so any text (a Message-ID, an address) can be a key safely.
public struct StateStore: Sendable {
    public let root: String

    public init(archive: String) { self.root = "\(archive)/_State" }

    public func load<Value: Decodable>(_ type: Value.Type, kind: String, key: String) -> Value? {
        guard let data = FileSystem.read(path(kind: kind, key: key)) else { return nil }
        return try? JSONFiles.decoder.decode(Value.self, from: data)
    }

    public func save<Value: Encodable>(_ value: Value, kind: String, key: String) throws(ArchiveError) {
        let data: Data
        do { data = try JSONFiles.lineEncoder.encode(value) } catch { throw .corrupt(path: root, detail: "\(error)") }
        try FileSystem.makeDirectory("\(root)/\(kind)")
        try FileSystem.writeAtomically(data, to: path(kind: kind, key: key))
    }

    /// A scratch folder on the archive's filesystem, so finished files can be renamed into place.
    public var scratch: String { "\(root)/tmp" }

    func path(kind: String, key: String) -> String {
        "\(root)/\(kind)/\(SHA256.hex(of: Data(key.utf8)).prefix(40)).json"
    }
}
