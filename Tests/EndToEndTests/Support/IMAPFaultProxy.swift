import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback IMAP proxy in front of the lab's Dovecot that misbehaves on demand, as Dovecot cannot: it
/// answers `NO` to the download of one message (by UID) and passes everything else through.
final class IMAPFaultProxy: @unchecked Sendable {
    private let listener: LoopbackListener
    var port: Int { listener.port }

    init(upstreamPort: Int, failDownloadOf uid: Int) throws {
        listener = try LoopbackListener { client in
            guard let upstream = LoopbackListener.connect(port: upstreamPort) else {
                close(client)
                return
            }
            Thread.detachNewThread { Self.relay(from: upstream, to: client) }
            Self.commands(from: client, to: upstream, failing: uid)
        }
    }

    /// Server to client, byte for byte.
    private static func relay(from source: Int32, to target: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0, LoopbackListener.writeAll(target, Array(buffer[0..<count])) else { break }
        }
        shutdown(target, Int32(SHUT_RDWR))
        close(source)
    }

    /// Client to server, a command line at a time: the download of the failing UID is answered `NO`.
    private static func commands(from client: Int32, to upstream: Int32, failing uid: Int) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var pending: [UInt8] = []
        while true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = Array(pending[...newline])
                pending.removeSubrange(...newline)
                let text = String(decoding: line, as: UTF8.self)
                let words = text.split(separator: " ")
                if words.count >= 4, words[1].uppercased() == "UID", words[2].uppercased() == "FETCH",
                    words[3] == "\(uid)", !text.uppercased().contains("RFC822.SIZE")
                {
                    _ = LoopbackListener.writeAll(client, Array("\(words[0]) NO [UNAVAILABLE] injected fault\r\n".utf8))
                    continue
                }
                guard LoopbackListener.writeAll(upstream, line) else { return }
            }
        }
        shutdown(upstream, Int32(SHUT_RDWR))
        close(client)
    }
}
