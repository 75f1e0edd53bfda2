import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback IMAP proxy in front of the lab's Dovecot that misbehaves on demand, as Dovecot cannot, on
/// the download of one message (by UID), and passes everything else through.
final class IMAPFaultProxy: @unchecked Sendable {
    enum Fault: Sendable {
        /// The download is answered `NO`.
        case refuse
        /// From the download on, the server's answer comes a byte every quarter of a second: fast enough
        /// never to look stalled, far too slow ever to finish.
        case trickle
        /// The download is never answered: the service hangs on it (until its transfer bound), so a test
        /// knows exactly where the service is when it kills it.
        case stall
    }

    private let listener: LoopbackListener
    private let journal = CommandJournal()
    var port: Int { listener.port }
    /// Every command the service sent, a line each, with its connection and time: for a failing test's message.
    var commands: String { journal.text }

    init(upstreamPort: Int, failDownloadOf uid: Int, with fault: Fault = .refuse) throws {
        let journal = self.journal
        listener = try LoopbackListener { client in
            guard let upstream = LoopbackListener.connect(port: upstreamPort) else {
                close(client)
                return
            }
            let trickling = Flag()
            let relayed = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                Self.relay(from: upstream, to: client, trickling: trickling)
                relayed.signal()
            }
            Self.commands(
                from: client, to: upstream, failing: uid, with: fault, trickling: trickling, journal: journal)
            // Both sockets are closed only when both threads are done with them: closed earlier, their numbers
            // could be reused by the next connection while the other thread still writes to them.
            relayed.wait()
            close(client)
            close(upstream)
        }
    }

    private final class CommandJournal: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var text: String { lock.withLock { lines.joined(separator: "\n") } }
        func append(_ line: String) { lock.withLock { lines.append(line) } }
    }

    /// Set once, by the thread reading commands; read by the one relaying answers.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }

    /// Server to client, byte for byte (one at a time once trickling).
    private static func relay(from source: Int32, to target: Int32, trickling: Flag) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        relaying: while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0 else { break }
            guard trickling.isSet else {
                guard LoopbackListener.writeAll(target, Array(buffer[0..<count])) else { break }
                continue
            }
            for byte in buffer[0..<count] {
                guard LoopbackListener.writeAll(target, [byte]) else { break relaying }
                usleep(250_000)
            }
        }
        shutdown(target, Int32(SHUT_RDWR))
        shutdown(source, Int32(SHUT_RDWR))
    }

    /// Client to server, a command line at a time: the download of the failing UID meets the fault.
    private static func commands(
        from client: Int32, to upstream: Int32, failing uid: Int, with fault: Fault, trickling: Flag,
        journal: CommandJournal
    ) {
        LoopbackListener.forEachLine(of: client) { line in
            let text = String(decoding: line, as: UTF8.self)
            let words = text.split(separator: " ")
            let secret = words.count > 1 && ["AUTHENTICATE", "LOGIN"].contains(words[1].uppercased())
            let command = secret ? words.prefix(2).joined(separator: " ") : text.trimmingCharacters(in: .newlines)
            journal.append("\(Date()) connection \(client): \(command)")
            if words.count >= 4, words[1].uppercased() == "UID", words[2].uppercased() == "FETCH",
                words[3] == "\(uid)", !text.uppercased().contains("RFC822.SIZE")
            {
                switch fault {
                case .refuse:
                    _ = LoopbackListener.writeAll(client, Array("\(words[0]) NO [UNAVAILABLE] injected fault\r\n".utf8))
                    return true
                case .trickle:
                    trickling.set()
                case .stall:
                    return true
                }
            }
            return LoopbackListener.writeAll(upstream, line)
        }
        shutdown(upstream, Int32(SHUT_RDWR))
        shutdown(client, Int32(SHUT_RDWR))
    }
}
