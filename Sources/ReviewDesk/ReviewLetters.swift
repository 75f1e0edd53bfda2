import Archive
import FollowThrough
import Foundation
import MIME
import Prescreen
import Review
import Service

/// The words of every review email: to busy reviewers, short and exact about what to do and by when.
struct ReviewLetters {
    let letters: Letters

    static func date(_ date: Date) -> String { UKCalendar.longDate(date) }

    /// The subject tag that carries the assignment's token, so a reply finds its assignment.
    static func tag(_ assignment: AssignmentRecord) -> String { "[review:\(assignment.token)]" }

    /// The Message-ID of the request, which a reply names in In-Reply-To/References even if the subject changes.
    func requestID(_ assignment: AssignmentRecord) -> String {
        letters.messageID(assignment.reference, "review.\(assignment.token)")
    }

    func request(
        record: SubmissionRecord, assignment: AssignmentRecord, rubric: Rubric, prescreen: PrescreenReport?,
        followThrough: FollowThroughReport? = nil, attachments: [OutgoingMessage.Attachment]
    ) -> OutgoingMessage {
        var body = "Dear \(assignment.reviewerName),\n\n"
        body += "Thank you for reviewing for the Technician Commitment. Please review the self-assessment and "
        body += "action plan of \(record.institution ?? "a signatory institution") (\(record.reference), "
        body += "\(Letters.monthYear(record.month, record.year))); the PDF is attached.\n\n"
        body += "Please reply by \(Self.date(assignment.due)).\n\n"
        if let prescreen {
            body += "Our automatic first check (\(prescreen.form.rawValue)):\n"
            let lines = prescreen.attentionLines()
            if lines.isEmpty { body += "  - Nothing missing was found.\n" }
            for line in lines { body += "  - \(line)\n" }
            body += "\n"
        }
        if let followThrough {
            // For scoring evidence of impact; matched by shared words, so offered as a guide, not a verdict.
            body += "Follow-through from the previous plan (matched automatically by the words actions share; "
            body += "a guide, please check): \(followThrough.summary)\n"
            if !followThrough.notMentioned.isEmpty {
                body += "Actions of the previous plan the RAG analysis does not seem to mention:\n"
                for action in followThrough.notMentioned.prefix(10) { body += "  - \(action.activity)\n" }
                if followThrough.notMentioned.count > 10 {
                    body += "  - and \(followThrough.notMentioned.count - 10) more\n"
                }
            }
            body += "\n"
        }
        body += """
            How to reply: reply to this email and keep the subject line; fill in the form below. Your reply \
            is checked at once, and you will hear back if anything is missing.

            ----- REVIEW FORM -----

            """
        body += ReviewForm.render(rubric)
        body += "\n----- END OF FORM -----\n\nWith thanks,\nThe Technician Commitment team\n"
        return OutgoingMessage(
            from: letters.from, to: [MailAddress(name: assignment.reviewerName, address: assignment.reviewer)],
            subject: "Review request: \(record.reference) \(Self.tag(assignment))", messageID: requestID(assignment),
            date: letters.now, autoSubmitted: "auto-generated", body: Letters.wrapped(body), attachments: attachments)
    }

    /// Thanks for a valid review.
    func acknowledgement(assignment: AssignmentRecord, to sender: MailAddress, replyID: String?, number: Int)
        -> OutgoingMessage
    {
        var body =
            "Dear \(assignment.reviewerName),\n\nThank you: your review of \(assignment.reference) has been received and stored."
        if number > 1 { body += " It replaces your earlier review (which is kept)." }
        body += "\n\nWith thanks,\nThe Technician Commitment team\n"
        return reply(
            assignment: assignment, to: sender, replyID: replyID, kind: "ack.\(number)",
            subject: "Review received: \(assignment.reference) \(Self.tag(assignment))", body: body)
    }

    /// Asks the reviewer to fix exactly the lines that were missing or wrong; nothing was stored.
    func correction(
        assignment: AssignmentRecord, to sender: MailAddress, replyID: String?, problems: [ReplyProblem],
        rubric: Rubric, kind: String
    ) -> OutgoingMessage {
        var body = "Dear \(assignment.reviewerName),\n\nThank you for your review of \(assignment.reference). "
        body += "We could not store it yet, because some lines of the form need another look:\n\n"
        for problem in problems { body += "  - \(problem.line) \(problem.message)\n" }
        body += "\nPlease reply to this email with the whole form filled in again (keep the subject line); "
        body += "the form is below. Nothing from this reply has been stored, so nothing is counted twice.\n\n"
        body += "With thanks,\nThe Technician Commitment team\n\n----- REVIEW FORM -----\n\n"
        body += ReviewForm.render(rubric) + "\n----- END OF FORM -----\n"
        return reply(
            assignment: assignment, to: sender, replyID: replyID, kind: kind,
            subject: "Please check your review: \(assignment.reference) \(Self.tag(assignment))", body: body)
    }

    /// One reminder email to one reviewer, about every review of theirs that is due soon or overdue.
    func reminder(items: [(assignment: AssignmentRecord, overdue: Bool)], day: String) -> OutgoingMessage {
        let first = items[0].assignment
        var body = "Dear \(first.reviewerName),\n\n"
        if items.count == 1 {
            let (assignment, overdue) = items[0]
            body +=
                overdue
                ? "Your review of \(assignment.reference) was due on \(Self.date(assignment.due)). If you can still send it, please reply to the original request email with the form filled in. If you cannot, just let us know and we will find another reviewer.\n"
                : "A friendly reminder: your review of \(assignment.reference) is due on \(Self.date(assignment.due)). Please reply to the original request email with the form filled in.\n"
        } else {
            body += "A friendly reminder about your reviews:\n\n"
            for (assignment, overdue) in items {
                body += "  - \(assignment.reference): \(overdue ? "was due" : "due") on \(Self.date(assignment.due))\n"
            }
            body +=
                "\nPlease reply to each original request email with its form filled in. If you cannot do one, just let us know and we will find another reviewer.\n"
        }
        body += "\nWith thanks,\nThe Technician Commitment team\n"
        let anyOverdue = items.contains { $0.overdue }
        let subject =
            items.count == 1
            ? "\(anyOverdue ? "Overdue" : "Reminder"): review of \(first.reference) \(Self.tag(first))"
            : "Reminder: \(items.count) reviews \(anyOverdue ? "due or overdue" : "due soon")"
        return OutgoingMessage(
            from: letters.from, to: [MailAddress(name: first.reviewerName, address: first.reviewer)], subject: subject,
            messageID: letters.messageID(first.reference, "reminder.\(first.token).\(day)"), date: letters.now,
            inReplyTo: items.count == 1 ? requestID(first) : nil,
            references: items.count == 1 ? [requestID(first)] : [],
            autoSubmitted: "auto-generated", body: Letters.wrapped(body))
    }

    func withdrawn(assignment: AssignmentRecord) -> OutgoingMessage {
        let body = """
            Dear \(assignment.reviewerName),

            You no longer need to review \(assignment.reference): a coordinator has passed it to another reviewer. Thank you all the same.

            With thanks,
            The Technician Commitment team

            """
        return OutgoingMessage(
            from: letters.from, to: [MailAddress(name: assignment.reviewerName, address: assignment.reviewer)],
            subject: "No longer needed: review of \(assignment.reference) \(Self.tag(assignment))",
            messageID: letters.messageID(assignment.reference, "withdrawn.\(assignment.token)"), date: letters.now,
            inReplyTo: requestID(assignment), references: [requestID(assignment)], autoSubmitted: "auto-generated",
            body: Letters.wrapped(body))
    }

    func tooFewReviewers(
        record: SubmissionRecord, needed: Int, assigned: Int, excluded: [String: String], coordinators: [MailAddress]
    ) -> OutgoingMessage {
        var facts: [(String, String)] = [
            ("Reference", record.reference), ("Institution", record.institution ?? "not recognised"),
            ("Reviewers", "\(assigned) of \(needed)"),
        ]
        for (email, why) in excluded.sorted(by: { $0.key < $1.key }) {
            facts.append(("Not eligible", "\(email): \(why)"))
        }
        return letters.coordinatorNotice(
            reference: record.reference, kind: "reviewers-short.\(assigned)", subject: "Too few reviewers",
            facts: facts,
            action:
                "Not enough eligible reviewers were found. Add reviewers to reviewers.csv (or raise max-open), then reply assign.",
            to: coordinators)
    }

    func coordinatorNotice(
        reference: String, kind: String, subject: String, action: String, facts: [(String, String)],
        coordinators: [MailAddress]
    ) -> OutgoingMessage {
        letters.coordinatorNotice(
            reference: reference, kind: kind, subject: subject, facts: facts, action: action, to: coordinators)
    }

    private func reply(
        assignment: AssignmentRecord, to sender: MailAddress, replyID: String?, kind: String, subject: String,
        body: String
    ) -> OutgoingMessage {
        let thread = [requestID(assignment)] + [replyID].compactMap { $0 }
        return OutgoingMessage(
            from: letters.from, to: [sender], subject: subject,
            messageID: letters.messageID(assignment.reference, "\(kind).\(assignment.token)"), date: letters.now,
            inReplyTo: replyID ?? requestID(assignment), references: thread, autoSubmitted: "auto-replied",
            body: Letters.wrapped(body))
    }
}
