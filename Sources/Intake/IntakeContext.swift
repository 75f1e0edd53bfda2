import Archive
import Configuration
import Foundation
import MIME

/// Everything intake needs, built once from the settings.
public struct IntakeContext: Sendable {
    public var settings: Settings
    public var layout: ArchiveLayout
    public var journal: Journal
    public var outbox: Outbox
    public var state: StateStore
    public var matcher: InstitutionMatcher
    public var inspector: PDFInspector
    public var log: EventLog
    /// The service's own address and name, from `[smtp] from`.
    public var serviceAddress: MailAddress
    public var coordinators: [MailAddress]
    public var clock: @Sendable () -> Date
    public var hooks = IntakeHooks()

    public init(settings: Settings, inspector: PDFInspector, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.layout = ArchiveLayout(root: settings.archive)
        self.journal = Journal(archive: settings.archive)
        self.outbox = Outbox(archive: settings.archive)
        self.state = StateStore(archive: settings.archive)
        self.matcher = InstitutionMatcher(institutions: settings.institutions)
        self.inspector = inspector
        self.log = EventLog(journal: journal)
        self.serviceAddress = MailAddress(parsing: settings.from) ?? MailAddress(address: settings.from)
        self.coordinators = settings.coordinators.map { MailAddress(address: $0) }
        self.clock = clock
    }
}

extension IntakeContext {
    /// Composes a message and queues it in the outbox under `id`; an id queued before is not queued again.
    public func enqueue(_ message: OutgoingMessage, id: String, reference: String) throws {
        let data = try MessageComposer.compose(message)
        if try outbox.enqueue(id: id, message: data) {
            let to = (message.to + message.cc).map(\.address).joined(separator: ", ")
            log.record("queued", reference: reference, "\(reference): queued \(id) to \(to)", detail: ["id": id])
        }
    }
}

/// Records each event twice: a JSON line in the journal, and one readable line on standard error.
public struct EventLog: Sendable {
    let journal: Journal

    public init(journal: Journal) { self.journal = journal }

    public func record(_ event: String, reference: String? = nil, _ line: String, detail: [String: String] = [:]) {
        let now = Date()
        do {
            try journal.append(Journal.Event(time: now, event: event, reference: reference, detail: detail))
        } catch {
            Self.printLine("journal write failed: \(error)")
        }
        // Sender text (a subject, a name) never breaks a log line: one event, one line.
        Self.printLine(ShownText.oneLine(line))
    }

    /// A line on standard error with a timestamp.
    public static func printLine(_ line: String) {
        let stamp = Date().formatted(.iso8601)
        FileHandle.standardError.write(Data("\(stamp) \(line)\n".utf8))
    }
}
