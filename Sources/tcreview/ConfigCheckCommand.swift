import Configuration
import Foundation
import ReviewDesk

/// `tcreview config check`: validate every configuration file and print `file:line: problem` for each fault.
struct ConfigCheckCommand: Command {
    static let name = "config"
    static let abstract = "Check the configuration files (config check)"
    static let usage = """
        USAGE: tcreview config check [--config PATH]

        Reads tcreview.conf, institutions.csv and reviewers.csv beside it, and the rubrics, and prints one line for each problem as
        file:line: problem. Exits 0 when there are none, 78 otherwise.
        """

    let configPath: String

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        guard arguments.positional.first == "check" else {
            throw arguments.positional.first.map { .unexpectedArgument($0) } ?? .missingArgument("'check'")
        }
        if arguments.positional.count > 1 { throw .unexpectedArgument(arguments.positional[1]) }
        self.configPath = configPath
    }

    func run() throws -> Int32 {
        var (settings, problems) = SettingsLoader().check(configPath: configPath)
        if let settings { problems += ReviewDesk.check(settings: settings) }
        for problem in problems { print(problem) }
        guard let settings, problems.isEmpty else { return ExitStatus.config }
        print("\(configPath): OK: \(settings.institutions.count) institutions, archive \(settings.archive)")
        return ExitStatus.success
    }
}
