import Foundation

/// The one way the archive's JSON is written and read: dates in ISO 8601, keys sorted, slashes as they
/// are. A file is pretty-printed, to read in an editor; a journal line stays on one line.
public enum JSONFiles {
    /// For a JSON file: pretty-printed.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// For one line of a JSON Lines file.
    public static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
