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

    /// Reads every JSON file of the archive; times as the service writes them are parsed by hand
    /// (`ISOTime`), several times quicker than the decoder's own ISO 8601 parsing.
    public static let decoder = makeDecoder()

    /// A decoder of its own, for a worker thread.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOTime.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }
}
