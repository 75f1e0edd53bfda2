import Archive
import Foundation
import Intake
import POSIX
import TestSupport
import Testing

/// A tcreview set up against a mail lab: its config folder, its archive, and ways to run it.
final class ServiceFixture: @unchecked Sendable {
    let lab: MailLab
    let directory: String
    let configPath: String
    let archive: String

    static let institutionsCSV = """
        name,short,domains,aliases,lead,joined
        Liverpool John Moores University,LJMU,ljmu.test,LJM University,lead@ljmu.test,2017-05
        Prifysgol Aberystwyth,ABER,aber.test,Aberystwyth University,arweinydd@aber.test,2018-01
        University of Testshire,UOT,testshire.test,,,2019-07

        """

    static let reviewersCSV = """
        name,email,institution,expertise,max-open,active,conflicts
        Ada Reviewer,ada@reviewers.test,LJMU,career development,5,yes,
        Ben Reviewer,ben@reviewers.test;ben.home@reviewers.test,Prifysgol Aberystwyth,recognition,5,yes,
        Cat Reviewer,cat@reviewers.test,UOT,technician voice,5,yes,LJMU
        Dan Reviewer,dan@reviewers.test,,sustainability,5,yes,
        Eve Reviewer,eve@reviewers.test,,visibility,5,no,
        Fay Reviewer,fay@reviewers.test,,rag,5,yes,

        """

    /// - Parameters:
    ///   - service: extra `[service]` lines, e.g. `max-message-size = 20000`.
    ///   - review: `[review]` lines; reviewers are not assigned unless a test asks (`auto-assign = yes`).
    ///   - imapPort: where the service reaches IMAP, when not the lab's own (a fault-injecting proxy).
    ///   - smtpPort: where it sends mail, when not the lab's own (a refusing test double).
    ///   - archive: another fixture's archive, to run the same service through a different server.
    init(
        lab: MailLab, filedFolder: String? = "Filed", mailbox: String = "INBOX", service: [String] = [],
        review: [String] = ["auto-assign = no"], sections: String = "", imapPort: Int? = nil, smtpPort: Int? = nil,
        archive: String? = nil
    ) throws {
        self.lab = lab
        self.directory = try makeTemporaryDirectory(prefix: "svc")
        self.configPath = "\(directory)/config/tcreview.conf"
        self.archive = archive ?? "\(directory)/Mailbox"
        try FileManager.default.createDirectory(atPath: "\(directory)/config", withIntermediateDirectories: true)
        let config = """
            [imap]
            url = imap://127.0.0.1:\(imapPort ?? lab.imapPort)/\(mailbox)
            user = \(lab.user)
            password-file = imap.password
            filed-folder = \(filedFolder ?? "")

            [smtp]
            url = smtp://127.0.0.1:\(smtpPort ?? lab.smtpPort)
            from = Technician Commitment <tc@lab.test>

            [service]
            archive = \(self.archive)
            \(service.contains { $0.hasPrefix("poll-interval") } ? "" : "poll-interval = 1")
            coordinators = coordinator@lab.test
            rubrics = \(MailLab.packageRoot)/Rubrics
            \(service.contains { $0.hasPrefix("pdf-timeout") } ? "" : "pdf-timeout = 20")
            \(service.joined(separator: "\n"))

            [review]
            \(review.joined(separator: "\n"))

            \(sections)

            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        try "\(lab.password)\n".write(toFile: "\(directory)/config/imap.password", atomically: true, encoding: .utf8)
        try Self.institutionsCSV.write(
            toFile: "\(directory)/config/institutions.csv", atomically: true, encoding: .utf8)
        try Self.reviewersCSV.write(toFile: "\(directory)/config/reviewers.csv", atomically: true, encoding: .utf8)
    }

    deinit {
        // Whatever the test did, the service left no download or work folder behind it.
        let scratch = "\(archive)/_State/tmp"
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
        #expect(leftovers.isEmpty, "left in _State/tmp: \(leftovers)")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The `tcreview` built beside the test bundle.
    static let executable = BuiltProducts.tcreview

    /// Runs `tcreview serve --once` (or other arguments) to completion, killing it after `timeout` seconds.
    @discardableResult
    func tcreview(
        _ arguments: [String] = ["serve", "--once"], environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        env.removeValue(forKey: "TCREVIEW_IMAP_PASSWORD")
        env.removeValue(forKey: "TCREVIEW_SMTP_PASSWORD")
        env.merge(environment) { $1 }
        return try runProcess(
            Self.executable, ["--config", configPath] + arguments, environment: env, timeout: timeout)
    }

    /// Runs one cycle and expects it to succeed.
    func runOnce(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try tcreview()
        #expect(result.status == 0, "tcreview serve --once failed: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Whether some process holds the archive's `.lock` or `.write-lock` (`name`).
    func lockIsHeld(_ name: String) -> Bool { !KernelLocks.holders(of: "\(archive)/\(name)").isEmpty }

    /// The processes waiting for the archive's `name` lock.
    func waitingForLock(_ name: String) -> [Int32] { KernelLocks.waiters(for: "\(archive)/\(name)") }

    /// Starts `tcreview serve` in the background.
    func startServing() throws -> Serving {
        guard let pid = ChildProcess.start(Self.executable, arguments: ["--config", configPath, "serve"]) else {
            throw LabError.failed("could not start \(Self.executable)")
        }
        return Serving(pid: pid)
    }

    /// A `tcreview serve` running in the background.
    struct Serving {
        let pid: pid_t

        /// Sends a signal and waits for the process to end.
        func stop(_ signal: Int32) -> ChildProcess.Outcome {
            kill(pid, signal)
            return ChildProcess.wait(pid)
        }
    }

    /// Every email the service has handed to the SMTP server with `address` among its To, Cc and Bcc: its
    /// outbox's `sent/` folder, written before the command returns. What the lab delivers can only be
    /// fewer, so "nothing else was sent" is proven here, without waiting to see that nothing arrives.
    func sent(to address: String) -> [String] {
        let folder = "\(archive)/_Outbox/sent"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".eml")
        }
        return names.sorted().compactMap { name -> String? in
            guard let message = try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8) else { return nil }
            let recipients = ["To", "Cc", "Bcc"].compactMap { TestMessage.header($0, in: message) }
                .flatMap(Self.addresses)
            return recipients.contains(address.lowercased()) ? message : nil
        }
    }

    /// The addresses of an address header: each in angle brackets, or bare between commas; a display
    /// name (which may look like an address) is not one.
    static func addresses(_ header: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.compactMap { part -> String? in
            let address =
                part.contains("<")
                ? part.split(separator: "<").last?.split(separator: ">").first.map(String.init) : part
            return address?.trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty }
    }

    /// Every submission record in the archive (quarantine excluded).
    func records() throws -> [SubmissionRecord] {
        try ArchiveLayout(root: archive).submissionRecordPaths().map { try SubmissionRecord.load($0) }
    }

    /// Every quarantine record.
    func quarantined() throws -> [SubmissionRecord] {
        let root = "\(archive)/\(ArchiveLayout.quarantineFolder)"
        var found: [SubmissionRecord] = []
        for year in FileSystem.list(root) {
            for month in FileSystem.list("\(root)/\(year)") {
                for id in FileSystem.list("\(root)/\(year)/\(month)") {
                    found.append(
                        try SubmissionRecord.load("\(root)/\(year)/\(month)/\(id)/\(ArchiveLayout.recordFileName)"))
                }
            }
        }
        return found
    }

    /// The folder of a filed submission.
    func folder(of record: SubmissionRecord) -> String {
        ArchiveLayout(root: archive).monthFolder(
            institution: record.institution, year: record.year, month: record.month)
            + "/\(record.reference)"
    }

    /// The journal's events of one kind.
    func events(_ kind: String) -> [Journal.Event] {
        Journal(archive: archive).events().filter { $0.event == kind }
    }
}
