import Foundation
import Intake
import POSIX
import Testing

/// A real Dovecot (IMAP, LMTP) and OpenSMTPD on loopback, in a temp folder, started by `scripts/mail-lab`.
final class MailLab: @unchecked Sendable {
    let directory: String
    let imapPort: Int
    let smtpPort: Int
    let user: String
    let password: String
    let mailDirectory: String

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var script: String { "\(packageRoot)/scripts/mail-lab" }

    init() throws {
        let directory = try makeTemporaryDirectory(prefix: "lab")
        self.directory = directory
        let output = try run(Self.script, ["start", directory])
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard let imap = values["IMAP_PORT"].flatMap(Int.init), let smtp = values["SMTP_PORT"].flatMap(Int.init),
            let user = values["IMAP_USER"], let password = values["IMAP_PASSWORD"], let mail = values["MAIL_DIR"]
        else { throw LabError.failed("mail-lab start printed no ports: \(output)") }
        self.imapPort = imap
        self.smtpPort = smtp
        self.user = user
        self.password = password
        self.mailDirectory = mail
    }

    deinit {
        _ = try? run(Self.script, ["stop", directory])
        try? FileManager.default.removeItem(atPath: directory)
    }

    func stopSMTP() throws { _ = try run(Self.script, ["stop-smtp", directory]) }
    func startSMTP() throws { _ = try run(Self.script, ["start-smtp", directory]) }

    /// Sends a raw message through OpenSMTPD with the `curl` command, as any mail client would.
    func send(_ message: Data, from sender: String, to recipient: String = "tc@lab.test") throws {
        let file = "\(directory)/outgoing-\(UUID().uuidString).eml"
        try message.write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try run(
            "/usr/bin/curl",
            ["-sS", "smtp://127.0.0.1:\(smtpPort)", "--mail-from", sender, "--mail-rcpt", recipient, "-T", file])
    }

    /// The messages delivered to `address`, oldest first (Maildir `new/` and `cur/`).
    func messages(for address: String) -> [String] {
        var found: [(Date, String)] = []
        for folder in ["new", "cur"] {
            let path = "\(mailDirectory)/\(address.lowercased())/\(folder)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let file = "\(path)/\(name)"
                let date =
                    (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
                    ?? .distantPast
                if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                    found.append((date ?? .distantPast, text))
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Waits (up to `timeout`) until `address` has at least `count` messages; delivery is asynchronous.
    @discardableResult
    func waitForMessages(_ address: String, count: Int = 1, timeout: TimeInterval = 10) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let messages = messages(for: address)
            if messages.count >= count { return messages }
            usleep(50_000)
        }
        return messages(for: address)
    }

    /// Waits until the tc@ mailbox holds `count` messages, so the service sees all that were sent.
    func waitForInbox(count: Int) throws {
        let found = waitForMessages(user, count: count)
        guard found.count >= count else {
            throw LabError.failed("only \(found.count) of \(count) messages reached the inbox")
        }
    }

    /// Runs an IMAP command with the `curl` command and returns its untagged answer.
    func imap(_ command: String, mailbox: String = "INBOX") throws -> String {
        try run(
            "/usr/bin/curl",
            ["-sS", "imap://127.0.0.1:\(imapPort)/\(mailbox)", "-u", "\(user):\(password)", "-X", command])
    }

    /// The UIDs in a mailbox.
    func uids(in mailbox: String) throws -> [Int] {
        try imap("UID SEARCH ALL", mailbox: mailbox).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    }

    /// One whole message as the server stores it.
    func fetch(uid: Int, mailbox: String) throws -> Data {
        Data(
            try run(
                "/usr/bin/curl",
                ["-sS", "imap://127.0.0.1:\(imapPort)/\(mailbox)/;UID=\(uid)", "-u", "\(user):\(password)"]
            ).utf8)
    }
}

enum LabError: Error, CustomStringConvertible {
    case failed(String)
    var description: String {
        switch self {
        case .failed(let text): return text
        }
    }
}

/// A new, empty temp folder.
func makeTemporaryDirectory(prefix: String) throws -> String {
    let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    let path = "\(base)/tcr-\(prefix)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs a program, returns its standard output, throws with its standard error when it fails.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
    let result = try runProcess(executable, arguments, environment: environment)
    guard result.status == 0 else {
        throw LabError.failed(
            "\(executable) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runProcess(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: TimeInterval = 120
) throws -> ProcessResult {
    let result = ChildProcess.run(executable, arguments: arguments, environment: environment, timeout: timeout)
    return ProcessResult(
        status: result.status, stdout: String(decoding: result.output, as: UTF8.self),
        stderr: String(decoding: result.errors, as: UTF8.self))
}
