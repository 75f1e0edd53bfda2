import Archive
import ArchiveView
import Foundation
import Intake

/// `tcreview rescreen REF|--all`.
struct RescreenCommand: Command {
    static let name = "rescreen"
    static let abstract = "Pre-screen filed submissions again with the current reader (no email)"
    static let usage = """
        USAGE: tcreview rescreen REF [--config PATH]
               tcreview rescreen --all [--config PATH]

        Reads the PDFs of the submission REF (e.g. TC-2024-07-LJMU), or of every filed submission with
        --all, again through the PDF reader and screens them with the current checks. The earlier report is
        kept as prescreen.previous.txt and .json; text.txt, layout.json, prescreen.txt, prescreen.json,
        action-plan.csv and submission.json are rewritten, and the journal records 'rescreened'. Nobody is
        emailed. Prints one line per submission, e.g. 'TC-2024-07-LJMU: missing → ok (signoff-leader:
        missing → ok)' or 'TC-2024-07-LJMU: unchanged (ok)'. A submission whose PDF cannot be read keeps its
        earlier report and the run goes on; the exit status is then 1. The index shows the new verdicts
        after the service's next cycle or 'tcreview index'.
        """
    static let flags: Set<String> = ["--all"]

    /// One submission, or nil for every filed one.
    let reference: String?
    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if arguments.has("--all") {
            if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
            self.reference = nil
        } else {
            self.reference = try arguments.single("REF or --all")
        }
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        try withArchive(configPath) { context in try rescreen(context) }
    }

    private func rescreen(_ context: IntakeContext) throws -> Int32 {
        let settings = context.settings

        var summaries = ArchiveScanner.summaries(archive: settings.archive, now: Date())
        if let reference {
            summaries = summaries.filter { $0.reference == reference }
            guard !summaries.isEmpty else {
                throw CommandFailure(
                    status: ExitStatus.failure,
                    message: "no submission \(reference) in the archive; 'tcreview status --all' lists them")
            }
        }
        let rescreen = Rescreen(context: context)
        var (changed, unchanged, failed) = (0, 0, 0)
        for (index, summary) in summaries.enumerated() {
            if summaries.count > 1 {
                FileHandle.standardError.write(
                    Data("rescreen \(index + 1)/\(summaries.count) \(summary.reference)\n".utf8))
            }
            do {
                let outcome = try rescreen.rescreen(folder: summary.folder)
                print(outcome.line)
                for note in outcome.notes { print("  note: \(note)") }
                if outcome.changed { changed += 1 } else { unchanged += 1 }
            } catch {
                print(error.description)
                failed += 1
            }
        }
        if reference == nil {
            print(
                "\(summaries.count) submission(s): \(changed) changed, \(unchanged) unchanged, \(failed) not screened again."
            )
        }
        return failed > 0 ? ExitStatus.failure : ExitStatus.success
    }
}
