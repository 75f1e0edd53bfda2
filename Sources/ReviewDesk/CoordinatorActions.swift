import Archive
import Foundation
import Review
import Service

/// What coordinators do by command: assign, reassign, and see each reviewer's load.
extension ReviewDesk {
    /// Why a coordinator action could not be done.
    public enum ActionError: Error, CustomStringConvertible {
        case unknownReference(String)
        case notAssigned(reference: String, reviewer: String)
        case unknownReviewer(String)
        case notEligible(reviewer: String, reason: String)
        case unidentified(String)
        case alreadyIdentified(reference: String, institution: String)
        case folderTaken(String)
        case noAsideReply(reference: String)
        case withdrawn(reference: String)

        public var description: String {
            switch self {
            case .unknownReference(let reference):
                return "no submission \(reference) in the archive; 'tcreview status' lists them"
            case .notAssigned(let reference, let reviewer):
                return "\(reviewer) has no open review of \(reference)"
            case .unknownReviewer(let reviewer):
                return "\(reviewer) is not in reviewers.csv; add them first"
            case .notEligible(let reviewer, let reason):
                return "\(reviewer) cannot review it: \(reason)"
            case .unidentified(let reference):
                return
                    "\(reference) is not filed under an institution yet: move its folder into the institution's folder (Mailbox/<Institution>/<YYYY>/<MM-Month>/), then assign again"
            case .alreadyIdentified(let reference, let institution):
                return "\(reference) is already filed as \(institution)'s; it was not moved"
            case .folderTaken(let path):
                return "\(path) exists already; nothing was moved"
            case .withdrawn(let reference):
                return "that review of \(reference) was taken off its reviewer, so a reply to it cannot count"
            case .noAsideReply(let reference):
                return "no reply of \(reference) is kept aside under this notice; it may have been released already"
            }
        }
    }

    func submission(_ reference: String) throws(ActionError) -> (folder: String, record: SubmissionRecord) {
        guard let folder = store.submissionFolder(reference: reference),
            let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)")
        else { throw .unknownReference(reference) }
        return (folder, record)
    }

    /// `tcreview assign REF`: brings the submission up to its number of reviewers. An unidentified submission
    /// that a coordinator moved into an institution's folder is first recorded as that institution's.
    public func assign(reference: String) throws -> AssignmentResult {
        var (folder, record) = try submission(reference)
        if record.institution == nil {
            let institutionFolder =
                (((folder as NSString).deletingLastPathComponent as NSString)
                .deletingLastPathComponent as NSString).deletingLastPathComponent
            let name = (institutionFolder as NSString).lastPathComponent
            guard
                let institution = context.settings.institutions.first(where: {
                    SafeName.component($0.name, fallback: "") == name
                })
            else { throw ActionError.unidentified(reference) }
            record.institution = institution.name
            record.institutionShort = institution.short
            record.identifiedBy = "coordinator"
            try FileSystem.writeAtomically(try record.encoded(), to: "\(folder)/\(ArchiveLayout.recordFileName)")
            context.log.record(
                "identified", reference: reference,
                "\(reference): recorded as \(institution.name)'s (moved by a coordinator)")
        }
        return try assign(record: record, folder: folder)
    }

    /// `tcreview reassign REF FROM TO`: withdraws FROM's open review and gives it to TO, telling both.
    public func reassign(reference: String, from old: String, to new: String) throws -> AssignmentRecord {
        let (folder, record) = try submission(reference)
        var records = store.assignments(in: folder)
        guard let index = records.firstIndex(where: { $0.reviewer == old.lowercased() && $0.status == .open }) else {
            throw ActionError.notAssigned(reference: reference, reviewer: old)
        }
        guard let reviewer = reviewer(new) else { throw ActionError.unknownReviewer(new) }
        let choice = Assigner.choose(
            count: 1, institution: record.institutionShort, wanted: [], reviewers: [reviewer],
            load: loads(window: SubmissionWindow(containing: record.year, month: record.month)),
            alreadyAssigned: Set(records.filter { $0.status != .withdrawn }.map(\.reviewer)))
        guard choice.reviewers.count == 1 else {
            throw ActionError.notEligible(reviewer: new, reason: choice.excluded[reviewer.email] ?? "not eligible")
        }
        guard let rubric = rubric(for: record) else { throw ActionError.unknownReference(reference) }
        let withdrawn = records[index]
        records[index].status = .withdrawn
        let replacement = AssignmentRecord(
            reference: reference, reviewer: reviewer, assigned: context.clock(), days: rubric.daysToReview,
            reason: "reassigned by a coordinator from \(withdrawn.reviewer)")
        records.append(replacement)
        try store.save(records, in: folder)
        try context.enqueue(
            letters.withdrawn(assignment: withdrawn), id: "\(reference)-withdrawn-\(withdrawn.tag)",
            reference: reference)
        try queueRequests(record: record, folder: folder, rubric: rubric)
        context.log.record(
            "reassigned", reference: reference,
            "\(reference): review moved from \(withdrawn.reviewer) to \(reviewer.email)",
            detail: ["from": withdrawn.reviewer, "to": reviewer.email])
        return replacement
    }

    /// One reviewer's standing, for `tcreview reviewers`.
    public struct ReviewerRow: Sendable {
        public var name: String
        public var email: String
        public var institution: String
        public var active: Bool
        public var open: Int
        public var maxOpen: Int
        public var overdue: [String]
        public var received: Int
    }

    public func reviewerRows(now: Date) -> [ReviewerRow] {
        let all = store.allAssignments().map(\.assignment)
        return reviewers.map { reviewer in
            let mine = all.filter { $0.reviewer == reviewer.email && $0.status != .withdrawn }
            let open = mine.filter { $0.status == .open }
            return ReviewerRow(
                name: reviewer.name, email: reviewer.email, institution: reviewer.institution ?? "",
                active: reviewer.active, open: open.count, maxOpen: reviewer.maxOpen,
                overdue: open.filter { $0.due < now }.map(\.reference),
                received: mine.filter { $0.status == .received }.count)
        }
    }
}
