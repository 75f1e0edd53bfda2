import Foundation

/// The `tcreview` command: finds the subcommand, handles `--help` and `--config`, runs it.
enum TCReview {
    static let commands: [any Command.Type] = [
        ServeCommand.self, StatusCommand.self, ShowCommand.self, HistoryCommand.self, InsightsCommand.self,
        CheckCommand.self, RescreenCommand.self, AssignCommand.self, ReassignCommand.self, ReviewersCommand.self,
        RemindCommand.self, FeedbackCommand.self, DueCommand.self, VerifyCommand.self, IndexCommand.self,
        ConfigCheckCommand.self, ExtractCommand.self, ScreenCommand.self,
    ]

    static let overview = """
        tcreview: the Technician Commitment self-assessment service.

        Polls the coordinators' inbox, files each submitted PDF in the archive by institution, year and
        month, confirms receipt, pre-screens the form, assigns peer reviewers and takes their scored
        rubrics back by email, compiles the feedback, and gives coordinators a view of the archive.

        USAGE: tcreview <command> [options] [--config PATH]

        COMMANDS:
        \(commands.map { "  " + $0.name.padding(toLength: 15, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

        OPTIONS:
          --config PATH  The configuration file (default config/tcreview.conf); institutions.csv is read
                         from the same folder.
          -h, --help     Show help; 'tcreview <command> --help' shows a command's help.
        """

    static func main() -> Int32 {
        var words = Array(CommandLine.arguments.dropFirst())
        var configPath = "config/tcreview.conf"
        if let index = words.firstIndex(where: { $0 == "--config" || $0.hasPrefix("--config=") }) {
            if words[index] == "--config" {
                guard index + 1 < words.count else { return fail(UsageError.missingValue("--config"), usage: overview) }
                configPath = words[index + 1]
                words.removeSubrange(index...(index + 1))
            } else {
                configPath = String(words[index].dropFirst("--config=".count))
                words.remove(at: index)
            }
        }
        let wantsHelp = words.contains("--help") || words.contains("-h")
        words.removeAll { $0 == "--help" || $0 == "-h" }
        if words.first == "help" {
            words.removeFirst()
            return help(for: words.first)
        }
        guard let name = words.first else { return help(for: nil) }
        guard let command = commands.first(where: { $0.name == name }) else {
            return fail(UsageError.unknownCommand(name), usage: overview)
        }
        if wantsHelp { return help(for: name) }
        do {
            let arguments = try Arguments(Array(words.dropFirst()), valued: command.valuedOptions, flags: command.flags)
            return try command.init(arguments: arguments, configPath: configPath).run()
        } catch let error as UsageError {
            return fail(error, usage: command.usage)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("tcreview: \(failure.message)\n".utf8))
            return failure.status
        } catch {
            FileHandle.standardError.write(Data("tcreview: \(error)\n".utf8))
            return ExitStatus.failure
        }
    }

    static func help(for name: String?) -> Int32 {
        guard let name else {
            print(overview)
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            return fail(UsageError.unknownCommand(name), usage: overview)
        }
        print("\(command.abstract).\n\n\(command.usage)")
        return ExitStatus.success
    }

    static func fail(_ error: UsageError, usage: String) -> Int32 {
        FileHandle.standardError.write(Data("tcreview: \(error)\n\n\(usage)\n".utf8))
        return ExitStatus.usage
    }
}

exit(TCReview.main())
