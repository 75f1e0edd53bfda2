/// A word the archive's JSON files use for a state or a role, typed so the code names each once. Any word
/// reads (a file written by a later version, or edited by hand, still loads); the known ones are constants.
public protocol RecordWord: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    init(rawValue: String)
}

extension RecordWord {
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

extension SubmissionRecord {
    /// Whether a message was filed as a submission or kept in quarantine.
    public struct Status: RecordWord {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let filed = Status(rawValue: "filed")
        public static let quarantined = Status(rawValue: "quarantined")
    }

    /// What a file in a submission folder is.
    public struct Role: RecordWord {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The email as it arrived (`message.eml`, or `headers.eml` for one too large to keep).
        public static let message = Role(rawValue: "message")
        /// A submitted PDF.
        public static let submission = Role(rawValue: "submission")
        /// `text.txt`, the PDFs' text.
        public static let text = Role(rawValue: "text")
        /// `layout.json`.
        public static let layout = Role(rawValue: "layout")
        /// `prescreen.txt` and `prescreen.json` (and their `previous` copies).
        public static let prescreen = Role(rawValue: "prescreen")
        /// `action-plan.csv`.
        public static let actionPlan = Role(rawValue: "action-plan")
    }
}
