internal import CCurl
internal import CCurlShims
import Foundation
import POSIX

/// One libcurl easy handle: owns it, sets options, runs transfers, and turns result codes into errors.
///
/// Not `Sendable`: a handle belongs to one thread at a time. Reusing it keeps the connection open
/// between transfers to the same server.
final class CurlEasy {
    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let server: MailServer

    init(server: MailServer) throws(MailTransportError) {
        Self.globalInit
        guard let parsed = server.parsed else { throw .invalidURL(server.url) }
        guard let handle = curl_easy_init() else {
            throw .transfer(server: server.url, code: -1, detail: "libcurl could not create a handle")
        }
        self.handle = handle
        self.server = server
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(parsed)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    private func configure(_ parsed: ParsedURL) throws(MailTransportError) {
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_CONNECTTIMEOUT, server.connectTimeout)
        // A stalled transfer (under 1 byte/s for the transfer timeout) is abandoned rather than hanging the service.
        try set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try set(CURLOPT_LOW_SPEED_TIME, server.transferTimeout)
        if let user = server.user, !user.isEmpty {
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, server.password ?? "")
        }
        if !parsed.isImplicitTLS {
            // Plain text only to this machine; anywhere else STARTTLS is required.
            try set(CURLOPT_USE_SSL, Int(parsed.isLoopback ? CURLUSESSL_TRY.rawValue : CURLUSESSL_ALL.rawValue))
        }
        if let caFile = server.caFile, !caFile.isEmpty {
            try set(CURLOPT_CAINFO, caFile)
        }
        try check(tc_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), command: "setup")
    }

    func set(_ option: CURLoption, _ value: Int) throws(MailTransportError) {
        try check(tc_curl_setopt_long(handle, option, value), command: "setup")
    }

    func set(_ option: CURLoption, _ value: String?) throws(MailTransportError) {
        // libcurl copies string options, so the temporary C string may go away after the call.
        let status =
            value.map { tc_curl_setopt_string(handle, option, $0) } ?? tc_curl_setopt_pointer(handle, option, nil)
        try check(status, command: "setup")
    }

    /// Runs one transfer to `url`, sending the response body to `sink` and reading any upload from `source`.
    ///
    /// - Parameter size: the bytes expected either way; every transfer is bounded by `server.transferTime(size:)`,
    ///   so a server that trickles a byte every few seconds cannot hold a cycle for ever.
    func perform(
        url: String, command: String, sink: ResponseSink, source: UploadSource? = nil,
        recipients: [String] = [], size: Int = 0
    ) throws(MailTransportError) {
        try set(CURLOPT_URL, url)
        try set(CURLOPT_TIMEOUT, server.transferTime(size: size))
        let sinkContext = Unmanaged.passUnretained(sink).toOpaque()
        try check(tc_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, responseSinkCallback), command: command)
        try check(tc_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkContext), command: command)

        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        if let source {
            for recipient in recipients { list = curl_slist_append(list, recipient) }
            try check(tc_curl_setopt_list(handle, CURLOPT_MAIL_RCPT, list), command: command)
            try set(CURLOPT_UPLOAD, 1)
            try set(CURLOPT_INFILESIZE, source.count)
            let sourceContext = Unmanaged.passUnretained(source).toOpaque()
            try check(tc_curl_setopt_callback(handle, CURLOPT_READFUNCTION, uploadSourceCallback), command: command)
            try check(tc_curl_setopt_pointer(handle, CURLOPT_READDATA, sourceContext), command: command)
        }
        defer {
            if source != nil {
                _ = tc_curl_setopt_list(handle, CURLOPT_MAIL_RCPT, nil)
                _ = tc_curl_setopt_long(handle, CURLOPT_UPLOAD, 0)
            }
        }
        errorBuffer[0] = 0
        let started = Date()
        let status = withExtendedLifetime((sink, source)) { curl_easy_perform(handle) }
        if !Self.leavesConnectionUsable(status) {
            // Cut off mid-answer (a timeout, an aborted download): what the server sends next belongs to the
            // old command, so the next transfer must start on a new connection.
            tc_curl_drop_connection(handle)
        }
        if status == CURLE_WRITE_ERROR, let limit = sink.exceededLimit { throw .tooLarge(limit: limit) }
        if status == CURLE_WRITE_ERROR, let failure = sink.writeFailure { throw failure }
        // An SMTP 5xx is final (RFC 5321 §4.2.1); a 4xx or a dropped connection may pass.
        if status != CURLE_OK, source != nil {
            var reply = 0
            if tc_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply) == CURLE_OK, (500..<600).contains(reply) {
                throw .rejected(server: server.parsed?.origin ?? server.url, reply: reply, detail: errorDetail(status))
            }
        }
        let bound = server.transferTime(size: size)
        if status == CURLE_OPERATION_TIMEDOUT, Date().timeIntervalSince(started) >= Double(bound) - 0.5 {
            // The whole transfer's bound, not the connection's, ran out.
            throw .timedOut(
                server: server.parsed?.origin ?? server.url, command: command, seconds: bound)
        }
        try check(status, command: command)
    }

    // MARK: A raw connection (CONNECT_ONLY), for the commands libcurl has no verb for (IMAP IDLE)

    /// Connects to `url` and logs in as for a transfer, then stops: the connection stays open for `send`
    /// and `receive`, over TLS when the server's URL asks for it.
    func connectOnly(url: String) throws(MailTransportError) {
        try set(CURLOPT_CONNECT_ONLY, 1)
        try set(CURLOPT_URL, url)
        try set(CURLOPT_TIMEOUT, server.connectTimeout + server.transferTimeout)
        errorBuffer[0] = 0
        try check(curl_easy_perform(handle), command: "LOGIN")
    }

    /// Sends all of `text` on the raw connection, waiting up to the transfer timeout for room to send.
    func send(_ text: String, command: String) throws(MailTransportError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let status = bytes[offset...].withUnsafeBytes { curl_easy_send(handle, $0.baseAddress, $0.count, &sent) }
            if status == CURLE_AGAIN {
                guard try waitForSocket(events: Int16(POLLOUT), timeout: TimeInterval(server.transferTimeout)) else {
                    throw .timedOut(server: server.displayName, command: command, seconds: server.transferTimeout)
                }
                continue
            }
            try check(status, command: command)
            offset += sent
        }
    }

    /// What the server sent on the raw connection, waiting up to `timeout` for it: empty when nothing came.
    func receive(timeout: TimeInterval, command: String) throws(MailTransportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            var count = 0
            let status = buffer.withUnsafeMutableBytes { curl_easy_recv(handle, $0.baseAddress, $0.count, &count) }
            if status == CURLE_AGAIN {
                guard try waitForSocket(events: Int16(POLLIN), timeout: timeout) else { return [] }
                continue
            }
            try check(status, command: command)
            guard count > 0 else {
                throw .unreachable(server: server.displayName, detail: "the server closed the connection")
            }
            return Array(buffer[..<count])
        }
    }

    /// Waits for the raw connection's socket to be ready; false when `timeout` passed first.
    private func waitForSocket(events: Int16, timeout: TimeInterval) throws(MailTransportError) -> Bool {
        let socket = tc_curl_active_socket(handle)
        guard socket >= 0 else {
            throw .unreachable(server: server.displayName, detail: "the connection is gone")
        }
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, min(timeout, 3_600)) * 1_000))
        return ready > 0
    }

    /// Whether the server's whole answer was read: it succeeded, or the server itself refused.
    private static func leavesConnectionUsable(_ status: CURLcode) -> Bool {
        [CURLE_OK, CURLE_QUOTE_ERROR, CURLE_REMOTE_FILE_NOT_FOUND, CURLE_REMOTE_ACCESS_DENIED].contains(status)
    }

    private func check(_ status: CURLcode, command: String) throws(MailTransportError) {
        guard status != CURLE_OK else { return }
        let detail = errorDetail(status)
        let name = server.parsed?.origin ?? server.url
        switch status {
        case CURLE_LOGIN_DENIED:
            throw .loginDenied(server: server.displayName)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING:
            throw .unreachable(server: name, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM:
            throw .tls(server: name, detail: detail)
        case CURLE_QUOTE_ERROR, CURLE_REMOTE_FILE_NOT_FOUND, CURLE_REMOTE_ACCESS_DENIED:
            throw .refused(server: name, command: command, detail: detail)
        default:
            throw .transfer(server: name, code: Int(status.rawValue), detail: detail)
        }
    }

    private func errorDetail(_ status: CURLcode) -> String {
        let buffered = String(cString: errorBuffer)
        if !buffered.isEmpty { return buffered }
        return String(cString: curl_easy_strerror(status))
    }
}

/// Where a transfer's response goes: memory, or a file descriptor so large messages never sit in memory.
final class ResponseSink {
    enum Target {
        case memory
        case file(FileDescriptor)
    }

    let target: Target
    let limit: Int?
    private(set) var data = Data()
    private(set) var count = 0
    private(set) var exceededLimit: Int?
    private(set) var writeFailure: MailTransportError?
    let path: String

    init(target: Target, limit: Int? = nil, path: String = "") {
        self.target = target
        self.limit = limit
        self.path = path
    }

    /// Takes one chunk; returns false to make libcurl abort the transfer.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let limit, count + bytes.count > limit {
            exceededLimit = limit
            return false
        }
        count += bytes.count
        switch target {
        case .memory:
            data.append(contentsOf: bytes)
        case .file(let file):
            do { try file.writeAll(Data(bytes)) } catch {
                writeFailure = .localWrite(path: path, detail: "\(error)")
                return false
            }
        }
        return true
    }
}

/// The bytes of an upload (an SMTP message), handed to libcurl in pieces.
final class UploadSource {
    private let data: Data
    private var offset = 0

    init(_ data: Data) { self.data = data }

    var count: Int { data.count }

    func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        let length = min(buffer.count, data.count - offset)
        guard length > 0 else { return 0 }
        data.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: length)
        }
        offset += length
        return length
    }
}

private func responseSinkCallback(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return sink.receive(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : 0
}

private func uploadSourceCallback(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let context else { return 0 }
    let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
    return source.fill(UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}
