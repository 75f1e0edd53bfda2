/// What the service does with the messages in its inbox: intake files them, a later stage may take the
/// replies to its own emails (through `ServiceHooks.routeReply`).
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

/// What one pass over the inbox did.
public struct InboxReport: Sendable, Equatable {
    public var outcomes: [ProcessingOutcome] = []
    /// Messages left in the inbox to try again (a download or a filing failed).
    public var failed = 0
    /// Messages left for the next cycle because this one was asked to stop.
    public var deferred = 0

    public init() {}

    /// `3 filed, 0 quarantined, 1 replies, 0 already seen, 1 failed and left to retry`.
    public var summary: String {
        var filed = 0
        var quarantined = 0
        var duplicates = 0
        var replies = 0
        for outcome in outcomes {
            switch outcome {
            case .filed: filed += 1
            case .quarantined: quarantined += 1
            case .duplicate: duplicates += 1
            case .reply: replies += 1
            }
        }
        let failures = failed > 0 ? ", \(failed) failed and left to retry" : ""
        return "\(filed) filed, \(quarantined) quarantined, \(replies) replies, \(duplicates) already seen\(failures)"
    }
}
