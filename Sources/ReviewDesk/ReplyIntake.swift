import Archive
import Foundation
import Hashing
import MIME
import Review
import Service

extension ReviewDesk {
    private struct HandledReply: Codable {
        var reference: String
        var result: String
    }

    /// The assignment token a message names, in its subject tag or in the request's Message-ID it answers.
    public static func token(in message: ParsedMessage) -> String? {
        if let subject = message.subject, let range = subject.range(of: "[review:") {
            let token = subject[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
            if !token.isEmpty { return String(token) }
        }
        for id in [message.inReplyTo].compactMap({ $0 }) + message.references.reversed() {
            if let range = id.range(of: ".review.") {
                let token = id[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
                if !token.isEmpty { return String(token) }
            }
        }
        return nil
    }

    /// Out-of-office and other automatic answers: never applied, never answered.
    public static func isAutomaticReply(_ message: ParsedMessage, ownAddress: String) -> Bool {
        if AutoReplyRules.reasonNotToReply(to: message, ownAddress: ownAddress) != nil { return true }
        if message.hasHeader(named: { ["x-autoreply", "x-autorespond", "x-auto-response-suppress"].contains($0) }) {
            return true
        }
        let subject = (message.subject ?? "").lowercased()
        return ["out of office", "automatic reply", "auto:", "autoreply", "auto-reply", "abwesenheit", "away from"]
            .contains { subject.hasPrefix($0) || subject.contains("[\($0)") }
    }

    /// An out-of-office answer known by its words, for responders that add no header and keep the subject:
    /// the text opens by saying the person is away. Asked only of a reply that holds no review, so a
    /// reviewer who apologises for being away and then scores is not ignored.
    static func isOutOfOfficeText(_ text: String) -> Bool {
        let opening = text.prefix(400).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        return [
            "out of the office", "out of office", "on annual leave", "i am away", "i'm away", "i am currently away",
            "on leave until", "away from my desk", "limited access to email", "limited access to e-mail",
            "respond on my return", "reply on my return", "automatic reply", "this is an automated",
            "allan o'r swyddfa",
        ].contains { opening.contains($0) }
    }

    /// After this many correction requests for one reviewer's review, the replies are kept aside and the
    /// coordinators told: a responder that answers every email must not loop with the review desk.
    static let correctionsAllowed = 3

    /// Takes a reply to a review request: stores a valid review, asks for corrections, or keeps the message
    /// aside and tells the coordinators. Nil when the message answers no review request.
    func takeReply(_ message: ParsedMessage, path: String, key: String) throws -> ProcessingOutcome? {
        guard let token = Self.token(in: message) else { return nil }
        if let handled = context.state.load(HandledReply.self, kind: "review-replies", key: key) {
            return .reply(reference: handled.reference, result: "already handled: \(handled.result)")
        }
        let outcome = try handleReply(message, path: path, key: key, token: token)
        try context.state.save(
            HandledReply(reference: outcome.reference, result: outcome.result), kind: "review-replies", key: key)
        return .reply(reference: outcome.reference, result: outcome.result)
    }

    private func handleReply(_ message: ParsedMessage, path: String, key: String, token: String) throws -> (
        reference: String, result: String
    ) {
        let sender = message.from.first
        guard let folder = store.folder(forToken: token),
            let assignment = store.assignments(in: folder).first(where: { $0.token == token }),
            let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)")
        else {
            let reference = try keepAside(
                path, folder: nil, reason: "names an unknown review token (tag \(TokenTag.of(token)))", key: key)
            try tellCoordinators(
                reference: reference, kind: "unknown-token", subject: "Review reply with an unknown token",
                action:
                    "A message claims to answer a review request, but its token matches no assignment. Nothing was applied.",
                message: message)
            return (reference, "kept aside: unknown token")
        }
        if Self.isAutomaticReply(message, ownAddress: context.serviceAddress.address) {
            _ = try keepAside(path, folder: folder, reason: "automatic reply (out of office)", key: key)
            context.log.record(
                "auto-reply-ignored", reference: record.reference,
                "\(record.reference): an automatic reply from \(sender?.address ?? "?") was kept, not answered")
            return (record.reference, "automatic reply ignored")
        }
        let reviewer = self.reviewer(assignment.reviewer)
        let fromReviewer =
            sender.map { reviewer?.owns(address: $0.address) ?? ($0.address.lowercased() == assignment.reviewer) }
            ?? false
        // Kept aside, never applied: a withdrawn assignment, someone other than the reviewer, or a From
        // that may be forged (a review must answer our request, and where the receiving server vouches for
        // senders in Authentication-Results, it must have seen DKIM or DMARC pass).
        let aside: (why: String, advice: String)?
        if assignment.status == .withdrawn {
            aside = ("answers an assignment that was withdrawn", "Nobody else can put scores on a submission.")
        } else if !fromReviewer {
            aside = (
                "does not come from the assigned reviewer (\(assignment.reviewer))",
                "Nobody else can put scores on a submission."
            )
        } else {
            aside = Self.doubt(about: message, token: token, authservID: context.settings.authservID).map {
                ($0, "If it is genuine, ask the reviewer to reply to the request email itself.")
            }
        }
        if let (why, advice) = aside {
            _ = try keepAside(path, folder: folder, reason: why, key: key)
            // A reply to a withdrawn assignment can never be released: its notice offers no `release`.
            let kind =
                assignment.status == .withdrawn ? "withdrawn-\(Self.shortHash(key))" : "aside-\(Self.shortHash(key))"
            try tellCoordinators(
                reference: record.reference, kind: kind, subject: "Review reply not applied",
                action: "A reply to a review request was kept aside and not applied, because it \(why). \(advice)",
                message: message)
            return (record.reference, "kept aside: \(why)")
        }
        guard let rubric = rubric(for: record), let sender else { return (record.reference, "no rubric") }
        let replyID = message.messageID.flatMap { MessageComposer.isSafeToken($0) ? $0 : nil }
        switch ReplyParser.parse(plainText: message.plainText, htmlText: message.htmlText, rubric: rubric) {
        case .success(let answers):
            try accept(
                answers, message: message, path: path, key: key, assignment: assignment, record: record,
                folder: folder, rubric: rubric, to: sender)
            return (record.reference, "review stored")
        case .failure(let errors):
            if Self.isOutOfOfficeText(message.plainText ?? message.htmlText ?? "") {
                _ = try keepAside(path, folder: folder, reason: "automatic reply (out of office)", key: key)
                context.log.record(
                    "auto-reply-ignored", reference: record.reference,
                    "\(record.reference): an out-of-office reply from \(assignment.reviewer) was kept, not answered")
                return (record.reference, "automatic reply ignored")
            }
            let counter = "\(record.reference)-\(assignment.tag)"
            let asked = context.state.load(Int.self, kind: "corrections", key: counter) ?? 0
            guard asked < Self.correctionsAllowed else {
                _ = try keepAside(path, folder: folder, reason: "incomplete review, corrections exhausted", key: key)
                // Told once: the notice's id is fixed by submission and reviewer.
                try tellCoordinators(
                    reference: record.reference, kind: "corrections-exhausted-\(assignment.tag)",
                    subject: "Review replies keep failing",
                    action:
                        "Replies from \(assignment.reviewer) keep arriving without a complete review, after \(asked) requests to check it. No more requests are sent (it may be an automatic responder); the replies are kept aside in the submission's reviews/aside folder. Please contact the reviewer.",
                    message: message)
                context.log.record(
                    "review-incomplete", reference: record.reference,
                    "\(record.reference): another incomplete review from \(assignment.reviewer); no further correction request"
                )
                return (record.reference, "kept aside: corrections exhausted")
            }
            try context.state.save(asked + 1, kind: "corrections", key: counter)
            _ = try keepAside(path, folder: folder, reason: "incomplete review, correction requested", key: key)
            let kind = "fix.\(Self.shortHash(key))"
            try context.enqueue(
                letters.correction(
                    assignment: assignment, to: sender, replyID: replyID, problems: errors.problems, rubric: rubric,
                    kind: kind),
                id: "\(record.reference)-fix-\(assignment.tag)-\(Self.shortHash(key))", reference: record.reference)
            context.log.record(
                "review-incomplete", reference: record.reference,
                "\(record.reference): review from \(assignment.reviewer) incomplete (\(errors.problems.count) lines); correction requested"
            )
            return (record.reference, "correction requested")
        }
    }

    /// Stores a complete review, marks the assignment received, thanks the reviewer, and lets the feedback
    /// stage know; returns the review's number.
    @discardableResult
    private func accept(
        _ answers: ReviewAnswers, message: ParsedMessage, path: String, key: String, assignment: AssignmentRecord,
        record: SubmissionRecord, folder: String, rubric: Rubric, to sender: MailAddress
    ) throws -> Int {
        let replyID = message.messageID.flatMap { MessageComposer.isSafeToken($0) ? $0 : nil }
        let number = try storeReview(
            answers, assignment: assignment, folder: folder, messagePath: path, rubric: rubric, key: key,
            date: message.date)
        var updated = store.assignments(in: folder)
        if let index = updated.firstIndex(where: { $0.token == assignment.token }) { updated[index].status = .received }
        try store.save(updated, in: folder)
        try context.enqueue(
            letters.acknowledgement(assignment: assignment, to: sender, replyID: replyID, number: number),
            id: "\(record.reference)-ack-\(assignment.tag)-\(number)", reference: record.reference)
        context.log.record(
            "review-received", reference: record.reference,
            "\(record.reference): review \(number) from \(assignment.reviewer) stored",
            detail: ["reviewer": assignment.reviewer, "number": "\(number)"])
        do { try afterReview(record, folder) } catch {
            // The review is stored either way; the coordinators can compile and send the feedback later.
            context.log.record(
                "feedback-failed", reference: record.reference,
                "\(record.reference): could not compile the feedback: \(error)")
        }
        return number
    }

    /// What `release` did.
    public enum ReleaseResult: Sendable, Equatable {
        case stored(number: Int, reviewer: String)
        case alreadyStored(number: Int, reviewer: String)
        case incomplete(problems: [String])
    }

    /// Applies the reply kept aside under notice `aside-ID` as its assignment's review, on a coordinator's
    /// word that it is genuine. Asked again, it stores nothing more.
    public func release(reference: String, asideID: String) throws -> ReleaseResult {
        let (folder, record) = try submission(reference)
        let path = "\(folder)/\(AssignmentStore.reviewsFolder)/aside/reply-\(asideID).eml"
        let key = "released:\(asideID)"
        guard asideID.allSatisfy(\.isHexDigit), FileSystem.exists(path) else {
            throw ActionError.noAsideReply(reference: reference)
        }
        try FileSystem.makeDirectory(context.layout.scratch)
        let work = "\(context.layout.scratch)/release-\(UUID().uuidString)"
        try FileSystem.makeDirectory(work)
        defer { FileSystem.remove(work) }
        let message = try MessageParser.parse(file: path, extractingTo: work)
        guard let token = Self.token(in: message),
            let assignment = store.assignments(in: folder).first(where: { $0.token == token }),
            let rubric = rubric(for: record)
        else { throw ActionError.noAsideReply(reference: reference) }
        if let done = store.storedReviews(in: folder).first(where: { $0.messageKey == key }) {
            return .alreadyStored(number: done.number, reviewer: assignment.reviewer)
        }
        // Only the assigned reviewer scores: a review taken off its reviewer stays off.
        guard assignment.status != .withdrawn else { throw ActionError.withdrawn(reference: reference) }
        switch ReplyParser.parse(plainText: message.plainText, htmlText: message.htmlText, rubric: rubric) {
        case .failure(let errors):
            return .incomplete(problems: errors.problems.map { "\($0)" })
        case .success(let answers):
            let reviewer = MailAddress(name: assignment.reviewerName, address: assignment.reviewer)
            let number = try accept(
                answers, message: message, path: path, key: key, assignment: assignment, record: record,
                folder: folder, rubric: rubric, to: reviewer)
            context.log.record(
                "reply-released", reference: reference,
                "\(reference): a kept-aside reply was applied as \(assignment.reviewer)'s review, on a coordinator's word"
            )
            return .stored(number: number, reviewer: assignment.reviewer)
        }
    }

    /// Writes review number N: the reply as it arrived, a readable copy, and the JSON (written last, the commit).
    private func storeReview(
        _ answers: ReviewAnswers, assignment: AssignmentRecord, folder: String, messagePath: String, rubric: Rubric,
        key: String, date: Date?
    ) throws -> Int {
        let reviews = "\(folder)/\(AssignmentStore.reviewsFolder)"
        try FileSystem.makeDirectory(reviews)
        let slug = SafeName.component(
            assignment.reviewer.replacingOccurrences(of: "@", with: "-at-"), fallback: "reviewer")
        let earlier = store.storedReviews(in: folder).filter { $0.reviewer == assignment.reviewer }
        // The same reply again (a restart after a crash before it was marked handled) is not a new review.
        if let same = earlier.first(where: { $0.messageKey == key }) { return same.number }
        let number = (earlier.map(\.number).max() ?? 0) + 1
        let stem = "review-\(slug)-\(number)"
        guard let original = FileSystem.read(messagePath) else {
            throw ArchiveError.io(path: messagePath, operation: "read", errno: ENOENT)
        }
        try FileSystem.writeAtomically(original, to: "\(reviews)/\(stem).eml")
        try FileSystem.writeAtomically(
            Data(readable(answers, assignment: assignment, rubric: rubric, number: number).utf8),
            to: "\(reviews)/\(stem).txt")
        let now = context.clock()
        // The reply's Date counts when it is plausible: not before the review was asked for, not in the future.
        let written = date.flatMap {
            $0 >= assignment.assigned.addingTimeInterval(-86_400) && $0 <= now.addingTimeInterval(86_400) ? $0 : nil
        }
        var stored = StoredReview(
            reference: assignment.reference, reviewer: assignment.reviewer, reviewerName: assignment.reviewerName,
            number: number, received: now, supersedes: nil, stage: rubric.stage, answers: answers, messageKey: key,
            written: written)
        // It replaces the review that counted so far only if it was written after it.
        if let counting = StoredReview.current(earlier), StoredReview.current([counting, stored])?.number == number {
            stored.supersedes = "review-\(slug)-\(counting.number).json"
        }
        try FileSystem.writeAtomically(try JSONFiles.encoder.encode(stored), to: "\(reviews)/\(stem).json")
        return number
    }

    private func readable(_ answers: ReviewAnswers, assignment: AssignmentRecord, rubric: Rubric, number: Int) -> String
    {
        var text =
            "Review \(number) of \(assignment.reference) by \(assignment.reviewerName) <\(assignment.reviewer)>\n"
        text += "Rubric: \(rubric.title)\n\n"
        for criterion in rubric.criteria {
            if criterion.scored, let score = answers.scores[criterion.id] {
                let label = rubric.scale.first { $0.value == score }?.label ?? ""
                text += "\(criterion.title): \(score) of \(rubric.maxScore)\(label.isEmpty ? "" : " (\(label))")\n"
            } else {
                text += "\(criterion.title):\n"
            }
            if let comment = answers.comments[criterion.id], !comment.isEmpty {
                text +=
                    comment.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
                    .joined(separator: "\n") + "\n"
            }
            text += "\n"
        }
        return text
    }

    /// Keeps a reply that is not applied: in the submission's `reviews/aside/`, or the quarantine when it
    /// belongs to no submission. Returns the reference it is kept under.
    private func keepAside(_ path: String, folder: String?, reason: String, key: String) throws -> String {
        guard let data = FileSystem.read(path) else {
            throw ArchiveError.io(path: path, operation: "read", errno: ENOENT)
        }
        let id = Self.shortHash(key)
        let now = context.clock()
        let target: String
        let reference: String
        if let folder {
            target = "\(folder)/\(AssignmentStore.reviewsFolder)/aside"
            reference = (folder as NSString).lastPathComponent
        } else {
            let parts = UKCalendar.calendar.dateComponents([.year, .month], from: now)
            reference = "R-\(parts.year ?? 0)-\(String(format: "%02d", parts.month ?? 0))-\(id)"
            target = context.layout.quarantineFolder(year: parts.year ?? 0, month: parts.month ?? 0) + "/\(reference)"
        }
        try FileSystem.makeDirectory(target)
        try FileSystem.writeAtomically(data, to: "\(target)/reply-\(id).eml")
        try FileSystem.writeAtomically(
            Data("Kept, not applied: this reply \(reason).\n".utf8), to: "\(target)/reply-\(id).txt")
        context.log.record(
            "reply-kept-aside", reference: reference, "\(reference): a review reply was kept aside: it \(reason)")
        return reference
    }

    private func tellCoordinators(
        reference: String, kind: String, subject: String, action: String, message: ParsedMessage
    ) throws {
        let facts: [(String, String)] = [
            ("Reference", reference), ("From", message.from.first?.description ?? "(none)"),
            ("Subject", message.subject ?? "(none)"),
        ]
        let notice = letters.coordinatorNotice(
            reference: reference, kind: kind, subject: subject, action: action, facts: facts,
            coordinators: context.coordinators)
        try context.enqueue(notice, id: "\(reference)-\(kind)", reference: reference)
    }

    /// Why a reply from the assigned reviewer's address is still not to be trusted, or nil.
    static func doubt(about message: ParsedMessage, token: String, authservID: String?) -> String? {
        let referenced = ([message.inReplyTo].compactMap { $0 } + message.references).contains { $0.contains(token) }
        guard referenced else { return "does not answer our request email (no In-Reply-To or References naming it)" }
        return SenderVouching.doubt(about: message, authservID: authservID)
    }

    static func shortHash(_ text: String) -> String { String(SHA256.hex(of: Data(text.utf8)).prefix(10)) }
}
