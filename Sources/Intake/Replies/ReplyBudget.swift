import Archive
import Foundation

/// Caps the automatic replies one address gets per hour, so two auto-responders cannot loop for long.
struct ReplyBudget {
    private struct Record: Codable {
        var times: [Date]
    }

    let state: StateStore
    let perHour: Int

    /// Whether another reply to `address` is allowed at `now`; when it is, the reply is counted.
    func take(for address: String, now: Date) throws(ArchiveError) -> Bool {
        let key = address.lowercased()
        var record = state.load(Record.self, kind: "replies", key: key) ?? Record(times: [])
        record.times.removeAll { now.timeIntervalSince($0) >= 3600 }
        guard record.times.count < perHour else { return false }
        record.times.append(now)
        try state.save(record, kind: "replies", key: key)
        return true
    }
}
