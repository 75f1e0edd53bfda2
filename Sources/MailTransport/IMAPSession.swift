internal import CCurl
import Foundation
import POSIX

/// The state of an IMAP mailbox that matters for knowing which messages were already seen.
public struct MailboxStatus: Sendable, Equatable {
    public var uidValidity: UInt32
    public var uidNext: UInt32
    public var messages: Int

    public init(uidValidity: UInt32, uidNext: UInt32, messages: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
    }
}

/// A connection to one IMAP mailbox, over libcurl, reused across commands.
///
/// Message bodies are fetched by URL (`…/INBOX;UIDVALIDITY=V/;UID=N`) rather than with a custom
/// `FETCH`, which libcurl 7.88 truncates; the URL form also makes the server check UIDVALIDITY.
public final class IMAPSession {
    private let easy: CurlEasy
    private let origin: String
    public let mailbox: String

    /// Opens a session for the mailbox named in the server URL (INBOX when it names none).
    public init(server: MailServer) throws(MailTransportError) {
        guard let parsed = server.parsed, parsed.scheme.hasPrefix("imap") else { throw .invalidURL(server.url) }
        self.easy = try CurlEasy(server: server)
        self.origin = parsed.origin
        let path = parsed.path.removingPercentEncoding ?? parsed.path
        self.mailbox = path.isEmpty ? "INBOX" : path
    }

    private var mailboxURL: String { "\(origin)/\(Self.urlEncode(mailbox))" }

    /// Runs `command` with the mailbox selected (or with none) and returns the untagged response lines.
    private func run(_ command: String, selecting: Bool = true) throws(MailTransportError) -> [String] {
        let sink = ResponseSink(target: .memory, limit: 16 << 20)
        try easy.set(CURLOPT_CUSTOMREQUEST, command)
        defer { try? easy.set(CURLOPT_CUSTOMREQUEST, nil) }
        try easy.perform(url: selecting ? mailboxURL : "\(origin)/", command: command, sink: sink)
        let text = String(decoding: sink.data, as: UTF8.self)
        return text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).map(String.init)
    }

    /// Reads UIDVALIDITY, UIDNEXT and the message count with `STATUS`.
    public func status() throws(MailTransportError) -> MailboxStatus {
        let lines = try run("STATUS \(Self.quote(mailbox)) (UIDVALIDITY UIDNEXT MESSAGES)", selecting: false)
        guard let line = lines.first(where: { $0.hasPrefix("* STATUS") }) else {
            throw .refused(server: origin, command: "STATUS", detail: "no STATUS response")
        }
        func number(_ name: String) -> UInt32? {
            guard let range = line.range(of: name + " ") else { return nil }
            return UInt32(line[range.upperBound...].prefix(while: \.isNumber))
        }
        guard let validity = number("UIDVALIDITY"), let next = number("UIDNEXT") else {
            throw .refused(server: origin, command: "STATUS", detail: "unexpected answer \(line)")
        }
        return MailboxStatus(uidValidity: validity, uidNext: next, messages: Int(number("MESSAGES") ?? 0))
    }

    /// Lists the UIDs matching an IMAP search, e.g. `ALL` or `UNKEYWORD $Filed`, in ascending order.
    public func search(_ criteria: String) throws(MailTransportError) -> [UInt32] {
        let lines = try run("UID SEARCH \(criteria)")
        let uids = lines.filter { $0.hasPrefix("* SEARCH") }
            .flatMap { $0.dropFirst("* SEARCH".count).split(separator: " ").compactMap { UInt32($0) } }
        return uids.sorted()
    }

    /// The size in bytes the server reports for one message.
    public func size(uid: UInt32) throws(MailTransportError) -> Int {
        let lines = try run("UID FETCH \(uid) (RFC822.SIZE)")
        for line in lines {
            if let range = line.range(of: "RFC822.SIZE ") {
                if let size = Int(line[range.upperBound...].prefix(while: \.isNumber)) { return size }
            }
        }
        throw .refused(server: origin, command: "UID FETCH \(uid) (RFC822.SIZE)", detail: "no size in the answer")
    }

    /// Streams one whole message, byte for byte, into a new file at `path`, flushed to disk; returns the bytes
    /// written. On any failure the file is removed: a partial download is never left behind.
    ///
    /// - Parameters:
    ///   - uidValidity: the value the UID belongs to; the server refuses the fetch if the mailbox was recreated.
    ///   - limit: abort with `tooLarge` past this many bytes.
    ///   - expectedSize: the bytes the server said the message has; the transfer's time bound grows with it.
    public func fetch(
        uid: UInt32, uidValidity: UInt32, toFile path: String, limit: Int? = nil, expectedSize: Int? = nil,
        section: String? = nil
    ) throws(MailTransportError) -> Int {
        let file: FileDescriptor
        do throws(SystemError) {
            file = try FileDescriptor.open(path, .writeOnly, options: [.create, .truncate])
        } catch {
            throw .localWrite(path: path, detail: "\(error)")
        }
        defer { file.close() }
        do throws(MailTransportError) {
            let sink = ResponseSink(target: .file(file), limit: limit, path: path)
            var url = "\(origin)/\(Self.urlEncode(mailbox));UIDVALIDITY=\(uidValidity)/;UID=\(uid)"
            if let section { url += "/;SECTION=\(section)" }
            try easy.perform(
                url: url, command: "UID FETCH \(uid)", sink: sink, size: expectedSize ?? limit ?? (25 << 20))
            return sink.count
        } catch {
            Paths.unlink(path)
            throw error
        }
    }

    /// Creates a mailbox; one that exists already is fine.
    public func create(mailbox name: String) throws(MailTransportError) {
        do {
            _ = try run("CREATE \(Self.quote(name))", selecting: false)
        } catch .refused {
            // Dovecot answers NO [ALREADYEXISTS]; libcurl does not pass the text on, so check by listing.
            let lines = try run("LIST \"\" \(Self.quote(name))", selecting: false)
            guard lines.contains(where: { $0.hasPrefix("* LIST") }) else {
                throw .refused(server: origin, command: "CREATE \(name)", detail: "the server would not create it")
            }
        }
    }

    /// Moves one message to another mailbox (RFC 6851 `UID MOVE`).
    public func move(uid: UInt32, to destination: String) throws(MailTransportError) {
        _ = try run("UID MOVE \(uid) \(Self.quote(destination))")
    }

    /// Adds a keyword flag such as `$TCReviewFiled` to one message.
    public func addKeyword(_ keyword: String, uid: UInt32) throws(MailTransportError) {
        _ = try run("UID STORE \(uid) +FLAGS.SILENT (\(keyword))")
    }

    /// An IMAP quoted string.
    static func quote(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    private static func urlEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
