import Configuration
import Foundation

/// One subcommand: its name, its help, and how it runs.
protocol Command {
    static var name: String { get }
    static var abstract: String { get }
    static var usage: String { get }
    static var valuedOptions: Set<String> { get }
    static var flags: Set<String> { get }

    init(arguments: Arguments, configPath: String) throws(UsageError)
    /// Runs the command and returns the process exit status.
    func run() throws -> Int32
}

extension Command {
    static var valuedOptions: Set<String> { [] }
    static var flags: Set<String> { [] }
}

/// A command that takes no words of its own, only the options every command has.
protocol ConfigOnlyCommand: Command {
    init(configPath: String)
}

extension ConfigOnlyCommand {
    init(arguments: Arguments, configPath: String) throws(UsageError) {
        if let extra = arguments.positional.first { throw .unexpectedArgument(extra) }
        self.init(configPath: configPath)
    }
}

/// Exit statuses, as sysexits.h names them where one fits.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let config: Int32 = 78
    /// Another instance holds the archive.
    static let unavailable: Int32 = 69
    /// A server is down or refusing; trying again later can work.
    static let temporaryFailure: Int32 = 75
}

/// Loads the settings for a command, printing every problem and exiting when they are unusable.
func loadSettings(_ configPath: String) throws -> Settings {
    do {
        return try SettingsLoader().load(configPath: configPath)
    } catch {
        throw CommandFailure(
            status: ExitStatus.config,
            message:
                "the configuration has problems:\n\(error.description)\nRun 'tcreview config check' after fixing them.")
    }
}

/// A failure a command reports with a message and an exit status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: Int32
    var message: String
    var description: String { message }
}
