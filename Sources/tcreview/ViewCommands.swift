import ArchiveView
import Configuration
import Deadlines
import Feedback
import Foundation
import Insights
import Intake
import Review
import ReviewDesk

/// `tcreview feedback show|send REF [--again]`.
struct FeedbackCommand: Command {
    static let name = "feedback"
    static let abstract = "Show the compiled feedback, or send it to the institution"
    static let usage = """
        USAGE: tcreview feedback show REF
               tcreview feedback send REF [--again]

        Feedback is compiled when every review of a submission is in, and the draft is emailed to the
        coordinators. 'show' prints it; 'send' emails it (with the PDF) to the institution's lead and the
        original sender, in the thread of their submission. It is sent once; --again sends it once more.
        """
    static let flags: Set<String> = ["--again"]

    let action: String
    let reference: String
    let again: Bool
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        guard let action = arguments.positional.first else { throw .missingArgument("show or send") }
        guard action == "show" || action == "send" else { throw .unexpectedArgument(action) }
        guard arguments.positional.count >= 2 else { throw .missingArgument("REF") }
        if arguments.positional.count > 2 { throw .unexpectedArgument(arguments.positional[2]) }
        self.action = action
        self.reference = arguments.positional[1]
        self.again = arguments.has("--again")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        if action == "show" {
            let settings = try loadSettings(configPath)
            guard
                let summary = ArchiveScanner.summaries(archive: settings.archive, now: Date()).first(where: {
                    $0.reference == reference
                })
            else {
                throw CommandFailure(status: ExitStatus.failure, message: "no submission \(reference) in the archive")
            }
            guard let text = try? String(contentsOfFile: "\(summary.folder)/feedback.txt", encoding: .utf8) else {
                throw CommandFailure(
                    status: ExitStatus.failure,
                    message: "\(reference) has no feedback yet; 'tcreview show \(reference)' says which reviews are in")
            }
            print(text)
            return ExitStatus.success
        }
        return try withArchive(configPath) { context in
            try runDesk(context) { _ in
                do { try FeedbackDesk(context: context.service).send(reference: reference, again: again) } catch {
                    throw CommandFailure(status: ExitStatus.failure, message: "\(error)")
                }
                print("\(reference): feedback sent.")
                return ExitStatus.success
            }
        }
    }
}

/// `tcreview status`.
struct StatusCommand: Command {
    static let name = "status"
    static let abstract = "Where every submission of the current window stands"
    static let usage = """
        USAGE: tcreview status [--window 2025-01 | --all]

        One row per submission: reference, institution, stage, received, pre-screen, each reviewer's state
        (sent, overdue, in), and feedback. The current window by default (windows close at the end of
        January and of July).
        """
    static let valuedOptions: Set<String> = ["--window"]
    static let flags: Set<String> = ["--all"]

    let window: String?
    let all: Bool
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        self.window = arguments.options["--window"]
        self.all = arguments.has("--all")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let now = Date()
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/London") ?? .gmt, from: now)
        let current = window ?? ArchiveScanner.window(year: parts.year ?? 2000, month: parts.month ?? 1)
        let rows = ArchiveScanner.summaries(archive: settings.archive, now: now).filter { all || $0.window == current }
        if !all { print("Window \(current)\(window == nil ? " (the current one; --all for every window)" : "")") }
        print(StatusView.render(rows, color: isatty(STDOUT_FILENO) != 0), terminator: "")
        return ExitStatus.success
    }
}

/// `tcreview show REF`.
struct ShowCommand: Command {
    static let name = "show"
    static let abstract = "Everything about one submission, with its journal"
    static let usage = "USAGE: tcreview show REF"

    let reference: String
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        self.reference = try arguments.single("REF")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        guard
            let summary = ArchiveScanner.summaries(archive: settings.archive, now: Date()).first(where: {
                $0.reference == reference
            })
        else {
            throw CommandFailure(
                status: ExitStatus.failure,
                message: "no submission \(reference) in the archive; 'tcreview status --all' lists them")
        }
        print(StatusView.show(summary, archive: settings.archive), terminator: "")
        return ExitStatus.success
    }
}

/// `tcreview due`.
struct DueCommand: Command {
    static let name = "due"
    static let abstract = "Who owes which stage in which window, who has sent it, who is late"
    static let usage = """
        USAGE: tcreview due [--now 2025-02-01T09:00:00Z]

        From each institution's 'joined' date in institutions.csv: Stage 1 in the window 12-18 months after
        joining, then a stage every three years; windows close at the end of January and of July.
        """
    static let valuedOptions: Set<String> = ["--now"]

    let now: Date
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        self.now = try arguments.time("--now") ?? Date()
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let rows = Deadlines.rows(
            institutions: settings.institutions,
            summaries: ArchiveScanner.summaries(archive: settings.archive, now: now), now: now)
        print(Deadlines.render(rows), terminator: "")
        return ExitStatus.success
    }
}

/// `tcreview verify`.
struct VerifyCommand: ConfigOnlyCommand {
    static let name = "verify"
    static let abstract = "Re-hash every filed file and report anything missing or altered"
    static let usage = "USAGE: tcreview verify\n\nExits 0 when every file matches its recorded SHA-256, 1 otherwise."

    let configPath: String

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let problems = Verifier.verify(archive: settings.archive)
        for problem in problems { print("\(problem.reference): \(problem.file): \(problem.kind): \(problem.detail)") }
        print(problems.isEmpty ? "Every filed file matches its SHA-256." : "\(problems.count) problem(s).")
        return problems.isEmpty ? ExitStatus.success : ExitStatus.failure
    }
}

/// `tcreview index`.
struct IndexCommand: Command {
    static let name = "index"
    static let abstract = "Rebuild the archive's pages, index.csv and each summary.txt (serve does this itself)"
    static let usage = """
        USAGE: tcreview index [--changed] [--config PATH]

        Rewrites the archive's small static site: Mailbox/index.html (the windows, with their counts), a page
        and a CSV per window in Mailbox/windows, a page in each submission folder, one in each institution's
        folder and one for the quarantine; and index.csv and each summary.txt. The site needs no server:
        open Mailbox/index.html from the shared folder.

        OPTIONS:
          --changed      Only what the journal names since the last build, as 'serve' does after each
                         cycle (without it, every folder is read and every page made again, written where
                         it differs: use it after moving or editing folders by hand).
          --config PATH  The configuration file (default config/tcreview.conf).
        """
    static let flags: Set<String> = ["--changed"]

    let changed: Bool
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        changed = arguments.has("--changed")
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let started = ContinuousClock.now
        let site =
            changed
            ? try ArchiveIndex.update(archive: settings.archive, now: Date(), rubricsFolder: settings.rubricsFolder)
            : try ArchiveIndex.rebuild(
                archive: settings.archive, now: Date(), rubricsFolder: settings.rubricsFolder, full: true)
        let quarantine = site.quarantinePage ? " and the quarantine's page" : ""
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        print(
            "\(settings.archive)/index.html and index.csv brought up to date in \(String(format: "%.1f", milliseconds)) ms; \(site.submissionPages) submission page(s), \(site.windowPages) window page(s), \(site.institutionPages) institution page(s)\(quarantine) written."
        )
        return ExitStatus.success
    }
}

/// `tcreview history INSTITUTION`.
struct HistoryCommand: Command {
    static let name = "history"
    static let abstract =
        "One institution's submissions over time: plans by theme, RAG outcomes, follow-through, medians"
    static let usage = """
        USAGE: tcreview history INSTITUTION [--config PATH]

        INSTITUTION is its short name or full name as in institutions.csv (any case). For each submission,
        oldest first: its stage and date, the size of its action plan by theme, its RAG analysis, how it
        followed through on the plan before it (followthrough.txt in its folder has every match), and the
        median score per criterion once its reviews are in.
        """

    let institution: String
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        institution = arguments.positional.joined(separator: " ")
        guard !institution.isEmpty else { throw .missingArgument("INSTITUTION") }
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        guard let found = settings.institution(named: institution) else {
            let known = settings.institutions.map(\.short).joined(separator: ", ")
            throw CommandFailure(
                status: ExitStatus.failure,
                message:
                    "no institution \u{201C}\(institution)\u{201D} in institutions.csv; its short names are: \(known)")
        }
        let entries = InstitutionHistory.entries(
            archive: settings.archive, institution: found.name,
            rubrics: RubricLibrary.load(folder: settings.rubricsFolder).rubrics, now: Date())
        print(InstitutionHistory.render(institution: found.name, entries: entries), terminator: "")
        return ExitStatus.success
    }
}

/// `tcreview insights`.
struct InsightsCommand: Command {
    static let name = "insights"
    static let abstract = "Practice across the sector: kinds of initiative, what gets done, medians (Mailbox/insights/)"
    static let usage = """
        USAGE: tcreview insights [--window 2025-01 | --since YYYY] [--config PATH]

        Reads every filed submission's plan, RAG analysis, follow-through and reviews, and writes
        Mailbox/insights/index.html (charts and tables), insights.csv (the same figures) and insights.pdf:
        planned actions by theme and window; how many institutions plan each kind of initiative and how
        RAG analyses rated it (what is most often completed, what stalls); the reviewers' medians by
        criterion over time. Institutions are never named unless [insights] name-institutions = yes, which
        adds quotes of green actions with their institution.

        The kinds of initiative come from the vocabulary file ([insights] vocabulary, default
        initiatives.txt beside the config file), written with the seed from the form's Appendix A the
        first time; edit it to grow it. Actions no kind matches are listed on the page.

        OPTIONS:
          --window W     Only that submission window (as 'tcreview status' names them, e.g. 2025-01).
          --since YYYY   Only windows from that year on.
          --config PATH  The configuration file (default config/tcreview.conf).
        """
    static let valuedOptions: Set<String> = ["--window", "--since"]

    let window: String?
    let since: Int?
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        window = arguments.options["--window"]
        if let text = arguments.options["--since"] {
            guard let year = Int(text), (2017...2100).contains(year) else {
                throw .invalidValue(option: "--since", value: text, expected: "a year such as 2024")
            }
            since = year
        } else {
            since = nil
        }
        if let window, window.range(of: #"^\d{4}-(01|07)$"#, options: .regularExpression) == nil {
            throw .invalidValue(option: "--window", value: window, expected: "a window such as 2025-01 or 2025-07")
        }
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        let settings = try loadSettings(configPath)
        let path = settings.vocabularyFile
        if !FileManager.default.fileExists(atPath: path) {
            try InitiativeVocabulary.seed.write(toFile: path, atomically: true, encoding: .utf8)
            print("Wrote the vocabulary of kinds of initiative to \(path); edit it to grow it.")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (vocabulary, problems) = InitiativeVocabulary.parse(text)
        guard problems.isEmpty else {
            throw CommandFailure(
                status: ExitStatus.config,
                message: "the vocabulary has problems:\n" + problems.map { "\(path): \($0)" }.joined(separator: "\n"))
        }
        let now = Date()
        let insights = SectorInsights.compute(
            archive: settings.archive, filter: .init(window: window, sinceYear: since), vocabulary: vocabulary,
            rubrics: RubricLibrary.load(folder: settings.rubricsFolder).rubrics,
            nameInstitutions: settings.nameInstitutions, now: now)
        let first = !FileManager.default.fileExists(
            atPath: "\(settings.archive)/\(InsightsReport.folderName)/index.html")
        let folder = try InsightsReport.write(insights, archive: settings.archive, now: now)
        // The archive's index links the insights from the first time on.
        if first {
            try ArchiveIndex.rebuild(archive: settings.archive, now: now, rubricsFolder: settings.rubricsFolder)
        }
        print(InsightsReport.summary(insights, folder: folder), terminator: "")
        return ExitStatus.success
    }
}
