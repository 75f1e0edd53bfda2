import Archive
import Configuration
import FollowThrough
import Foundation
import MIME
import Prescreen
import Review
import Service

extension ReviewDesk {
    /// What an assignment did.
    public struct AssignmentResult: Sendable {
        public var added: [AssignmentRecord]
        public var shortfall: Int
    }

    /// Brings a submission up to its rubric's number of reviewers, records who and why, and queues each
    /// new reviewer's request. Idempotent: requests already queued are not queued again, and a submission
    /// with enough reviewers gets none.
    public func assign(record: SubmissionRecord, folder: String) throws -> AssignmentResult {
        guard let rubric = rubric(for: record) else { return AssignmentResult(added: [], shortfall: 0) }
        let existing = store.assignments(in: folder)
        let active = existing.filter { $0.status != .withdrawn }
        let needed = rubric.reviewersPerSubmission - active.count
        var added: [AssignmentRecord] = []
        var shortfall = 0
        if needed > 0 {
            let choice = Assigner.choose(
                count: needed, institution: record.institutionShort, wanted: wantedExpertise(folder: folder),
                reviewers: reviewers,
                load: loads(window: SubmissionWindow(containing: record.year, month: record.month)),
                alreadyAssigned: Set(existing.map { $0.reviewer.lowercased() }))
            let now = context.clock()
            added = choice.reviewers.map { reviewer in
                AssignmentRecord(
                    reference: record.reference, reviewer: reviewer, assigned: now, days: rubric.daysToReview,
                    reason: choice.reasons[reviewer.email] ?? "eligible")
            }
            shortfall = choice.shortfall
            if !added.isEmpty || shortfall > 0 {
                // The decision is on disk before any email is queued; a crash in between queues them on restart.
                try store.save(existing + added, in: folder)
            }
            for assignment in added {
                context.log.record(
                    "assigned", reference: record.reference,
                    "\(record.reference): assigned \(assignment.reviewer) (\(assignment.reason))",
                    detail: ["reviewer": assignment.reviewer, "reason": assignment.reason])
            }
            if shortfall > 0 {
                let notice = letters.tooFewReviewers(
                    record: record, needed: rubric.reviewersPerSubmission, assigned: active.count + added.count,
                    excluded: choice.excluded, coordinators: context.coordinators)
                try context.enqueue(
                    notice, id: "\(record.reference)-reviewers-short-\(active.count + added.count)",
                    reference: record.reference)
            }
        }
        try queueRequests(record: record, folder: folder, rubric: rubric)
        return AssignmentResult(added: added, shortfall: shortfall)
    }

    /// Queues the request email of every open assignment of a submission that has none queued yet.
    func queueRequests(record: SubmissionRecord, folder: String, rubric: Rubric) throws {
        let findings = PrescreenReport.load(folder: folder)
        let followThrough = FollowThroughReport.load(folder: folder)
        let pdfs = record.files.filter { $0.role == .submission }.map {
            OutgoingMessage.Attachment(path: "\(folder)/\($0.name)", fileName: $0.name)
        }
        for assignment in store.assignments(in: folder) where assignment.status == .open {
            let id = "\(record.reference)-review-\(assignment.tag)"
            guard !context.outbox.contains(id: id) else { continue }
            let request = letters.request(
                record: record, assignment: assignment, rubric: rubric, prescreen: findings,
                followThrough: followThrough, attachments: pdfs)
            try context.enqueue(request, id: id, reference: record.reference)
        }
    }

    /// The areas the pre-screen flagged, as reviewer expertise tags.
    func wantedExpertise(folder: String) -> [String] {
        let tags: [String: String] = [
            "plan-theme-visibility": "visibility", "plan-theme-recognition": "recognition",
            "plan-theme-career-development": "career development", "plan-theme-sustainability": "sustainability",
            "technician-voice": "technician voice", "rag": "rag", "q5-talent": "talent",
        ]
        guard let report = PrescreenReport.load(folder: folder) else { return [] }
        return report.findings.filter { $0.level != .ok }.compactMap { tags[$0.id] }
    }

    /// Each reviewer's load: open reviews, reviews in this submission window, and the last assignment.
    func loads(window: SubmissionWindow) -> [String: ReviewerLoad] {
        var loads: [String: ReviewerLoad] = [:]
        for submission in store.submissions() {
            let sameWindow =
                SubmissionWindow(containing: submission.record.year, month: submission.record.month) == window
            for assignment in store.assignments(in: submission.folder) where assignment.status != .withdrawn {
                let key = assignment.reviewer.lowercased()
                var load = loads[key] ?? ReviewerLoad(open: 0, thisWindow: 0, lastAssigned: nil)
                if assignment.status == .open { load.open += 1 }
                if sameWindow { load.thisWindow += 1 }
                load.lastAssigned = max(load.lastAssigned ?? .distantPast, assignment.assigned)
                loads[key] = load
            }
        }
        return loads
    }
}
