import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback SMTP server that refuses every recipient for good (550), as a real server does for an
/// address that does not exist; the lab's OpenSMTPD takes every recipient.
final class RefusingSMTPServer: @unchecked Sendable {
    private let listener: LoopbackListener
    var port: Int { listener.port }

    init() throws {
        listener = try LoopbackListener { client in Self.converse(client) }
    }

    private static func converse(_ client: Int32) {
        defer { close(client) }
        guard say(client, "220 refusing.test ESMTP") else { return }
        LoopbackListener.forEachLine(of: client) { bytes in
            let line = String(decoding: bytes, as: UTF8.self).uppercased()
            let answer: String
            if line.hasPrefix("EHLO") {
                answer = "250-refusing.test\r\n250 SIZE 10000000"
            } else if line.hasPrefix("RCPT") {
                answer = "550 5.1.1 No such user here"
            } else if line.hasPrefix("DATA") {
                answer = "554 5.5.1 No valid recipients"
            } else if line.hasPrefix("QUIT") {
                _ = say(client, "221 Bye")
                return false
            } else {
                answer = "250 OK"
            }
            return say(client, answer)
        }
    }

    private static func say(_ client: Int32, _ line: String) -> Bool {
        LoopbackListener.writeAll(client, Array((line + "\r\n").utf8))
    }
}
