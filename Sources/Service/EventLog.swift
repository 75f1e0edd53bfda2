import Archive
import Foundation

/// Records each event twice: a JSON line in the journal, and one readable line on standard error.
public struct EventLog: Sendable {
    public let journal: Journal

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
