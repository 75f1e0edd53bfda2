/// Why talking to a mail server failed, with what the person running the service should do about it.
public enum MailTransportError: Error, Equatable, CustomStringConvertible {
    /// The server refused the user name or password.
    case loginDenied(server: String)
    /// No connection could be made, or it dropped.
    case unreachable(server: String, detail: String)
    /// The server did not finish answering a command within its time bound (`transfer-timeout`, and a
    /// second per 20 KB of a message).
    case timedOut(server: String, command: String, seconds: Int)
    /// TLS could not be set up or the certificate was not trusted.
    case tls(server: String, detail: String)
    /// The server answered a command with an error.
    case refused(server: String, command: String, detail: String)
    /// The URL in the configuration is not one this service can use.
    case invalidURL(String)
    /// An address carries characters that would let it change the SMTP conversation.
    case unsafeAddress(String)
    /// A download was larger than the caller allowed.
    case tooLarge(limit: Int)
    /// A local file could not be written.
    case localWrite(path: String, detail: String)
    /// Anything else libcurl reported.
    case transfer(server: String, code: Int, detail: String)
    /// The SMTP server refused the message for good (a 5xx reply, such as 550 for a recipient it will not
    /// take): trying again cannot help.
    case rejected(server: String, reply: Int, detail: String)

    public var description: String {
        switch self {
        case .loginDenied(let server):
            return
                "\(server) refused the login. Check the user and the password (password-file or environment variable)."
        case .unreachable(let server, let detail):
            return "Could not reach \(server): \(detail). Check the URL and that the server is up; the service retries."
        case .timedOut(let server, let command, let seconds):
            return
                "\(server) did not finish \(command) within \(seconds) s; the service gave up on it and tries again later. A slow but healthy server may need a larger transfer-timeout."
        case .tls(let server, let detail):
            return
                "TLS with \(server) failed: \(detail). Check the URL's scheme and port, or name a CA file with ca-file."
        case .refused(let server, let command, let detail):
            return "\(server) refused \(command): \(detail)"
        case .invalidURL(let url):
            return
                "'\(url)' is not a mail server URL; use imaps://host/INBOX, imap://host:port/INBOX, smtps://host or smtp://host:587."
        case .unsafeAddress(let address):
            return
                "Refused to use the address \(address.debugDescription): it contains control characters or is not a plain mailbox."
        case .tooLarge(let limit):
            return "The download was larger than the limit of \(limit) bytes."
        case .localWrite(let path, let detail):
            return "Could not write \(path): \(detail)."
        case .transfer(let server, let code, let detail):
            return "Mail transfer with \(server) failed (curl error \(code)): \(detail)"
        case .rejected(let server, let reply, let detail):
            return "\(server) refused the message for good (\(reply)): \(detail). Check the recipient's address."
        }
    }

    /// Whether the server refused the message for good.
    public var isRejection: Bool {
        if case .rejected = self { return true }
        return false
    }

    /// Whether trying again later can help (the server may come back); a refused login or bad URL needs a person.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .timedOut, .tls, .transfer, .refused: return true
        case .loginDenied, .invalidURL, .unsafeAddress, .tooLarge, .localWrite, .rejected: return false
        }
    }
}
