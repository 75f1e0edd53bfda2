import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback IMAP proxy in front of the lab's Dovecot that misbehaves on demand, as Dovecot cannot: it
/// answers `NO` to the download of one message (by UID) and passes everything else through.
final class IMAPFaultProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let failingUID: Int

    init(upstreamPort: Int, failDownloadOf uid: Int) throws {
        self.upstreamPort = upstreamPort
        self.failingUID = uid
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
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
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: UInt16(upstreamPort))
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                close(client)
                close(upstream)
                continue
            }
            Thread.detachNewThread { Self.relay(from: upstream, to: client) }
            Thread.detachNewThread { [self] in commands(from: client, to: upstream) }
        }
    }

    /// Server to client, byte for byte.
    private static func relay(from source: Int32, to target: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0, writeAll(target, Array(buffer[0..<count])) else { break }
        }
        shutdown(target, Int32(SHUT_RDWR))
        close(source)
    }

    /// Client to server, a command line at a time: the download of the failing UID is answered `NO`.
    private func commands(from client: Int32, to upstream: Int32) {
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
                    words[3] == "\(failingUID)", !text.uppercased().contains("RFC822.SIZE")
                {
                    _ = Self.writeAll(client, Array("\(words[0]) NO [UNAVAILABLE] injected fault\r\n".utf8))
                    continue
                }
                guard Self.writeAll(upstream, line) else { return }
            }
        }
        shutdown(upstream, Int32(SHUT_RDWR))
        close(client)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
