import Foundation

/// A message downloaded into the archive's scratch folder, ready to be processed.
public struct FetchedMessage: Sendable {
    /// The message file (or only its header when `size` is over the limit).
    public var path: String
    /// The size the server reported.
    public var size: Int
    /// True when only the header was fetched, because the message is over `max-message-size`.
    public var headerOnly: Bool
    public var uidValidity: UInt32?
    public var uid: UInt32?

    public init(path: String, size: Int, headerOnly: Bool = false, uidValidity: UInt32? = nil, uid: UInt32? = nil) {
        self.path = path
        self.size = size
        self.headerOnly = headerOnly
        self.uidValidity = uidValidity
        self.uid = uid
    }
}

/// What happened to one message.
public enum ProcessingOutcome: Sendable, Equatable {
    case filed(reference: String)
    case quarantined(reference: String, reason: String)
    /// Seen before (same Message-ID, or same bytes when there is none): nothing new was filed or sent.
    case duplicate(reference: String)
    /// A reply to something the service sent (a review), handled by a later stage; `result` says how.
    case reply(reference: String, result: String)

    public var reference: String {
        switch self {
        case .filed(let reference), .quarantined(let reference, _), .duplicate(let reference), .reply(let reference, _):
            return reference
        }
    }
}
