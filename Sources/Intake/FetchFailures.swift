import Archive
import Foundation
import Service

/// Messages the inbox could not give us (the server errs on one, or it does not fit on the disk), so
/// that one bad message never holds up the others: it is skipped, tried again after a growing pause,
/// and the coordinators are told once.
struct FetchFailure: Codable, Equatable {
    var attempts: Int
    var nextAttempt: Date
    var lastError: String
    var coordinatorsTold: Bool

    /// The pause before the next attempt: 1, 2, 4 … minutes, at most six hours.
    static func pause(after attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }

    /// After this many failed attempts the coordinators are told.
    static let tellAfter = 3
}

extension InboxPoller {
    static let failuresKind = "fetch-failures"

    /// Whether a message that failed before is still in its pause.
    func waiting(_ uidKey: String) -> Bool {
        guard let failure = context.state.load(FetchFailure.self, kind: Self.failuresKind, key: uidKey) else {
            return false
        }
        return failure.nextAttempt > context.clock()
    }

    /// Records a failed attempt, and tells the coordinators once when it keeps failing.
    func recordFailure(uid: UInt32, uidKey: String, error: any Error) {
        var failure =
            context.state.load(FetchFailure.self, kind: Self.failuresKind, key: uidKey)
            ?? FetchFailure(attempts: 0, nextAttempt: context.clock(), lastError: "", coordinatorsTold: false)
        failure.attempts += 1
        failure.lastError = "\(error)"
        failure.nextAttempt = context.clock().addingTimeInterval(FetchFailure.pause(after: failure.attempts))
        context.log.record(
            "fetch-failed",
            "UID \(uid): could not be downloaded (attempt \(failure.attempts)), left in the inbox and tried again later; the messages after it go on: \(error)",
            detail: ["uid": "\(uid)", "attempts": "\(failure.attempts)", "error": "\(error)"])
        if failure.attempts >= FetchFailure.tellAfter, !failure.coordinatorsTold {
            // UIDVALIDITY/UID as a name for the notice's reference and outbox id.
            let uidName = uidKey.replacingOccurrences(of: "/", with: "-")
            let letters = context.service.letters()
            let notice = letters.coordinatorNotice(
                reference: "uid-\(uidName)", kind: "fetch-failed",
                subject: "A message in the inbox cannot be downloaded",
                facts: [
                    ("Inbox UID", "\(uid)"), ("Attempts", "\(failure.attempts)"), ("Last error", "\(error)"),
                ],
                action:
                    "A message in the inbox could not be downloaded, several times. It stays in the inbox, is tried again every few hours, and does not hold up the others. Please look at it in a mail client (it may be damaged or too big for the free disk space) and forward it again or remove it.",
                to: context.coordinators)
            do {
                try context.enqueue(
                    notice, id: "fetch-failed-\(uidName)", reference: "inbox")
                failure.coordinatorsTold = true
            } catch {
                context.log.record("notice-failed", "UID \(uid): the coordinators could not be told: \(error)")
            }
        }
        try? context.state.save(failure, kind: Self.failuresKind, key: uidKey)
    }

    /// Removes what a crash left in the scratch folder (downloads, work folders). The cycle holds the
    /// archive's write lock, as every command that uses the scratch folder does, so nothing there is in use.
    func clearScratch() {
        for name in FileSystem.list(context.layout.scratch) { FileSystem.remove("\(context.layout.scratch)/\(name)") }
    }
}
