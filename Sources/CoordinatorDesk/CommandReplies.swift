import Archive
import Foundation
import MIME
import Service

/// Keeping each command email, journalling it, and answering the coordinator who sent it.
extension CoordinatorDesk {
    /// What a command did, in the words of its acknowledgement.
    struct Outcome: Equatable {
        var done: Bool
        /// What the service took the reply to ask, e.g. "send the feedback on TC-… to the institution".
        var understood: String
        /// What was done, or why not.
        var result: String
    }

    /// Keeps the command email, journals it with who asked, and acknowledges it to the sender (with the
    /// notice's replies when it was not done).
    func finish(
        _ outcome: Outcome, command: ReplyCommand?, message: ParsedMessage, path: String, key: String,
        notice: Notice, replies: [NoticeReply]
    ) throws -> (String, String) {
        let sender = message.from.first?.address ?? "?"
        let line = command?.line ?? "(no text)"
        let kept = try keep(
            path, reference: notice.reference, key: key,
            note: "\(sender) replied \u{201C}\(line)\u{201D}: \(outcome.done ? "done" : "not done"): \(outcome.result)")
        context.log.record(
            outcome.done ? "command" : "command-not-done", reference: notice.reference,
            "\(notice.reference): \u{201C}\(line)\u{201D} from \(sender): \(outcome.result)",
            detail: ["from": sender, "command": line, "understood": outcome.understood, "kept": kept])
        var facts: [(String, String)] = [("You replied", line), ("Understood as", outcome.understood)]
        facts.append(("Reference", notice.reference))
        var action = outcome.result
        if !outcome.done, !replies.isEmpty {
            action += "\n\nThe notice you answered takes these replies:\n"
            for reply in replies { action += "  \(reply.usage): \(reply.meaning)\n" }
        }
        let hash = Self.shortHash(key)
        // Only a known command's own word goes into the subject: nothing a sender wrote reaches a header.
        let title = "\(outcome.done ? "Done" : "Not done"): \(command?.command?.rawValue ?? "reply")"
        var ack = context.letters().coordinatorNotice(
            reference: notice.reference, kind: "command-ack.\(hash)",
            subject: title,
            facts: facts, action: action,
            to: [message.from.first ?? MailAddress(address: sender)])
        if let id = message.messageID, MessageComposer.isSafeToken(id) {
            ack.inReplyTo = id
            ack.references = [id]
        }
        ack.autoSubmitted = "auto-replied"
        // Not a notice: it answers a coordinator's own email, so it is not counted against the notices' daily cap
        // (a busy day's twentieth `assign` is still answered); what it answers was sent by a person.
        ack.subject = "\(title) [\(notice.reference)]"
        try context.enqueue(ack, id: "\(notice.reference)-command-\(hash)", reference: notice.reference)
        return (notice.reference, outcome.done ? "done: \(outcome.result)" : "not done: \(outcome.result)")
    }

    /// Keeps a command email: in its submission's `commands/` folder, or (a reference that is no submission,
    /// a reply not obeyed) in the quarantine as `C-YYYY-MM-ID`. Returns the reference it is kept under.
    func keep(_ path: String, reference: String?, key: String, note: String) throws -> String {
        guard let data = FileSystem.read(path) else {
            throw ArchiveError.io(path: path, operation: "read", errno: ENOENT)
        }
        let id = Self.shortHash(key)
        let target: String
        let kept: String
        if let reference, let folder = context.layout.submissionFolder(reference: reference) {
            target = "\(folder)/commands"
            kept = reference
        } else {
            let now = context.clock()
            let parts = UKCalendar.calendar.dateComponents([.year, .month], from: now)
            kept = "C-\(parts.year ?? 0)-\(String(format: "%02d", parts.month ?? 0))-\(id.uppercased())"
            target = context.layout.quarantineFolder(year: parts.year ?? 0, month: parts.month ?? 0) + "/\(kept)"
        }
        try FileSystem.makeDirectory(target)
        try FileSystem.writeAtomically(data, to: "\(target)/command-\(id).eml")
        try FileSystem.writeAtomically(Data((ShownText.oneLine(note) + "\n").utf8), to: "\(target)/command-\(id).txt")
        return kept
    }
}
