import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback SMTP server that refuses every recipient for good (550), as a real server does for an
/// address that does not exist; the lab's OpenSMTPD takes every recipient.
final class RefusingSMTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw CocoaError(.fileWriteUnknown) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [listener] in
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { Self.converse(client) }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func converse(_ client: Int32) {
        defer { close(client) }
        guard say(client, "220 refusing.test ESMTP") else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pending: [UInt8] = []
        while true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[...newline], as: UTF8.self).uppercased()
                pending.removeSubrange(...newline)
                let answer: String
                if line.hasPrefix("EHLO") {
                    answer = "250-refusing.test\r\n250 SIZE 10000000"
                } else if line.hasPrefix("RCPT") {
                    answer = "550 5.1.1 No such user here"
                } else if line.hasPrefix("DATA") {
                    answer = "554 5.5.1 No valid recipients"
                } else if line.hasPrefix("QUIT") {
                    _ = say(client, "221 Bye")
                    return
                } else {
                    answer = "250 OK"
                }
                guard say(client, answer) else { return }
            }
        }
    }

    private static func say(_ client: Int32, _ line: String) -> Bool {
        let bytes = Array((line + "\r\n").utf8)
        return bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) } == bytes.count
    }
}
