import Archive
import Foundation

/// The answer to `status`: where a submission stands, in a few lines.
extension CoordinatorDesk {
    func status(of reference: String) -> String {
        guard let folder = context.layout.submissionFolder(reference: reference),
            let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)")
        else {
            return reference.hasPrefix("TC-")
                ? "No submission \(reference) is in the archive now (its folder may have been removed)."
                : "\(reference) is not a submission; it is kept in the quarantine folder for a person to read."
        }
        var lines = [
            "\(reference): \(record.institution ?? "institution not recognised yet"), received \(UKCalendar.longDate(record.received)) from \(record.senderAddress).",
            "Form: \(record.stage.map { "Stage \($0)" } ?? "stage not recognised"); pre-screen: \(record.prescreen ?? "not run").",
        ]
        let assignments = AssignmentRecord.load(folder: folder).filter { $0.status != .withdrawn }
        if assignments.isEmpty {
            lines.append("Reviewers: none assigned yet.")
        }
        let now = context.clock()
        for assignment in assignments {
            let state: String
            switch assignment.status {
            case .received: state = "review received"
            case .open:
                state =
                    assignment.due < now
                    ? "overdue since \(UKCalendar.longDate(assignment.due))"
                    : "due \(UKCalendar.longDate(assignment.due))"
            case .withdrawn: state = "withdrawn"
            }
            lines.append("Reviewer \(assignment.reviewer): \(state).")
        }
        if let feedback = FeedbackState.load(folder: folder) {
            if feedback.state == .sent, let sent = feedback.sent {
                lines.append("Feedback: sent on \(UKCalendar.longDate(sent)).")
            } else if let compiled = feedback.compiled {
                lines.append("Feedback: draft compiled on \(UKCalendar.longDate(compiled)), not sent yet.")
            }
        } else if !assignments.isEmpty {
            lines.append("Feedback: compiled once every review is in.")
        }
        return lines.joined(separator: "\n")
    }
}
