import Foundation
import MailTransport

/// An IMAP mailbox in memory, for unit tests of the code that drives one: messages by UID, and faults on
/// demand. It answers as Dovecot does for what the service asks.
final class FakeMailbox: Mailbox, @unchecked Sendable {
    let uidValidity: UInt32 = 7
    private(set) var messages: [UInt32: Data] = [:]
    /// Where each marked message went (`Filed`), or the keyword it was given.
    private(set) var marked: [UInt32: String] = [:]
    /// Downloads of these UIDs fail, as a server that errs on one message does.
    var failingDownloads: Set<UInt32> = []
    /// Marking fails, as when the connection drops just after a filing.
    var failingMarks = false
    private var nextUID: UInt32 = 1

    @discardableResult
    func deliver(_ message: Data) -> UInt32 {
        defer { nextUID += 1 }
        messages[nextUID] = message
        return nextUID
    }

    var inbox: [UInt32] { messages.keys.filter { marked[$0] == nil }.sorted() }

    func status() throws(MailTransportError) -> MailboxStatus {
        MailboxStatus(uidValidity: uidValidity, uidNext: nextUID, messages: messages.count)
    }

    func search(_ criteria: String) throws(MailTransportError) -> [UInt32] { inbox }

    func size(uid: UInt32) throws(MailTransportError) -> Int {
        guard let message = messages[uid] else {
            throw .refused(server: "fake", command: "FETCH", detail: "no such UID")
        }
        return message.count
    }

    func fetch(
        uid: UInt32, uidValidity: UInt32, toFile path: String, limit: Int?, expectedSize: Int?, section: String?
    ) throws(MailTransportError) -> Int {
        guard !failingDownloads.contains(uid), uidValidity == self.uidValidity, let message = messages[uid] else {
            throw .refused(server: "fake", command: "UID FETCH \(uid)", detail: "injected fault")
        }
        guard FileManager.default.createFile(atPath: path, contents: message) else {
            throw .localWrite(path: path, detail: "cannot create")
        }
        return message.count
    }

    func create(mailbox name: String) throws(MailTransportError) {}

    func move(uid: UInt32, to destination: String) throws(MailTransportError) {
        if failingMarks { throw .unreachable(server: "fake", detail: "connection dropped") }
        marked[uid] = destination
    }

    func addKeyword(_ keyword: String, uid: UInt32) throws(MailTransportError) {
        if failingMarks { throw .unreachable(server: "fake", detail: "connection dropped") }
        marked[uid] = keyword
    }
}

/// An SMTP server in memory: what it accepted, and refusals on demand.
final class FakeSender: MailSender, @unchecked Sendable {
    struct Sent {
        var from: String
        var to: [String]
        var message: String
    }

    private(set) var sent: [Sent] = []
    /// Recipients refused for good (550).
    var refused: Set<String> = []

    func send(from sender: String, to recipients: [String], message: Data) throws(MailTransportError) {
        if let recipient = recipients.first(where: refused.contains) {
            throw .rejected(server: "fake", reply: 550, detail: "\(recipient): no such user")
        }
        sent.append(Sent(from: sender, to: recipients, message: String(decoding: message, as: UTF8.self)))
    }

    func sent(to address: String) -> [Sent] { sent.filter { $0.to.contains(address) } }
}
