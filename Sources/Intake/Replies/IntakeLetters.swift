import Archive
import Configuration
import Foundation
import MIME
import Service

/// The letters intake sends: the confirmation of a filed submission, the rejection of a message that could
/// not be filed, and the one acknowledgement of a conversation.
extension Letters {
    /// The thanks-and-receipt reply to the sender of a filed submission.
    func confirmation(
        record: SubmissionRecord, to recipient: MailAddress, cc: [MailAddress], inReplyTo: String?,
        references: [String], problems: [String], findings: [String]?
    ) -> OutgoingMessage {
        let pdfs = record.files.filter { $0.role == .submission }
        var body = "Dear \(recipient.singleLineName ?? "colleague"),\n\n"
        body += "Thank you for sending your Technician Commitment self-assessment. It has reached the "
        body += "Technician Commitment team safely and is filed under the reference \(record.reference).\n\n"
        if let institution = record.institution {
            body += "Institution:        \(institution)\n"
        } else {
            body += "Institution:        not yet recognised; a coordinator will check and file it for you. "
            body += "(Naming the file \"Institution Name Month Year.pdf\" helps us.)\n"
        }
        body += "Submission period:  \(Self.monthYear(record.month, record.year))\n"
        if record.version > 1 {
            body += "Version:            \(record.version) (your earlier version is kept as well)\n"
        }
        body += "\nWhat we filed:\n"
        for file in pdfs {
            body += "  - \(ShownText.fileName(file.originalName ?? file.name))\n"
            var facts = [Self.size(file.size)]
            if let pages = file.pages { facts.append(pages == 1 ? "1 page" : "\(pages) pages") }
            body += "    \(facts.joined(separator: ", "))\n"
            body += "    SHA-256 \(file.sha256)\n"
        }
        if !problems.isEmpty {
            body += "\nPlease note:\n"
            for problem in problems { body += "  - \(problem)\n" }
        }
        if findings == nil {
            body += "\nWe could not read the text of the PDF automatically, so a coordinator will check that "
            body += "the form is complete and tell you if anything needs your attention.\n"
        }
        if let findings {
            if findings.isEmpty {
                body += "\nOur first check of the form found nothing missing: the questions are answered, "
                body += "the plan covers all four themes, and both sign-offs are there.\n"
            } else {
                body += "\nOur first check of the form found some things that need your attention:\n"
                for finding in findings { body += "  - \(finding)\n" }
                body += "If you can put them right, please reply with the corrected PDF attached; "
                body += "if not, peer review goes ahead with what you sent.\n"
            }
        }
        body += """

            What happens next:
              1. Your self-assessment and action plan go to peer reviewers from other signatory institutions.
              2. You receive their constructive feedback by email.

            To send a corrected version, reply to this email with the new PDF attached; it is filed as a new version and your earlier one is kept. Please quote \(record.reference) in any message about it.

            With best wishes,
            The Technician Commitment team

            This message was sent automatically when your email arrived.

            """
        return OutgoingMessage(
            from: from, to: [recipient], cc: cc,
            subject: "Received: your Technician Commitment self-assessment [\(record.reference)]",
            messageID: messageID(record.reference, "confirmation"), date: now, inReplyTo: inReplyTo,
            references: references, autoSubmitted: "auto-replied", body: Self.wrapped(body))
    }

    /// The polite explanation to a sender whose message could not be filed.
    func rejection(
        reason: QuarantineReason, reference: String, to recipient: MailAddress, inReplyTo: String?,
        references: [String]
    ) -> OutgoingMessage {
        var body = "Dear \(recipient.singleLineName ?? "colleague"),\n\n"
        body += "Thank you for your email to the Technician Commitment team. "
        body += "We could not file it as a self-assessment, because \(reason.explanation)\n\n"
        body += reason.advice + "\n\n"
        body += """
            Your email is kept safely (our reference \(reference)), and a coordinator has been told, so nothing is lost. If you think this is a mistake, just reply and a coordinator will help.

            The form asks for one PDF file titled "Institution Name Month Year", for example "Liverpool John Moores University July 2024.pdf".

            With best wishes,
            The Technician Commitment team

            This message was sent automatically when your email arrived.

            """
        return OutgoingMessage(
            from: from, to: [recipient], subject: "We could not file your email: \(reason.summary) [\(reference)]",
            messageID: messageID(reference, "rejection"), date: now, inReplyTo: inReplyTo, references: references,
            autoSubmitted: "auto-replied", body: Self.wrapped(body))
    }

    /// The one short answer to someone who replied to one of our emails without a submission.
    func acknowledgement(reference: String, to recipient: MailAddress, inReplyTo: String?, references: [String])
        -> OutgoingMessage
    {
        var body = "Dear \(recipient.singleLineName ?? "colleague"),\n\n"
        body += """
            Thank you for your message. We have passed it to a coordinator of the Technician Commitment team, who will read it and reply to you in person (our reference \(reference)).

            If you meant to send your self-assessment, please attach it as a single PDF file and send it again.

            With best wishes,
            The Technician Commitment team

            This message was sent automatically; you will not receive it again in this conversation.

            """
        return OutgoingMessage(
            from: from, to: [recipient], subject: "Your message has been passed to a coordinator [\(reference)]",
            messageID: messageID(reference, "acknowledgement"), date: now, inReplyTo: inReplyTo, references: references,
            autoSubmitted: "auto-replied", body: Self.wrapped(body))
    }
}
