import Archive
import ArchiveView
import Configuration
import Deadlines
import Foundation
import Intake
import ReviewDesk
import Service

/// Opens the review desk for a command that changes the archive: loads the settings, takes the archive's
/// write lock (waiting for a `serve` cycle in progress to finish), and sends what the command queued.
func withReviewDesk<Result>(_ configPath: String, now: Date? = nil, _ body: (ReviewDesk) throws -> Result) throws
    -> Result
{
    try withArchive(configPath, now: now) { context in try runDesk(context, body) }
}

/// Loads the settings, takes the archive's write lock (waiting for a `serve` cycle in progress to
/// finish), and gives `body` the service's context, with the PDF reader child as the service runs it.
func withArchive<Result>(_ configPath: String, now: Date? = nil, _ body: (IntakeContext) throws -> Result) throws
    -> Result
{
    let settings = try loadSettings(configPath)
    let lock = try ArchiveLock.writing(archive: settings.archive)
    defer { withExtendedLifetime(lock) {} }
    var context = IntakeContext(
        settings: settings,
        inspector: PDFInspector(
            executable: PDFInspector.defaultExtractor, timeout: settings.pdfTimeout,
            memoryLimit: settings.pdfMemoryLimit))
    if let now { context.clock = { now } }
    return try body(context)
}

func runDesk<Result>(_ context: IntakeContext, _ body: (ReviewDesk) throws -> Result) throws -> Result {
    let settings = context.settings
    let desk: ReviewDesk
    do { desk = try ReviewDesk.load(context: context.service) } catch {
        throw CommandFailure(
            status: ExitStatus.config, message: "the review configuration has problems:\n\(error.description)")
    }
    let result = try body(desk)
    try ArchiveIndex.rebuild(archive: settings.archive, now: Date(), rubricsFolder: settings.rubricsFolder)
    let report = OutboxSender(context: context.service).flush()
    if report.stillQueued > 0 {
        print(
            "\(report.stillQueued) email(s) stay queued and go out on the service's next cycle\(report.failure.map { ": \($0)" } ?? "")."
        )
    }
    return result
}

/// `tcreview assign REF`.
struct AssignCommand: Command {
    static let name = "assign"
    static let abstract = "Assign reviewers to a submission (up to its rubric's number)"
    static let usage = """
        USAGE: tcreview assign REF [--config PATH]

        Chooses reviewers for the submission REF (e.g. TC-2024-07-LJMU) from reviewers.csv: never from its
        institution or with a declared conflict, never inactive or over max-open; the least loaded first.
        Emails each new reviewer the PDF and the form. A submission with enough reviewers gets none.
        """

    let reference: String
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        self.reference = try arguments.single("REF")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        try withReviewDesk(configPath) { desk in
            let result: ReviewDesk.AssignmentResult
            do { result = try desk.assign(reference: reference) } catch let error as ReviewDesk.ActionError {
                throw CommandFailure(status: ExitStatus.failure, message: error.description)
            }
            if result.added.isEmpty && result.shortfall == 0 { print("\(reference) already has its reviewers.") }
            for assignment in result.added {
                print("\(reference): \(assignment.reviewerName) <\(assignment.reviewer)>: \(assignment.reason)")
            }
            if result.shortfall > 0 {
                print("\(reference): \(result.shortfall) more reviewer(s) needed; the coordinators were told.")
            }
            return result.shortfall > 0 ? ExitStatus.failure : ExitStatus.success
        }
    }
}

/// `tcreview reassign REF FROM TO`.
struct ReassignCommand: Command {
    static let name = "reassign"
    static let abstract = "Move a review from one reviewer to another"
    static let usage = """
        USAGE: tcreview reassign REF FROM TO [--config PATH]

        Withdraws FROM's open review of REF (they are told they no longer need to do it) and assigns TO,
        who must be in reviewers.csv and eligible. TO is emailed the PDF and the form, with a new due date.
        """

    let reference: String
    let from: String
    let to: String
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        guard arguments.positional.count >= 3 else {
            throw .missingArgument(["REF", "FROM", "TO"][arguments.positional.count])
        }
        if arguments.positional.count > 3 { throw .unexpectedArgument(arguments.positional[3]) }
        (reference, from, to) = (arguments.positional[0], arguments.positional[1], arguments.positional[2])
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        try withReviewDesk(configPath) { desk in
            do {
                let assignment = try desk.reassign(reference: reference, from: from, to: to)
                print(
                    "\(reference): now reviewed by \(assignment.reviewerName) <\(assignment.reviewer)>, due \(assignment.due.formatted(date: .long, time: .omitted))."
                )
                return ExitStatus.success
            } catch let error as ReviewDesk.ActionError {
                throw CommandFailure(status: ExitStatus.failure, message: error.description)
            }
        }
    }
}

/// `tcreview reviewers`.
struct ReviewersCommand: ConfigOnlyCommand {
    static let name = "reviewers"
    static let abstract = "Each reviewer's load and what is overdue"
    static let usage = """
        USAGE: tcreview reviewers [--config PATH]

        One row per reviewer in reviewers.csv: open reviews against their limit, reviews received, and the
        references of any that are overdue.
        """

    let configPath: String

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let context = ServiceContext(settings: settings)
        let desk: ReviewDesk
        do { desk = try ReviewDesk.load(context: context) } catch {
            throw CommandFailure(
                status: ExitStatus.config, message: "the review configuration has problems:\n\(error.description)")
        }
        let rows = desk.reviewerRows(now: Date())
        let table =
            [["REVIEWER", "EMAIL", "INSTITUTION", "OPEN", "RECEIVED", "OVERDUE"]]
            + rows.map { row in
                [
                    row.name + (row.active ? "" : " (inactive)"), row.email, row.institution,
                    "\(row.open)/\(row.maxOpen)",
                    "\(row.received)", row.overdue.isEmpty ? "-" : row.overdue.joined(separator: ", "),
                ]
            }
        printTable(table)
        return ExitStatus.success
    }
}

/// `tcreview remind`.
struct RemindCommand: Command {
    static let name = "remind"
    static let abstract = "Run today's reminder pass now (serve runs it once a day)"
    static let usage = """
        USAGE: tcreview remind [--now 2025-02-01T09:00:00Z] [--config PATH]

        Reminds reviewers whose review is due in [review] reminder-days-before days, and those whose review
        was due yesterday; tells the coordinators once a review is [review] overdue-notify-days days late.
        Runs at most once per calendar day; --now runs it as if at that time (for checking a schedule).
        """
    static let valuedOptions: Set<String> = ["--now"]

    let now: Date?
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        self.now = try arguments.time("--now")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        try withArchive(configPath, now: now) { context in
            try runDesk(context) { desk in
                // The reviewers' reminders, then the leads' deadlines: two workflows, one daily pass each.
                let queued =
                    try desk.remindIfNewDay(now: now ?? Date())
                    + LeadReminders(context: context.service).remindIfNewDay(now: now ?? Date())
                print("\(queued) reminder(s) queued.")
                return ExitStatus.success
            }
        }
    }
}

/// Prints rows as aligned columns.
func printTable(_ rows: [[String]]) {
    guard let width = rows.first?.count else { return }
    let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
        print(
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
    }
}
