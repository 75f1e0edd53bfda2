import Archive
import Foundation
import MailTransport

/// The `serve` loop: send what is queued, take in the inbox, run the daily pass, send again, sleep; retry
/// with backoff when a server is down, and stop cleanly between messages when asked.
public struct ServiceLoop: Sendable {
    /// One pass over the inbox (intake's), taking no new message once `shouldStop` says so.
    public typealias Inbox = @Sendable (_ shouldStop: () -> Bool) throws -> InboxReport

    let context: ServiceContext
    let inbox: Inbox

    public init(context: ServiceContext, inbox: @escaping Inbox) {
        self.context = context
        self.inbox = inbox
    }

    /// What one cycle did, and what went wrong.
    public struct CycleResult: Sendable {
        public var poll: InboxReport?
        public var pollFailure: String?
        public var loginDenied = false
        public var sent = 0
        public var stillQueued = 0
        public var sendFailure: MailTransportError?
    }

    /// The longest a cycle goes on taking new messages, in seconds.
    public static let cycleLimit: TimeInterval = 600

    public func cycle(stop: StopFlag) -> CycleResult {
        var result = CycleResult()
        // Coordinator commands change the archive too; a cycle and a command never interleave.
        let writing: ArchiveLock
        do { writing = try ArchiveLock.writing(archive: context.settings.archive) } catch {
            result.pollFailure = "\(error)"
            return result
        }
        defer { withExtendedLifetime(writing) {} }
        let journalSize = journalBytes()
        defer {
            if journalBytes() != journalSize {
                do { try context.hooks.afterChange() } catch {
                    context.log.record("after-change-failed", "could not update the archive's index: \(error)")
                }
            }
        }
        let sender = OutboxSender(context: context)
        let before = sender.flush(shouldStop: { stop.isRequested })
        do {
            // A cycle takes no new message after `cycleLimit`: the rest wait for the next cycle, so the
            // emails of this one go out and coordinators' commands get their turn at the archive.
            let deadline = Date().addingTimeInterval(Self.cycleLimit)
            result.poll = try inbox { stop.isRequested || Date() > deadline }
        } catch {
            result.pollFailure = "\(error)"
            if case .loginDenied = error as? MailTransportError { result.loginDenied = true }
            context.log.record("poll-failed", "could not check the inbox: \(error)")
        }
        // The daily pass's records and letters reach the disk together (a group commit) before they are sent.
        do { try FileSystem.grouped { try context.hooks.everyCycle() } } catch {
            context.log.record("daily-pass-failed", "the daily pass failed: \(error)")
        }
        let after = sender.flush(shouldStop: { stop.isRequested })
        result.sent = before.sent + after.sent
        result.stillQueued = after.stillQueued
        result.sendFailure = after.failure ?? (after.sent == 0 ? before.failure : nil)
        if let poll = result.poll, !poll.outcomes.isEmpty || poll.failed > 0 || result.sent > 0 {
            EventLog.printLine(summary(poll, sent: result.sent, queued: result.stillQueued))
        }
        return result
    }

    private func journalBytes() -> Int { FileSystem.size(context.journal.path) ?? 0 }

    /// Runs until `stop` is set: a cycle as soon as new mail arrives (IMAP IDLE) and at least every
    /// `poll-interval` seconds, backing off after failures.
    public func run(stop: StopFlag) {
        var backoff = Backoff(initial: 5, maximum: max(TimeInterval(context.settings.pollInterval), 300))
        let newMail = NewMailWait(context: context)
        EventLog.printLine(
            "tcreview serving \(context.settings.imapServer.displayName) every \(context.settings.pollInterval) s; archive \(context.settings.archive)"
        )
        while !stop.isRequested {
            let result = cycle(stop: stop)
            if result.pollFailure != nil || result.sendFailure != nil {
                let wait = backoff.next()
                EventLog.printLine("retrying in \(Int(wait)) s")
                stop.sleep(seconds: wait)
            } else {
                backoff.reset()
                _ = newMail.wait(seconds: TimeInterval(context.settings.pollInterval), stop: stop)
            }
        }
        EventLog.printLine("tcreview stopped")
    }

    private func summary(_ poll: InboxReport, sent: Int, queued: Int) -> String {
        "cycle: \(poll.summary); \(sent) emails sent, \(queued) waiting"
    }
}

/// Waits that double after each failure, up to a maximum.
struct Backoff {
    let initial: TimeInterval
    let maximum: TimeInterval
    private var current: TimeInterval = 0

    init(initial: TimeInterval, maximum: TimeInterval) {
        self.initial = initial
        self.maximum = maximum
    }

    mutating func next() -> TimeInterval {
        current = current == 0 ? initial : min(current * 2, maximum)
        return current
    }

    mutating func reset() { current = 0 }
}
