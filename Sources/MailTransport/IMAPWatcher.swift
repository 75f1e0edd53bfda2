import Foundation

/// Waits for new mail with IMAP IDLE (RFC 2177), on a connection of its own that libcurl set up and
/// logged in (TLS included), so a submission is fetched as it arrives rather than at the next poll.
///
/// libcurl 7.88 has no IDLE verb: the connection is opened with `CURLOPT_CONNECT_ONLY` and the three
/// commands it needs (`CAPABILITY`, `EXAMINE`, `IDLE`/`DONE`) are written and read raw. The mailbox is
/// examined read-only: this connection never changes anything.
public final class IMAPWatcher {
    private let easy: CurlEasy
    private let server: MailServer
    private let mailbox: String
    private var pending: [UInt8] = []
    private var nextTag = 1
    private var idleStarted = Date()
    private var idleTag = ""
    private var newMail = false

    /// How long one IDLE lasts before it is renewed: RFC 2177 asks for less than 29 minutes, as servers
    /// may drop an idle client after 30.
    static let renewal: TimeInterval = 25 * 60

    /// Connects, logs in, checks that the server offers IDLE, examines the mailbox and starts idling.
    public init(server: MailServer) throws(MailTransportError) {
        guard let parsed = server.parsed, parsed.scheme.hasPrefix("imap") else { throw .invalidURL(server.url) }
        self.server = server
        self.easy = try CurlEasy(server: server)
        let path = parsed.path.removingPercentEncoding ?? parsed.path
        self.mailbox = path.isEmpty ? "INBOX" : path
        try easy.connectOnly(url: "\(parsed.origin)/")
        let capabilities = try command("CAPABILITY")
        guard capabilities.contains(where: { Self.offersIdle($0) }) else {
            throw .refused(
                server: server.displayName, command: "IDLE",
                detail: "the server does not offer IDLE; new mail is found by polling")
        }
        _ = try command("EXAMINE \(IMAPSession.quote(mailbox))")
        try startIdling()
    }

    /// Waits until the server reports new mail in the mailbox (true), or `timeout` passes (false), asking
    /// `shouldStop` every quarter of a second. Mail that arrived since the last call is reported at once.
    public func wait(timeout: TimeInterval, shouldStop: () -> Bool) throws(MailTransportError) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        try read(for: 0)
        while true {
            try drain()
            if newMail {
                newMail = false
                return true
            }
            if shouldStop() { return false }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            if Date().timeIntervalSince(idleStarted) > Self.renewal { try renewIdle() }
            try read(for: min(0.25, left))
        }
    }

    // MARK: The conversation

    private func startIdling() throws(MailTransportError) {
        let tag = takeTag()
        idleTag = tag
        try easy.send("\(tag) IDLE\r\n", command: "IDLE")
        let deadline = Date().addingTimeInterval(TimeInterval(server.transferTimeout))
        while true {
            if let line = nextLine() {
                if line.hasPrefix("+") { break }
                if line.hasPrefix(tag + " ") { throw refusal("IDLE", line) }
                note(line)
                continue
            }
            guard deadline.timeIntervalSinceNow > 0 else { throw timedOut("IDLE") }
            try read(for: deadline.timeIntervalSinceNow)
        }
        idleStarted = Date()
    }

    private func renewIdle() throws(MailTransportError) {
        try easy.send("DONE\r\n", command: "DONE")
        try awaitTagged(idleTag, command: "DONE")
        try startIdling()
    }

    /// Sends one tagged command and returns the untagged lines of its answer.
    private func command(_ text: String) throws(MailTransportError) -> [String] {
        let tag = takeTag()
        try easy.send("\(tag) \(text)\r\n", command: text)
        return try awaitTagged(tag, command: text)
    }

    @discardableResult
    private func awaitTagged(_ tag: String, command: String) throws(MailTransportError) -> [String] {
        var untagged: [String] = []
        let deadline = Date().addingTimeInterval(TimeInterval(server.transferTimeout))
        while true {
            while let line = nextLine() {
                if line.hasPrefix(tag + " ") {
                    guard line.dropFirst(tag.count + 1).hasPrefix("OK") else { throw refusal(command, line) }
                    return untagged
                }
                note(line)
                untagged.append(line)
            }
            guard deadline.timeIntervalSinceNow > 0 else { throw timedOut(command) }
            try read(for: deadline.timeIntervalSinceNow)
        }
    }

    /// Reads what the server sent within `seconds` into the pending bytes.
    private func read(for seconds: TimeInterval) throws(MailTransportError) {
        let bytes = try easy.receive(timeout: seconds, command: "IDLE")
        pending += bytes
        // Over a mailbox's worth of bytes without a line break is not IMAP.
        if pending.count > 1 << 20 {
            throw .refused(server: server.displayName, command: "IDLE", detail: "an answer line over 1 MB")
        }
    }

    /// The next complete line, without its line break; nil until one has arrived.
    private func nextLine() -> String? {
        guard let end = pending.firstIndex(of: 0x0A) else { return nil }
        var line = pending[..<end]
        if line.last == 0x0D { line = line.dropLast() }
        pending.removeSubrange(...end)
        return String(decoding: line, as: UTF8.self)
    }

    /// Handles an untagged line: `* N EXISTS` is new mail; `* BYE` ends the connection.
    private func note(_ line: String) {
        let words = line.split(separator: " ")
        if words.count >= 3, words[0] == "*", words[2].uppercased() == "EXISTS" { newMail = true }
    }

    /// Drains complete lines while idling, so `wait` sees new mail and a goodbye.
    private func drain() throws(MailTransportError) {
        while let line = nextLine() {
            if line.uppercased().hasPrefix("* BYE") {
                throw .unreachable(server: server.displayName, detail: "the server ended the IDLE connection")
            }
            note(line)
        }
    }

    private func takeTag() -> String {
        defer { nextTag += 1 }
        return "I\(nextTag)"
    }

    private func refusal(_ command: String, _ line: String) -> MailTransportError {
        .refused(server: server.displayName, command: command, detail: String(line.prefix(200)))
    }

    private func timedOut(_ command: String) -> MailTransportError {
        .timedOut(server: server.displayName, command: command, seconds: server.transferTimeout)
    }

    /// Whether a CAPABILITY line lists IDLE.
    static func offersIdle(_ line: String) -> Bool {
        line.uppercased().hasPrefix("* CAPABILITY") && line.uppercased().split(separator: " ").contains("IDLE")
    }
}
