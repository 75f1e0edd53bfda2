import Foundation

/// Reads and validates `tcreview.conf` and `institutions.csv`, collecting every problem with its line.
public struct SettingsLoader {
    public var environment: [String: String]
    /// The directory relative archive paths are taken from (where the service runs).
    public var workingDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    static let knownKeys: [String: Set<String>] = [
        "imap": ["url", "user", "password-file", "filed-folder", "ca-file", "idle"],
        "smtp": ["url", "user", "password-file", "from", "ca-file"],
        "service": [
            "archive", "poll-interval", "max-message-size", "coordinators", "replies-per-hour", "pdf-timeout",
            "transfer-timeout",
            "pdf-memory-limit", "rubrics",
        ],
        "review": ["reminder-days-before", "overdue-notify-days", "auto-assign", "authserv-id"],
        "feedback": ["auto-send"],
        "deadlines": ["remind-leads-weeks"],
        "insights": ["name-institutions", "vocabulary"],
    ]

    /// Loads the settings, or throws every problem found.
    public func load(configPath: String) throws(ConfigErrors) -> Settings {
        let (settings, problems) = check(configPath: configPath)
        guard let settings, problems.isEmpty else { throw ConfigErrors(problems) }
        return settings
    }

    /// Validates every config file; returns the settings when they are usable, and all problems found.
    public func check(configPath: String) -> (Settings?, [ConfigProblem]) {
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else {
            return (
                nil, [ConfigProblem(file: configPath, line: 0, message: "cannot read the file; pass --config PATH")]
            )
        }
        let ini = IniFile(path: configPath, text: text)
        var problems = ini.problems
        let directory = (absolute(configPath) as NSString).deletingLastPathComponent
        func problem(_ section: String, _ key: String, _ message: String) {
            let line = ini.entry(section, key)?.line ?? ini.sectionLines[section] ?? 0
            problems.append(ConfigProblem(file: configPath, line: line, message: message))
        }
        for (section, keys) in ini.sections {
            guard let known = Self.knownKeys[section] else {
                problems.append(
                    .init(
                        file: configPath, line: ini.sectionLines[section] ?? 0, message: "unknown section [\(section)]")
                )
                continue
            }
            for (key, entry) in keys where !known.contains(key) {
                problems.append(
                    .init(
                        file: configPath, line: entry.line,
                        message:
                            "unknown key '\(key)' in [\(section)]; known keys: \(known.sorted().joined(separator: ", "))"
                    ))
            }
        }

        func server(_ section: String, schemes: [String], envVar: String) -> Settings.Server? {
            guard let url = ini.value(section, "url") else {
                problem(section, "url", "[\(section)] url is required")
                return nil
            }
            let lower = url.lowercased()
            if !schemes.contains(where: { lower.hasPrefix($0 + "://") }) || url.contains("@") {
                problem(
                    section, "url",
                    "[\(section)] url must start with \(schemes.map { $0 + "://" }.joined(separator: " or ")) and carry no user or password"
                )
            }
            var password = environment[envVar].flatMap { $0.isEmpty ? nil : $0 }
            if password == nil, let file = ini.value(section, "password-file") {
                let path = resolve(file, in: directory)
                if let contents = try? String(contentsOfFile: path, encoding: .utf8) {
                    password = contents.trimmingCharacters(in: .newlines)
                } else {
                    problem(section, "password-file", "cannot read the password file \(path)")
                }
            }
            let user = ini.value(section, "user")
            if user != nil, password == nil {
                problem(section, "user", "[\(section)] user is set but no password: set password-file or \(envVar)")
            }
            let caFile = ini.value(section, "ca-file").map { resolve($0, in: directory) }
            if let caFile, !FileManager.default.fileExists(atPath: caFile) {
                problem(section, "ca-file", "the CA file \(caFile) does not exist")
            }
            return Settings.Server(url: url, user: user, password: password, caFile: caFile)
        }

        func integer(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let text = ini.value("service", key) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                problem("service", key, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return fallback
            }
            return number
        }

        let imap = server("imap", schemes: ["imaps", "imap"], envVar: "TCREVIEW_IMAP_PASSWORD")
        let smtp = server("smtp", schemes: ["smtps", "smtp"], envVar: "TCREVIEW_SMTP_PASSWORD")
        let from = ini.value("smtp", "from") ?? ""
        if from.isEmpty {
            problem("smtp", "from", "[smtp] from is required, e.g. Technician Commitment <tc@example.org>")
        } else if !EmailAddress.isPlain(Self.bareAddress(from)) {
            problem("smtp", "from", "[smtp] from '\(from)' has no usable address")
        }
        let coordinators = (ini.value("service", "coordinators") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for address in coordinators where !EmailAddress.isPlain(address) {
            problem("service", "coordinators", "coordinator '\(address)' is not an email address")
        }
        if coordinators.isEmpty {
            problem(
                "service", "coordinators",
                "[service] coordinators must list at least one address to tell about problems")
        }
        let archive = resolve(ini.value("service", "archive") ?? "Mailbox", in: workingDirectory)
        let pollInterval = integer("poll-interval", default: 60, range: 1...86_400)
        let maxMessageSize = integer("max-message-size", default: 25 << 20, range: 1024...(1 << 34))
        let repliesPerHour = integer("replies-per-hour", default: 5, range: 1...1000)
        let transferTimeout = integer("transfer-timeout", default: 120, range: 1...3600)
        var pdfTimeout = 30.0
        if let text = ini.value("service", "pdf-timeout") {
            if let seconds = Double(text), seconds > 0, seconds <= 3600 {
                pdfTimeout = seconds
            } else {
                problem(
                    "service", "pdf-timeout",
                    "pdf-timeout must be a number of seconds above 0 and at most 3600, such as 30 or 0.5")
            }
        }
        let pdfMemory = integer("pdf-memory-limit", default: 1 << 30, range: (64 << 20)...(1 << 36))

        let rubrics = resolve(ini.value("service", "rubrics") ?? "Rubrics", in: workingDirectory)
        func reviewInteger(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let text = ini.value("review", key) else { return fallback }
            guard let number = Int(text), range.contains(number) else {
                problem("review", key, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return fallback
            }
            return number
        }
        let reminderDaysBefore = reviewInteger("reminder-days-before", default: 3, range: 0...60)
        let overdueNotifyDays = reviewInteger("overdue-notify-days", default: 7, range: 1...120)
        /// A yes/no key (also true/false, on/off); anything else is a problem on its line.
        func yesNo(_ section: String, _ key: String, default fallback: Bool) -> Bool {
            guard let text = ini.value(section, key)?.lowercased() else { return fallback }
            if ["yes", "true", "on"].contains(text) { return true }
            if ["no", "false", "off"].contains(text) { return false }
            problem(section, key, "\(key) must be yes or no")
            return fallback
        }
        let idle = yesNo("imap", "idle", default: true)
        let autoAssign = yesNo("review", "auto-assign", default: true)
        let autoSendFeedback = yesNo("feedback", "auto-send", default: false)
        let nameInstitutions = yesNo("insights", "name-institutions", default: false)
        let vocabulary = ini.value("insights", "vocabulary").flatMap { $0.isEmpty ? nil : $0 } ?? "initiatives.txt"

        var remindLeadsWeeks = 0
        if let text = ini.value("deadlines", "remind-leads-weeks") {
            if let weeks = Int(text), (0...26).contains(weeks) {
                remindLeadsWeeks = weeks
            } else {
                problem(
                    "deadlines", "remind-leads-weeks", "remind-leads-weeks must be a whole number from 0 (off) to 26")
            }
        }

        let csvPath = (directory as NSString).appendingPathComponent("institutions.csv")
        var institutions: [Institution] = []
        if let csv = try? String(contentsOfFile: csvPath, encoding: .utf8) {
            let loaded = Institution.load(csv: csv, file: csvPath)
            institutions = loaded.0
            problems += loaded.1
        } else {
            problems.append(
                .init(
                    file: csvPath, line: 0, message: "cannot read institutions.csv; it belongs beside the config file"))
        }

        guard let imap, let smtp else { return (nil, problems) }
        let filed = ini.entry("imap", "filed-folder").map(\.value)
        let settings = Settings(
            imap: imap, filedFolder: filed.flatMap { $0.isEmpty ? nil : $0 }, smtp: smtp, from: from,
            archive: archive, pollInterval: pollInterval, maxMessageSize: maxMessageSize, coordinators: coordinators,
            repliesPerHour: repliesPerHour, transferTimeout: transferTimeout, pdfTimeout: pdfTimeout,
            pdfMemoryLimit: pdfMemory,
            institutions: institutions, configDirectory: directory, rubricsFolder: rubrics,
            reminderDaysBefore: reminderDaysBefore, overdueNotifyDays: overdueNotifyDays, autoAssign: autoAssign,
            autoSendFeedback: autoSendFeedback, remindLeadsWeeks: remindLeadsWeeks)
        var checked = settings
        checked.nameInstitutions = nameInstitutions
        checked.idle = idle
        checked.vocabularyFile =
            vocabulary.hasPrefix("/") ? vocabulary : (directory as NSString).appendingPathComponent(vocabulary)
        if let id = ini.value("review", "authserv-id"), !id.isEmpty {
            if id.contains(where: { $0.isWhitespace || $0 == ";" }) {
                problem("review", "authserv-id", "authserv-id must be one server name, e.g. mx.example.org")
            } else {
                checked.authservID = id.lowercased()
            }
        }
        return (checked, problems)
    }

    /// `addr` from `Name <addr>`, or the text itself.
    static func bareAddress(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func absolute(_ path: String) -> String { resolve(path, in: workingDirectory) }

    private func resolve(_ path: String, in directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((directory as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
