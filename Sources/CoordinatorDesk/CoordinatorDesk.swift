import Archive
import Configuration
import Feedback
import Foundation
import Hashing
import MIME
import ReviewDesk
import Service

/// Coordinators' replies to the service's notices, obeyed as commands (as Request Tracker's
/// command-by-mail is): `send` to a feedback draft, `assign ABER` to an unidentified submission, and the
/// other replies each notice lists at its end (`NoticeReplies`).
///
/// A reply is obeyed only when it comes from a `coordinators` address, answers a notice by the token in
/// that notice's Message-ID (which only the archive's `NoticeKey` can make), and, where `authserv-id` is
/// set, was vouched for by the receiving server. Anything else that tries is kept aside and reported to
/// the coordinators, never obeyed. Every command is idempotent, journalled with who asked, and answered
/// with what was done or why not.
public struct CoordinatorDesk: Sendable {
    let context: ServiceContext
    let review: ReviewDesk
    let feedback: FeedbackDesk

    public init(context: ServiceContext, review: ReviewDesk, feedback: FeedbackDesk) {
        self.context = context
        self.review = review
        self.feedback = feedback
    }

    /// A notice a reply answers, read from the Message-ID it names.
    struct Notice: Equatable {
        var reference: String
        var kind: String
        var token: String
    }

    private struct Handled: Codable {
        var reference: String
        var result: String
    }

    /// Handles a coordinator's reply to a notice; nil when the message is not one (it goes on to the review
    /// desk and intake). `path` is the message file, `key` its message key.
    public func take(_ message: ParsedMessage, path: String, key: String) throws -> ProcessingOutcome? {
        let domain = context.serviceAddress.domain
        // One of our own emails coming back (a list, a forward to ourselves) commands nothing.
        if let id = message.messageID, Letters.isOwnMessageID(id, domain: domain) { return nil }
        let notice = answeredNotice(message)
        guard notice != nil || looksLikeCommand(message) else { return nil }
        // Someone else answering a notice that was passed on to them (a lead sending the corrected PDF, a
        // reviewer's review) is intake's and the review desk's, not a command to refuse.
        let fromCoordinator = message.from.first.map { isCoordinator($0.address) } ?? false
        if !fromCoordinator, Self.hasPDF(message) || ReviewDesk.token(in: message) != nil { return nil }
        if let handled = context.state.load(Handled.self, kind: "commands", key: key) {
            return .reply(reference: handled.reference, result: "already handled: \(handled.result)")
        }
        let (reference, result) = try handle(message, path: path, key: key, notice: notice)
        try context.state.save(Handled(reference: reference, result: result), kind: "commands", key: key)
        return .reply(reference: reference, result: result)
    }

    /// The newest notice with a token that the message answers.
    func answeredNotice(_ message: ParsedMessage) -> Notice? {
        let domain = context.serviceAddress.domain
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() {
            if let found = Letters.notice(in: id, domain: domain) {
                return Notice(reference: found.reference, kind: found.kind, token: found.token)
            }
        }
        return nil
    }

    /// A coordinator answering a notice without its token (a client that drops References, a forward):
    /// not obeyed, but reported, so the coordinator learns why nothing happened.
    private func looksLikeCommand(_ message: ParsedMessage) -> Bool {
        guard let sender = message.from.first, isCoordinator(sender.address) else { return false }
        return (message.subject ?? "").contains("[tcreview]") && !Self.hasPDF(message)
    }

    static func hasPDF(_ message: ParsedMessage) -> Bool {
        message.attachments.contains {
            $0.contentType == "application/pdf" || $0.fileName?.lowercased().hasSuffix(".pdf") == true
        }
    }

    func isCoordinator(_ address: String) -> Bool {
        context.coordinators.contains { $0.address.lowercased() == address.lowercased() }
    }

    private func handle(_ message: ParsedMessage, path: String, key: String, notice: Notice?) throws -> (
        String, String
    ) {
        let sender = message.from.first
        let reference = notice?.reference ?? Self.subjectReference(message.subject) ?? "inbox"
        if ReviewDesk.isAutomaticReply(message, ownAddress: context.serviceAddress.address) {
            // Kept with the submission only when it truly answers that notice; otherwise in the quarantine.
            let genuine =
                notice.map {
                    context.noticeKey.verifies($0.token, reference: $0.reference, kind: $0.kind)
                } ?? false
            let kept = try keep(
                path, reference: genuine ? reference : nil, key: key, note: "an automatic reply; not a command")
            context.log.record(
                "auto-reply-ignored", reference: kept,
                "\(kept): an automatic reply to a notice from \(sender?.address ?? "?") was kept, not answered")
            return (kept, "automatic reply ignored")
        }
        if let why = refusal(message, notice: notice) {
            return try refuse(message, path: path, key: key, reference: reference, because: why)
        }
        guard let notice, let sender else { return (reference, "not obeyed") }
        let replies = NoticeReplies.replies(forKind: notice.kind)
        let command = ReplyCommand(message)
        guard let command, let word = command.command, replies.contains(where: { $0.command == word }) else {
            if notice.kind.hasPrefix("command-") {
                // "Thanks" to an acknowledgement: kept, and nothing more, so no exchange goes on for ever.
                let kept = try keep(path, reference: reference, key: key, note: "a reply to an acknowledgement")
                context.log.record(
                    "command-ignored", reference: kept,
                    "\(kept): a reply to an acknowledgement from \(sender.address) was kept; it asks nothing")
                return (kept, "kept: answers an acknowledgement")
            }
            let outcome = Outcome(
                done: false, understood: "nothing this notice takes",
                result:
                    command.map { "\u{201C}\($0.word)\u{201D} is not a reply this notice takes." }
                    ?? "The reply had no text of its own above the quoted notice.")
            return try finish(
                outcome, command: command, message: message, path: path, key: key, notice: notice, replies: replies)
        }
        // A word that takes nothing more must stand alone: "send after Friday" or "send – no, hold it" is not
        // an instruction to send now.
        let takesArgument = word == .reassign || (word == .assign && notice.kind == "unidentified")
        if !takesArgument, !command.argument.isEmpty {
            let outcome = Outcome(
                done: false, understood: "\(word.rawValue), with more on the line",
                result:
                    "Nothing was done, because the line says more than \u{201C}\(word.rawValue)\u{201D}. To do it, reply with the word alone on the first line."
            )
            return try finish(
                outcome, command: command, message: message, path: path, key: key, notice: notice, replies: replies)
        }
        let outcome = run(word, argument: command.argument, notice: notice)
        return try finish(
            outcome, command: command, message: message, path: path, key: key, notice: notice, replies: replies)
    }

    /// Why a reply must not be obeyed, or nil.
    private func refusal(_ message: ParsedMessage, notice: Notice?) -> String? {
        guard let notice else {
            return "does not answer a notice of the service (no notice's token in its In-Reply-To or References)"
        }
        guard let sender = message.from.first, isCoordinator(sender.address) else {
            return "does not come from a coordinators address"
        }
        guard context.noticeKey.verifies(notice.token, reference: notice.reference, kind: notice.kind) else {
            return "names a token that the service did not give that notice"
        }
        return SenderVouching.doubt(about: message, authservID: context.settings.authservID)
    }

    private func refuse(_ message: ParsedMessage, path: String, key: String, reference: String, because why: String)
        throws -> (String, String)
    {
        let kept = try keep(path, reference: nil, key: key, note: "not obeyed: it \(why)")
        let line = ReplyCommand(message)?.line ?? "(no text)"
        context.log.record(
            "command-refused", reference: kept,
            "\(kept): a reply from \(message.from.first?.address ?? "?") was not obeyed: it \(why)",
            detail: ["from": message.from.first?.address ?? "", "command": line, "about": reference, "reason": why])
        let notice = context.letters().coordinatorNotice(
            reference: kept, kind: "command-refused", subject: "A reply was not obeyed",
            facts: [
                ("About", reference), ("From", message.from.first?.description ?? "(none)"),
                ("Subject", message.subject ?? "(none)"), ("It said", line), ("Kept in", kept),
            ],
            action:
                "A reply that reads like a command was kept aside and not obeyed, because it \(why). If you sent it, reply to the notice itself (with your mail program's Reply, from your coordinators address); nothing else is needed.",
            to: context.coordinators)
        try context.enqueue(notice, id: "\(kept)-command-refused", reference: kept)
        return (kept, "kept aside, not obeyed: \(why)")
    }

    /// The reference in a subject's last `[…]`, when it has the shape of one of ours.
    static func subjectReference(_ subject: String?) -> String? {
        guard let subject, let close = subject.lastIndex(of: "]"),
            let open = subject[..<close].lastIndex(of: "[")
        else { return nil }
        let inside = subject[subject.index(after: open)..<close]
        guard inside.hasPrefix("TC-") || inside.hasPrefix("Q-") || inside.hasPrefix("R-"),
            inside.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
        else { return nil }
        return String(inside)
    }

    static func shortHash(_ text: String) -> String { String(SHA256.hex(of: Data(text.utf8)).prefix(10)) }
}
