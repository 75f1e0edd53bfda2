import Archive
import Foundation
import MailTransport
import Service

/// One pass over the IMAP inbox: find the messages not yet processed, file each, mark it on the server.
///
/// A message is marked (moved to `filed-folder`, or given the processed keyword) only after its filing
/// is on disk, and its UID is remembered with the mailbox's UIDVALIDITY, so a crash at any point
/// neither loses nor doubles a message.
public struct InboxPoller: Sendable {
    let context: IntakeContext

    public init(context: IntakeContext) { self.context = context }

    /// What one pass did.
    public typealias Report = InboxReport

    /// Runs one pass; `shouldStop` is asked between messages, so a stop request finishes the one in hand.
    public func poll(shouldStop: () -> Bool = { false }) throws -> Report {
        let session = try context.mail.mailbox()
        if let folder = context.settings.filedFolder { try session.create(mailbox: folder) }
        let status = try session.status()
        let criteria = context.settings.filedFolder == nil ? "UNKEYWORD \(context.settings.processedKeyword)" : "ALL"
        let uids = try session.search(criteria)
        var report = Report()
        let processor = MessageProcessor(context: context)
        clearScratch()
        for (index, uid) in uids.enumerated() {
            if shouldStop() {
                report.deferred = uids.count - index
                break
            }
            let uidKey = "\(status.uidValidity)/\(uid)"
            if let done = context.state.load(UIDState.self, kind: "uids", key: uidKey) {
                // Filed before a crash or a failed mark; only the server still needs to know.
                try mark(uid, session: session)
                report.outcomes.append(.duplicate(reference: done.reference))
                continue
            }
            if waiting(uidKey) {
                report.failed += 1
                continue
            }
            let fetched: FetchedMessage
            do {
                fetched = try fetch(uid: uid, validity: status.uidValidity, session: session)
            } catch {
                // The server errs on this one, or it does not fit on the disk: it stays in the inbox, is
                // tried again after a pause, and the messages after it go on.
                recordFailure(uid: uid, uidKey: uidKey, error: error)
                report.failed += 1
                continue
            }
            // The download is moved into the archive, or is not needed once handled.
            defer { FileSystem.remove(fetched.path) }
            let outcome: ProcessingOutcome
            do {
                // One group commit: the filing, its records, letters and journal lines reach the disk
                // together, before the server is told.
                outcome = try FileSystem.grouped {
                    let outcome = try processor.process(fetched)
                    try context.state.save(UIDState(reference: outcome.reference), kind: "uids", key: uidKey)
                    return outcome
                }
            } catch {
                // Left unmarked on the server, so nothing is lost: it is tried again next cycle, and the
                // messages after it are not held up.
                report.failed += 1
                context.log.record(
                    "process-failed", "UID \(uid): could not be filed, left in the inbox to retry: \(error)",
                    detail: ["uid": "\(uid)", "error": "\(error)"])
                continue
            }
            try mark(uid, session: session)
            report.outcomes.append(outcome)
        }
        return report
    }

    /// Downloads one message into the archive's scratch folder, streaming it to disk; a message over the
    /// size limit is not downloaded: only its header is kept, and the message stays on the server.
    private func fetch(uid: UInt32, validity: UInt32, session: any Mailbox) throws -> FetchedMessage {
        let size = try session.size(uid: uid)
        try FileSystem.makeDirectory(context.layout.scratch)
        let path = "\(context.layout.scratch)/uid-\(validity)-\(uid)-\(UUID().uuidString.prefix(8)).eml"
        let tooLarge = size > context.settings.maxMessageSize
        // The session removes a partial download itself: nothing is left behind.
        _ = try session.fetch(
            uid: uid, uidValidity: validity, toFile: path,
            limit: tooLarge ? 1 << 20 : min(size + (1 << 20), context.settings.maxMessageSize + (1 << 20)),
            expectedSize: tooLarge ? 1 << 20 : size, section: tooLarge ? "HEADER" : nil)
        return FetchedMessage(path: path, size: size, headerOnly: tooLarge, uidValidity: validity, uid: uid)
    }

    private func mark(_ uid: UInt32, session: any Mailbox) throws {
        if let folder = context.settings.filedFolder {
            try session.move(uid: uid, to: folder)
        } else {
            try session.addKeyword(context.settings.processedKeyword, uid: uid)
        }
    }
}
