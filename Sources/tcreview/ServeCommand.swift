import Archive
import ArchiveView
import Configuration
import CoordinatorDesk
import Deadlines
import Dispatch
import Feedback
import Foundation
import Intake
import POSIX
import ReviewDesk
import Service

/// `tcreview serve`: watch the inbox, file submissions, send confirmations.
struct ServeCommand: Command {
    static let name = "serve"
    static let abstract = "Watch the inbox, file each submission, and send confirmations"
    static let usage = """
        USAGE: tcreview serve [--once] [--config PATH]

        As soon as new mail arrives (IMAP IDLE, when [imap] idle = yes and the server offers it) and at
        least every poll-interval seconds: connect to [imap] url, file every message not yet processed into
        the archive, move it to [imap] filed-folder (or mark it with the $TCReviewFiled keyword), and send
        the queued emails through [smtp] url. A server that cannot be reached is retried with backoff.

        SIGTERM or SIGINT finishes the message in hand, then exits 0.

        OPTIONS:
          --once         Run one cycle and exit: 0 when all went well, 75 when a server could not be
                         reached (queued emails stay queued), 1 when the login was refused.
          --config PATH  The configuration file (default config/tcreview.conf).

        EXIT STATUS: 69 when another tcreview already holds the archive, 78 when the configuration has
        problems (see 'tcreview config check').
        """
    static let flags: Set<String> = ["--once"]

    let once: Bool
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        self.once = arguments.has("--once")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let lock: ArchiveLock
        do {
            lock = try ArchiveLock(archive: settings.archive)
        } catch {
            let isLocked = if case .locked = error { true } else { false }
            throw CommandFailure(
                status: isLocked ? ExitStatus.unavailable : ExitStatus.failure, message: error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        let inspector = PDFInspector(
            executable: PDFInspector.defaultExtractor, timeout: TimeInterval(settings.pdfTimeout),
            memoryLimit: settings.pdfMemoryLimit)
        // The stages join through the context's hooks: coordinators' commands and review replies are taken
        // before filing, review follows filings, feedback
        // follows a stored review, the leads' reminders run daily, and the coordinators' view is rebuilt
        // after a cycle that changed the archive.
        var context = ServiceContext(settings: settings)
        do {
            var desk = try ReviewDesk.load(context: context)
            let feedback = FeedbackDesk(context: context)
            desk.afterReview = feedback.afterReview
            context.hooks = desk.hooks
            // A coordinator's reply to a notice is a command; any other reply may answer a review request.
            let commands = CoordinatorDesk(context: context, review: desk, feedback: feedback)
            let reviewReplies = context.hooks.routeReply
            context.hooks.routeReply = { message, path, key in
                try commands.take(message, path: path, key: key) ?? reviewReplies(message, path, key)
            }
            let reviewers = context.hooks.everyCycle
            let leads = LeadReminders(context: context)
            context.hooks.everyCycle = {
                try reviewers()
                try leads.remindIfNewDay(now: leads.clock())
            }
            let (archive, rubrics) = (settings.archive, settings.rubricsFolder)
            context.hooks.afterChange = {
                try ArchiveIndex.update(archive: archive, now: Date(), rubricsFolder: rubrics)
            }
        } catch {
            throw CommandFailure(
                status: ExitStatus.config,
                message:
                    "the review configuration has problems:\n\(error.description)\nRun 'tcreview config check' after fixing them."
            )
        }
        let intake = IntakeContext(service: context, inspector: inspector)
        let service = ServiceLoop(context: context) { shouldStop in
            try InboxPoller(context: intake).poll(shouldStop: shouldStop)
        }
        let stop = StopFlag()
        let sources = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
            Signals.ignore(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                EventLog.printLine("stop requested; finishing the message in hand")
                stop.request()
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }

        guard once else {
            service.run(stop: stop)
            return ExitStatus.success
        }
        let result = service.cycle(stop: stop)
        if let failure = result.pollFailure {
            FileHandle.standardError.write(Data("tcreview: \(failure)\n".utf8))
            return result.loginDenied ? ExitStatus.failure : ExitStatus.temporaryFailure
        }
        if let failed = result.poll?.failed, failed > 0 {
            FileHandle.standardError.write(
                Data(
                    "tcreview: \(failed) message(s) could not be filed; they stay in the inbox and are retried (see the log above)\n"
                        .utf8))
            return ExitStatus.failure
        }
        if let failure = result.sendFailure {
            FileHandle.standardError.write(
                Data("tcreview: \(result.stillQueued) email(s) still queued, sent on the next run: \(failure)\n".utf8))
            return ExitStatus.temporaryFailure
        }
        return ExitStatus.success
    }
}
