import Archive
import Foundation

extension ReviewDesk {
    /// Why a submission must not go to reviewers until a coordinator confirms it: it names an
    /// institution (in its file name or subject) that its sender does not belong to. Anyone can write
    /// an institution's name; only its own domains (or its lead) vouch for it.
    func reasonToHold(_ record: SubmissionRecord) -> String? {
        guard record.identifiedBy != "sender domain",
            let institution = context.settings.institutions.first(where: { $0.name == record.institution }),
            !institution.domains.isEmpty
        else { return nil }
        let sender = record.senderAddress.lowercased()
        if let lead = institution.lead, lead.lowercased() == sender { return nil }
        let domain = sender.split(separator: "@").last.map(String.init) ?? ""
        let belongs = institution.domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
        guard !belongs else { return nil }
        return
            "it names \(institution.name) in its \(record.identifiedBy), but was sent from \(record.senderAddress), which is not at one of its domains (\(institution.domains.joined(separator: ", ")))"
    }

    /// Keeps the submission from reviewers and asks the coordinators, once, to confirm it.
    func hold(_ record: SubmissionRecord, because why: String) throws {
        context.log.record(
            "assignment-held", reference: record.reference,
            "\(record.reference): reviewers not assigned until a coordinator confirms: \(why)",
            detail: ["reason": why])
        let notice = letters.coordinatorNotice(
            reference: record.reference, kind: "assignment-held", subject: "Confirm a submission before review",
            action:
                "A submission was filed, but no reviewers were assigned, because \(why). If it is genuine, reply assign; if not, it stays filed and nobody sees it.",
            facts: [
                ("Reference", record.reference), ("Institution", record.institution ?? "not recognised"),
                ("From", record.senderAddress),
            ], coordinators: context.coordinators)
        try context.enqueue(notice, id: "\(record.reference)-assignment-held", reference: record.reference)
    }
}
