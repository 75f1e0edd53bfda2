import Archive
import Foundation
import MIME
import MailTransport

/// Sends what is queued in the outbox, oldest first. A message leaves `queued/` only after the server's
/// 250; anything that fails stays queued for the next attempt.
public struct OutboxSender: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public struct Report: Sendable {
        public var sent = 0
        public var stillQueued = 0
        /// Refused by the server for good, and moved to `_Outbox/failed`.
        public var failed = 0
        /// The last failure, when something could not be sent.
        public var failure: MailTransportError?
    }

    /// Sends what is queued. Each message moves to `sent/` as soon as the server took it; those moves
    /// reach the disk together when the flush ends (a group commit), not one `fsync` each.
    public func flush(shouldStop: () -> Bool = { false }) -> Report {
        var report = Report()
        do {
            try FileSystem.grouped { report = sendQueued(shouldStop: shouldStop) }
        } catch {
            context.log.record("send-failed", "the outbox's records could not be flushed to disk: \(error)")
        }
        return report
    }

    private func sendQueued(shouldStop: () -> Bool) -> Report {
        var report = Report()
        let pending = context.outbox.pending()
        var session: (any MailSender)?
        var sentOnSession = 0
        for (index, id) in pending.enumerated() {
            if shouldStop() {
                report.stillQueued += pending.count - index
                break
            }
            do {
                if session == nil {
                    session = try context.mail.sender()
                    sentOnSession = 0
                }
                do {
                    try send(id, session: session!)
                } catch let error as MailTransportError where sentOnSession > 0 && error.isTransient {
                    // Servers cap the messages one connection may carry; try once more on a fresh one.
                    session = try context.mail.sender()
                    sentOnSession = 0
                    try send(id, session: session!)
                }
                sentOnSession += 1
                report.sent += 1
            } catch let error as MailTransportError where error.isRejection {
                // Refused for good: retrying cannot help. It moves to failed/ and the coordinators are told
                // (once; a notice that is itself refused is only logged, so nothing loops).
                report.failed += 1
                session = nil
                rejected(id, error)
            } catch let error as MailTransportError {
                report.stillQueued += 1
                report.failure = error
                session = nil
                context.log.record("send-failed", "\(id): not sent yet, will retry: \(error)", detail: ["id": id])
                // When the server cannot be reached or refuses the login, the rest would fail the same way.
                if case .unreachable = error { report.stillQueued += pending.count - index - 1; break }
                if case .loginDenied = error { report.stillQueued += pending.count - index - 1; break }
            } catch {
                report.stillQueued += 1
                context.log.record("send-failed", "\(id): not sent: \(error)", detail: ["id": id])
            }
        }
        return report
    }

    private func rejected(_ id: String, _ error: MailTransportError) {
        let recipients =
            (try? MessageParser.headers(file: "\(context.outbox.queued)/\(id).eml")).map {
                ($0.to + $0.cc).map(\.address).joined(separator: ", ")
            } ?? ""
        do { try context.outbox.markFailed(id: id) } catch {
            context.log.record("send-failed", "\(id): refused for good, and could not be moved to failed/: \(error)")
            return
        }
        context.log.record(
            "send-rejected", "\(id): refused for good, moved to _Outbox/failed: \(error)",
            detail: ["id": id, "to": recipients])
        guard !id.hasPrefix(Self.noticePrefix) else { return }
        let letters = context.letters()
        let notice = letters.coordinatorNotice(
            reference: id, kind: "send-rejected", subject: "An email was refused by the mail server",
            facts: [("Email", id), ("To", recipients), ("Reason", "\(error)")],
            action:
                "The mail server refused an email for good, so it will not be tried again. It is kept in _Outbox/failed. If the address is wrong, correct it where it comes from (institutions.csv, reviewers.csv or the sender) and send the email again by moving it back to _Outbox/queued.",
            to: context.coordinators)
        try? context.enqueue(notice, id: Self.noticePrefix + id, reference: id)
    }

    /// Outbox ids of the notices about refused emails.
    static let noticePrefix = "refused-"

    private func send(_ id: String, session: any MailSender) throws {
        guard let data = context.outbox.message(id: id) else { return }
        let envelope = try MessageParser.headers(file: "\(context.outbox.queued)/\(id).eml")
        let recipients = (envelope.to + envelope.cc).map(\.address)
        try session.send(from: context.serviceAddress.address, to: recipients, message: data)
        try context.outbox.markSent(id: id)
        context.log.record("sent", "\(id): sent to \(recipients.joined(separator: ", "))", detail: ["id": id])
    }
}
