import Archive
import Feedback
import Foundation
import ReviewDesk
import Service

/// Each command a coordinator can reply, run against the notice it answers. Errors become a "not done"
/// with the reason, never a failed cycle.
extension CoordinatorDesk {
    func run(_ command: NoticeCommand, argument: String, notice: Notice) -> Outcome {
        let reference = notice.reference
        let suffix = notice.kind.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        do {
            switch command {
            case .send:
                return try send(reference: reference, draft: suffix)
            case .assign:
                return try assign(reference: reference, argument: argument, unidentified: notice.kind == "unidentified")
            case .remind:
                let (reviewer, already) = try review.remindNow(reference: reference, tag: suffix)
                return Outcome(
                    done: !already, understood: "send \(reviewer) a reminder about \(reference) now",
                    result: already
                        ? "\(reviewer) was already sent a reminder about \(reference) today; no second one was sent."
                        : "A reminder about \(reference) was sent to \(reviewer).")
            case .reassign:
                return try reassign(reference: reference, tag: suffix, to: argument)
            case .release:
                return try release(reference: reference, asideID: String(notice.kind.dropFirst("aside-".count)))
            case .status:
                return Outcome(done: true, understood: "the state of \(reference)", result: status(of: reference))
            }
        } catch {
            return Outcome(
                done: false, understood: "\(command.rawValue) for \(reference)", result: "Not done: \(error).")
        }
    }

    private func send(reference: String, draft: String) throws -> Outcome {
        let understood = "send the feedback on \(reference) to the institution"
        guard let folder = context.layout.submissionFolder(reference: reference),
            let state = FeedbackState.load(folder: folder)
        else {
            return Outcome(done: false, understood: understood, result: "\(reference) has no compiled feedback.")
        }
        if state.state == .sent, let sent = state.sent {
            return Outcome(
                done: false, understood: understood,
                result: "It was already sent on \(UKCalendar.longDate(sent)); it was not sent again.")
        }
        if let compiled = state.compiled, "\(Int(compiled.timeIntervalSince1970))" != draft {
            return Outcome(
                done: false, understood: understood,
                result:
                    "A newer draft was compiled on \(UKCalendar.longDate(compiled)) (a later review replaced one); nothing was sent. Reply send to the notice of that draft."
            )
        }
        let recipients = try feedback.send(reference: reference, again: false)
        return Outcome(
            done: true, understood: understood,
            result: "The feedback on \(reference) was sent to \(recipients.map(\.address).joined(separator: ", ")).")
    }

    private func assign(reference: String, argument: String, unidentified: Bool) throws -> Outcome {
        guard unidentified else {
            let result = try review.assign(reference: reference)
            return Outcome(
                done: true, understood: "assign reviewers to \(reference)", result: Self.describe(result, reference))
        }
        guard !argument.isEmpty else {
            return Outcome(
                done: false, understood: "assign \(reference), with no institution named",
                result: "Say whose it is: assign and the institution's short name, e.g. assign \(exampleShort).")
        }
        guard let institution = context.settings.institution(named: argument) else {
            return Outcome(
                done: false, understood: "file \(reference) under \u{201C}\(argument)\u{201D}",
                result:
                    "No institution \u{201C}\(argument)\u{201D} is in institutions.csv; nothing was moved. Use its short name (such as \(exampleShort)) or its full name as written there, or add it to institutions.csv first."
            )
        }
        let result = try review.assign(reference: reference, to: institution)
        return Outcome(
            done: true,
            understood: "file \(reference) under \(institution.name) (\(institution.short)) and assign reviewers",
            result: "\(reference) is filed under \(institution.name). " + Self.describe(result, reference))
    }

    private var exampleShort: String { context.settings.institutions.first?.short ?? "ABER" }

    static func describe(_ result: ReviewDesk.AssignmentResult, _ reference: String) -> String {
        var text =
            result.added.isEmpty
            ? "No new reviewers were needed."
            : "Assigned \(result.added.map(\.reviewer).joined(separator: ", ")); each has been sent the review request."
        if result.shortfall > 0 {
            text +=
                " \(result.shortfall) more could not be found among the eligible reviewers (see the notice that follows)."
        }
        return text
    }

    private func reassign(reference: String, tag: String, to new: String) throws -> Outcome {
        guard let old = try review.openAssignments(reference: reference).first(where: { $0.tag == tag }) else {
            return Outcome(
                done: false, understood: "reassign the review of \(reference)",
                result: "This review is no longer open (it came in, or was given to someone else); nothing changed.")
        }
        let address = new.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        guard !address.isEmpty else {
            return Outcome(
                done: false, understood: "reassign \(old.reviewer)'s review of \(reference)",
                result: "Say to whom: reassign and the new reviewer's address, as in reviewers.csv.")
        }
        let replacement = try review.reassign(reference: reference, from: old.reviewer, to: address)
        return Outcome(
            done: true, understood: "give \(old.reviewer)'s review of \(reference) to \(address)",
            result:
                "The review of \(reference) was moved from \(old.reviewer) to \(replacement.reviewer); both were told, and the request was sent, due \(UKCalendar.longDate(replacement.due))."
        )
    }

    private func release(reference: String, asideID: String) throws -> Outcome {
        let understood = "apply the kept-aside reply on \(reference) as the reviewer's review"
        switch try review.release(reference: reference, asideID: asideID) {
        case .stored(let number, let reviewer):
            return Outcome(
                done: true, understood: understood,
                result: "It was stored as review \(number) from \(reviewer), and the reviewer was thanked.")
        case .alreadyStored(let number, let reviewer):
            return Outcome(
                done: false, understood: understood,
                result: "It was already applied as review \(number) from \(reviewer); nothing changed.")
        case .incomplete(let problems):
            return Outcome(
                done: false, understood: understood,
                result:
                    "It holds no complete review, so nothing was stored: \(problems.joined(separator: "; ")). Please ask the reviewer to reply to the request email."
            )
        }
    }
}
