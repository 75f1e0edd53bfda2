import Archive
import Configuration
import Foundation
import Hashing
import MIME
import Prescreen
import Service

extension MessageProcessor {
    /// Queues the emails a filed or quarantined message calls for: the reply to its sender (unless RFC 3834
    /// forbids one or the sender had enough this hour), and a notice to the coordinators when a person is needed.
    ///
    /// Outbox ids are fixed by reference, so running this again after a crash queues nothing twice.
    func queueLetters(for record: SubmissionRecord, parsed: ParsedMessage, key: String, state: MessageState)
        throws
    {
        let letters = context.service.letters()
        let reference = record.reference
        let sender = parsed.from.first
        let prescreen =
            state.quarantine == nil ? PrescreenReport.load(folder: "\(context.layout.root)/\(state.folder)") : nil
        // What the pre-screen is not sure of goes to the coordinators, never to the sender.
        let unsure = prescreen?.coordinatorLines() ?? []
        var replyNote: String?
        if let reason = AutoReplyRules.reasonNotToReply(to: parsed, ownAddress: context.serviceAddress.address) {
            replyNote = "No reply was sent to the sender, because \(reason)."
        } else if let sender, !EmailAddress.isPlain(sender.address) {
            replyNote = "No reply was sent: the sender's address \(sender.address.debugDescription) is not usable."
        } else if let sender {
            let budget = ReplyBudget(state: context.state, perHour: context.settings.repliesPerHour)
            if try budget.take(for: sender.address, now: context.clock()) {
                let threadID = parsed.messageID.flatMap { MessageComposer.isSafeToken($0) ? $0 : nil }
                let references = (parsed.references.filter(MessageComposer.isSafeToken) + [threadID].compactMap { $0 })
                let reply: OutgoingMessage
                var replyID = "\(reference)-\(state.quarantine == nil ? "confirmation" : "rejection")"
                if state.quarantine == .conversation {
                    // One short acknowledgement per conversation, however many times the person writes.
                    let root = parsed.references.first ?? parsed.inReplyTo ?? reference
                    replyID = "conversation-\(SHA256.hex(of: Data(root.utf8)).prefix(16))"
                    reply = letters.acknowledgement(
                        reference: reference, to: sender, inReplyTo: threadID, references: references)
                } else if let reason = state.quarantine {
                    reply = letters.rejection(
                        reason: reason, reference: reference, to: sender, inReplyTo: threadID, references: references)
                } else {
                    let lead = context.settings.institutions.first { $0.name == record.institution }?.lead
                    let cc = lead.flatMap {
                        $0.lowercased() == sender.address.lowercased() ? nil : MailAddress(address: $0)
                    }
                    reply = letters.confirmation(
                        record: record, to: sender, cc: cc.map { [$0] } ?? [], inReplyTo: threadID,
                        references: references, problems: state.notes,
                        findings: prescreen?.attentionLines())
                }
                try context.enqueue(reply, id: replyID, reference: reference)
            } else {
                replyNote =
                    "No reply was sent: \(sender.address) already had \(context.settings.repliesPerHour) automatic replies this hour."
            }
        }
        if let replyNote {
            context.log.record(
                "reply-suppressed", reference: reference, "\(reference): \(replyNote)", detail: ["reason": replyNote])
        }

        // The service's own mail come back is kept, but never noticed again: a notice about a notice loops.
        let own = AutoReplyRules.isOwnMessage(parsed, ownAddress: context.serviceAddress.address)
        if own {
            context.log.record(
                "own-message", reference: reference,
                "\(reference): the service's own email came back; kept, not answered and not noticed again")
        }
        if !own, record.institution == nil || state.quarantine != nil || !state.notes.isEmpty || !unsure.isEmpty {
            var facts: [(String, String)] = [
                ("Reference", reference),
                ("From", record.senderName.map { "\($0) <\(record.senderAddress)>" } ?? record.senderAddress),
                ("Subject", record.subject ?? "(none)"), ("Received", record.received.formatted(.iso8601)),
                (
                    "Institution",
                    record.institution.map { "\($0) (from the \(record.identifiedBy))" } ?? "not recognised"
                ),
                ("Folder", state.folder),
            ]
            let action: String
            let subject: String
            if state.quarantine == .conversation {
                subject = "A reply to our email, for a coordinator"
                action =
                    "Someone replied to one of our emails without sending a self-assessment. Their message is below and kept in the quarantine folder; please answer them. They were sent, at most once, a short note that a coordinator will reply.\n\n"
                    + Self.quoted(parsed)
            } else if let reason = state.quarantine {
                subject = "Kept in quarantine: \(reason.summary)"
                action =
                    "A message could not be filed as a submission and is kept in the quarantine folder."
                    + (replyNote == nil ? " The sender was sent an explanation." : "")
                facts.append(("Reason", reason.summary))
            } else if record.institution == nil {
                subject = "Filed, institution not recognised"
                action =
                    "A submission was filed, but its file name, subject and sender did not match institutions.csv. Say whose it is by replying assign and the institution's short name: it is then filed under that institution and reviewers are assigned. (If the institution is new, add it to institutions.csv first; an alias or a domain there lets the next one be recognised.)"
            } else if state.notes.isEmpty {
                subject = "Filed, pre-screen unsure"
                action =
                    "A submission was filed. The pre-screen could not read some of it with certainty, so the sender was not told about these points; please look at the PDF (and prescreen.txt in the folder)."
            } else {
                subject = "Filed, needs a look"
                action = "A submission was filed, with remarks that need a coordinator."
            }
            for note in state.notes { facts.append(("Note", note)) }
            for line in unsure { facts.append(("Pre-screen", line)) }
            if let replyNote { facts.append(("Reply", replyNote)) }
            let notice = letters.coordinatorNotice(
                reference: reference,
                kind: state.quarantine == nil && record.institution == nil ? "unidentified" : "coordinators",
                subject: subject, facts: facts, action: action,
                to: context.coordinators)
            try context.enqueue(notice, id: "\(reference)-coordinators", reference: reference)
        }
        var done = state
        done.lettersQueued = true
        try context.state.save(done, kind: "messages", key: key)
    }

    /// What the person wrote, for the coordinators: the plain text (or the HTML's text), at most 40
    /// lines, each quoted with `> ` and kept to one line.
    static func quoted(_ message: ParsedMessage) -> String {
        let text = message.plainText ?? message.htmlText ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40)
        let body = lines.map { "> " + ShownText.oneLine(String($0).trimmingCharacters(in: .whitespaces)) }
        return body.isEmpty ? "> (no text)" : body.joined(separator: "\n")
    }
}
