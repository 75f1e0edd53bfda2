import Archive
import Foundation

/// How busy one reviewer is, the balancing input to `Assigner`.
public struct ReviewerLoad: Sendable, Equatable {
    /// Assignments still waiting for this reviewer's review.
    public var open: Int
    /// Assignments made in the current submission window.
    public var thisWindow: Int
    /// The most recent assignment, nil when never assigned.
    public var lastAssigned: Date?

    public init(open: Int = 0, thisWindow: Int = 0, lastAssigned: Date? = nil) {
        self.open = open
        self.thisWindow = thisWindow
        self.lastAssigned = lastAssigned
    }

    /// Each reviewer's load (keyed by lowercased primary address) from stored assignments; withdrawn ones do not
    /// count, and `thisWindow` counts those assigned at or after `windowStart`.
    public static func tally(_ records: [AssignmentRecord], windowStart: Date) -> [String: ReviewerLoad] {
        var loads: [String: ReviewerLoad] = [:]
        for record in records where record.status != .withdrawn {
            var load = loads[record.reviewer.lowercased(), default: ReviewerLoad()]
            if record.status == .open { load.open += 1 }
            if record.assigned >= windowStart { load.thisWindow += 1 }
            if load.lastAssigned.map({ record.assigned > $0 }) ?? true { load.lastAssigned = record.assigned }
            loads[record.reviewer.lowercased()] = load
        }
        return loads
    }
}
