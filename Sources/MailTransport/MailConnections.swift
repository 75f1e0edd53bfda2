import Foundation

/// What the service asks of an IMAP mailbox: `IMAPSession` over libcurl, or an in-memory stand-in in a
/// unit test of the code that drives it.
public protocol Mailbox: AnyObject {
    func status() throws(MailTransportError) -> MailboxStatus
    func search(_ criteria: String) throws(MailTransportError) -> [UInt32]
    func size(uid: UInt32) throws(MailTransportError) -> Int
    /// Streams one message into a new file at `path`, flushed to disk; removes the file on any failure.
    func fetch(
        uid: UInt32, uidValidity: UInt32, toFile path: String, limit: Int?, expectedSize: Int?, section: String?
    ) throws(MailTransportError) -> Int
    func create(mailbox name: String) throws(MailTransportError)
    func move(uid: UInt32, to destination: String) throws(MailTransportError)
    func addKeyword(_ keyword: String, uid: UInt32) throws(MailTransportError)
}

/// Waits for new mail: `IMAPWatcher` (IMAP IDLE), or a stand-in in a unit test.
public protocol MailWatcher: AnyObject {
    /// Waits until new mail arrives (true) or `timeout` passes (false), asking `shouldStop` often.
    func wait(timeout: TimeInterval, shouldStop: () -> Bool) throws(MailTransportError) -> Bool
}

/// What the service asks of an SMTP server: `SMTPSession`, or a stand-in in a unit test.
public protocol MailSender: AnyObject {
    func send(from sender: String, to recipients: [String], message: Data) throws(MailTransportError)
}

extension IMAPSession: Mailbox {}
extension SMTPSession: MailSender {}
extension IMAPWatcher: MailWatcher {}

/// How the service reaches its mail servers: a new connection each time it asks.
public struct MailConnections: Sendable {
    public var mailbox: @Sendable () throws(MailTransportError) -> any Mailbox
    public var sender: @Sendable () throws(MailTransportError) -> any MailSender
    /// A connection that waits for new mail; nil where there is none (polling alone).
    public var watcher: (@Sendable () throws(MailTransportError) -> any MailWatcher)?

    public init(
        mailbox: @escaping @Sendable () throws(MailTransportError) -> any Mailbox,
        sender: @escaping @Sendable () throws(MailTransportError) -> any MailSender,
        watcher: (@Sendable () throws(MailTransportError) -> any MailWatcher)? = nil
    ) {
        self.mailbox = mailbox
        self.sender = sender
        self.watcher = watcher
    }

    /// The real servers, through libcurl.
    public static func servers(imap: MailServer, smtp: MailServer) -> MailConnections {
        MailConnections(
            mailbox: { () throws(MailTransportError) in try IMAPSession(server: imap) },
            sender: { () throws(MailTransportError) in try SMTPSession(server: smtp) },
            watcher: { () throws(MailTransportError) in try IMAPWatcher(server: imap) })
    }
}
