internal import CCurl
import Foundation

/// A connection to an SMTP submission server, over libcurl, reused across messages.
public final class SMTPSession {
    private let easy: CurlEasy
    private let origin: String

    public init(server: MailServer) throws(MailTransportError) {
        guard let parsed = server.parsed, parsed.scheme.hasPrefix("smtp") else { throw .invalidURL(server.url) }
        self.easy = try CurlEasy(server: server)
        self.origin = parsed.origin
    }

    /// Sends one message; returns only after the server accepted it (its 250 to the end of DATA).
    ///
    /// - Parameters:
    ///   - sender: the envelope sender (`MAIL FROM`), a bare address.
    ///   - recipients: the envelope recipients (`RCPT TO`), bare addresses.
    ///   - message: the whole message with CRLF line endings; libcurl does not convert bare LF.
    public func send(from sender: String, to recipients: [String], message: Data) throws(MailTransportError) {
        for address in [sender] + recipients where !Self.isSafeAddress(address) {
            throw .unsafeAddress(address)
        }
        guard !recipients.isEmpty else { throw .unsafeAddress("") }
        try easy.set(CURLOPT_MAIL_FROM, "<\(sender)>")
        // A recipient the server refuses does not stop the message reaching the others; when it refuses
        // them all, the transfer fails with its reply.
        try easy.set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1)
        let sink = ResponseSink(target: .memory, limit: 1 << 20)
        try easy.perform(
            url: origin, command: "sending to \(recipients.joined(separator: ", "))", sink: sink,
            source: UploadSource(message), recipients: recipients.map { "<\($0)>" },
            size: message.count)
    }

    /// The adapter's last guard: an address with nothing that could end an SMTP command line. What the
    /// service accepts as an address at all is `Configuration.EmailAddress`.
    static func isSafeAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, domain.contains(".") || domain == "localhost" else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains(scalar)
        }
    }
}
