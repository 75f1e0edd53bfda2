import Foundation

/// `feedback.json` in a submission folder: whether the compiled feedback is a draft or was sent, and when.
public struct FeedbackState: Codable, Sendable, Equatable {
    /// Where the feedback stands.
    public struct Stage: RecordWord {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Compiled, waiting for a coordinator to send it.
        public static let draft = Stage(rawValue: "draft")
        /// Sent to the institution.
        public static let sent = Stage(rawValue: "sent")
    }

    public var state: Stage
    public var compiled: Date?
    public var sent: Date?
    public var timesSent: Int?

    public init(state: Stage, compiled: Date?, sent: Date?, timesSent: Int?) {
        self.state = state
        self.compiled = compiled
        self.sent = sent
        self.timesSent = timesSent
    }

    public static let fileName = "feedback.json"

    /// The state in `folder`, if it has one.
    public static func load(folder: String) -> FeedbackState? {
        FileSystem.read("\(folder)/\(fileName)").flatMap { try? JSONFiles.decoder.decode(FeedbackState.self, from: $0) }
    }

    public func save(folder: String) throws {
        try FileSystem.writeAtomically(try JSONFiles.encoder.encode(self), to: "\(folder)/\(Self.fileName)")
    }
}
