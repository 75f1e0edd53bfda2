import Archive
import Foundation
import MIME
import MailTransport

/// Sends what is queued in the outbox, oldest first. A message leaves `queued/` only after the server's
/// 250; anything that fails stays queued for the next attempt.
public struct OutboxSender: Sendable {
    let context: IntakeContext

    public init(context: IntakeContext) { self.context = context }

    public struct Report: Sendable {
        public var sent = 0
        public var stillQueued = 0
        /// The last failure, when something could not be sent.
        public var failure: MailTransportError?
    }

    public func flush(shouldStop: () -> Bool = { false }) -> Report {
        var report = Report()
        let pending = context.outbox.pending()
        var session: SMTPSession?
        var sentOnSession = 0
        for (index, id) in pending.enumerated() {
            if shouldStop() {
                report.stillQueued += pending.count - index
                break
            }
            do {
                if session == nil {
                    session = try SMTPSession(server: context.settings.smtpServer)
                    sentOnSession = 0
                }
                do {
                    try send(id, session: session!)
                } catch let error as MailTransportError where sentOnSession > 0 && error.isTransient {
                    // Servers cap the messages one connection may carry; try once more on a fresh one.
                    session = try SMTPSession(server: context.settings.smtpServer)
                    sentOnSession = 0
                    try send(id, session: session!)
                }
                sentOnSession += 1
                report.sent += 1
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

    private func send(_ id: String, session: SMTPSession) throws {
        guard let data = context.outbox.message(id: id) else { return }
        let envelope = try MessageParser.headers(file: "\(context.outbox.queued)/\(id).eml")
        let recipients = (envelope.to + envelope.cc).map(\.address)
        try session.send(from: context.serviceAddress.address, to: recipients, message: data)
        try context.outbox.markSent(id: id)
        context.log.record("sent", "\(id): sent to \(recipients.joined(separator: ", "))", detail: ["id": id])
    }
}
