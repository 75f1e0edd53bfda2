import Archive
import Configuration
import Foundation
import MIME
import Review
import Service

/// The peer-review desk: assigns reviewers to filed submissions, emails them the form, takes their
/// replies, and reminds them. Plugs into the service through `ServiceHooks`: intake hands it the replies
/// to its requests, and it assigns reviewers after a filing.
public struct ReviewDesk: Sendable {
    let context: ServiceContext
    let rubrics: [Int: Rubric]
    let reviewers: [Reviewer]
    let policy: ReminderPolicy
    let store: AssignmentStore
    /// Told when a review was stored, with the submission and its folder: the feedback stage plugs in here
    /// (`serve` sets it), compiling the feedback once every review is in.
    public var afterReview: @Sendable (_ record: SubmissionRecord, _ folder: String) throws -> Void = { _, _ in }

    /// Loads rubrics and `reviewers.csv`; throws every problem with its `file:line`.
    public static func load(context: ServiceContext) throws(ConfigErrors) -> ReviewDesk {
        let (rubrics, reviewers, problems) = read(settings: context.settings)
        guard problems.isEmpty else { throw ConfigErrors(problems) }
        return ReviewDesk(
            context: context, rubrics: rubrics, reviewers: reviewers,
            policy: ReminderPolicy(
                daysBefore: context.settings.reminderDaysBefore, overdueNotifyDays: context.settings.overdueNotifyDays),
            store: AssignmentStore(layout: context.layout, state: context.state))
    }

    /// The problems in the rubrics and `reviewers.csv`, for `config check`.
    public static func check(settings: Settings) -> [ConfigProblem] {
        read(settings: settings).problems
    }

    private static func read(settings: Settings) -> ([Int: Rubric], [Reviewer], problems: [ConfigProblem]) {
        var problems: [ConfigProblem] = []
        let (rubrics, rubricProblems) = RubricLibrary.load(folder: settings.rubricsFolder)
        problems += rubricProblems
        if rubrics[1] == nil {
            problems.append(
                ConfigProblem(
                    file: settings.rubricsFolder, line: 0,
                    message: "no Stage 1 rubric (stage-1.rubric); set [service] rubrics to the rubrics folder"))
        }
        var reviewers: [Reviewer] = []
        if let text = try? String(contentsOfFile: settings.reviewersFile, encoding: .utf8) {
            let loaded = ReviewerDirectory.load(
                csv: text, file: settings.reviewersFile, institutions: settings.institutions)
            reviewers = loaded.0
            problems += loaded.1
        } else if settings.autoAssign {
            problems.append(
                ConfigProblem(
                    file: settings.reviewersFile, line: 0,
                    message:
                        "cannot read reviewers.csv; it belongs beside the config file (or set [review] auto-assign = no)"
                ))
        }
        return (rubrics, reviewers, problems)
    }

    /// The hooks that join the desk to the service: replies routed to it, filings followed, a daily pass.
    public var hooks: ServiceHooks {
        let desk = self
        return ServiceHooks(
            routeReply: { message, path, key in try desk.takeReply(message, path: path, key: key) },
            afterFiling: { record, folder in
                // An unidentified submission waits for a coordinator: conflicts cannot be checked without
                // its institution ('tcreview assign REF' once it is filed under one).
                if desk.context.settings.autoAssign, record.institution != nil {
                    if let why = desk.reasonToHold(record) {
                        try desk.hold(record, because: why)
                    } else {
                        _ = try desk.assign(record: record, folder: folder)
                    }
                }
            },
            everyCycle: { try desk.remindIfNewDay(now: desk.context.clock()) })
    }

    /// The rubric for a submission, by the stage the pre-screen recognised (Stage 1 when unknown).
    func rubric(for record: SubmissionRecord) -> Rubric? {
        RubricLibrary.rubric(forStage: record.stage, in: rubrics)
    }

    func reviewer(_ email: String) -> Reviewer? {
        reviewers.first { $0.email.lowercased() == email.lowercased() }
    }

    var letters: ReviewLetters {
        ReviewLetters(letters: context.letters())
    }
}
