import Archive
import Configuration
import Foundation
import Hashing
import MIME
import MailTransport

/// What every stage of the service works with, built once from the settings: the archive and its
/// journal, outbox and state, the event log, the clock, and the hooks that join the stages.
public struct ServiceContext: Sendable {
    public var settings: Settings
    public var layout: ArchiveLayout
    public var journal: Journal
    public var outbox: Outbox
    public var state: StateStore
    public var log: EventLog
    /// The service's own address and name, from `[smtp] from`.
    public var serviceAddress: MailAddress
    public var coordinators: [MailAddress]
    public var clock: @Sendable () -> Date
    public var hooks = ServiceHooks()
    /// How the service reaches its IMAP and SMTP servers (in-memory stand-ins in unit tests).
    public var mail: MailConnections
    /// Makes the tokens that let coordinators answer notices by email.
    public let noticeKey: NoticeKey

    public init(settings: Settings, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.layout = ArchiveLayout(root: settings.archive)
        self.journal = Journal(archive: settings.archive)
        self.outbox = Outbox(archive: settings.archive)
        self.state = StateStore(archive: settings.archive)
        self.log = EventLog(journal: journal)
        self.serviceAddress = MailAddress(parsing: settings.from) ?? MailAddress(address: settings.from)
        self.coordinators = settings.coordinators.map { MailAddress(address: $0) }
        self.clock = clock
        var mail = MailConnections.servers(imap: settings.imapServer, smtp: settings.smtpServer)
        if !settings.idle { mail.watcher = nil }
        self.mail = mail
        self.noticeKey = NoticeKey(archive: settings.archive)
    }

    /// The shared parts of the service's emails, from its address, dated `now` (the clock's time by default).
    public func letters(now: Date? = nil) -> Letters {
        Letters(from: serviceAddress, now: now ?? clock(), noticeKey: noticeKey)
    }
}

extension ServiceContext {
    /// Composes a message and queues it in the outbox under `id`; an id queued before is not queued again.
    ///
    /// Notices to the coordinators are capped per kind and day (`noticesPerDay`), whatever their
    /// references: whatever loop a bug or a hostile sender finds, the coordinators' inbox is bounded.
    public func enqueue(_ message: OutgoingMessage, id: String, reference: String) throws {
        if let kind = Self.noticeKind(message.subject), !outbox.contains(id: id) {
            let day = clock().formatted(.iso8601.year().month().day())
            let key = "\(day)-\(SHA256.hex(of: Data(kind.utf8)).prefix(16))"
            let sent = state.load(Int.self, kind: "notice-counts", key: key) ?? 0
            guard sent < Self.noticesPerDay else {
                if sent == Self.noticesPerDay {
                    log.record(
                        "notice-capped", reference: reference,
                        "no more \u{201C}\(kind)\u{201D} notices today: \(Self.noticesPerDay) were sent; the rest are in the journal"
                    )
                    try state.save(sent + 1, kind: "notice-counts", key: key)
                }
                return
            }
            try state.save(sent + 1, kind: "notice-counts", key: key)
        }
        let data = try MessageComposer.compose(message)
        if try outbox.enqueue(id: id, message: data) {
            let to = (message.to + message.cc).map(\.address).joined(separator: ", ")
            log.record("queued", reference: reference, "\(reference): queued \(id) to \(to)", detail: ["id": id])
        }
    }
}

extension ServiceContext {
    /// Coordinator notices of one kind a day, at most.
    public static let noticesPerDay = 20

    /// The kind of a coordinator notice: its subject without the tag and the reference.
    static func noticeKind(_ subject: String) -> String? {
        guard subject.hasPrefix("[tcreview] ") else { return nil }
        var kind = subject.dropFirst("[tcreview] ".count)
        if kind.hasSuffix("]"), let open = kind.lastIndex(of: "[") { kind = kind[..<open] }
        return kind.trimmingCharacters(in: .whitespaces)
    }
}
