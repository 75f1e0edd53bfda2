/// Where a mail server is and how to log in to it, as the configuration names it.
public struct MailServer: Sendable, Equatable {
    /// The server's URL: `imaps://host/INBOX`, `imap://host:port/INBOX`, `smtps://host`, `smtp://host:587`.
    public var url: String
    /// The login name, or nil to use the server without logging in.
    public var user: String?
    /// The password; never printed.
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// Seconds to wait for a connection before giving up.
    public var connectTimeout: Int
    /// Seconds a command's answer may take; a message's transfer gets this and a second per 20 KB.
    public var transferTimeout: Int

    public init(
        url: String, user: String? = nil, password: String? = nil, caFile: String? = nil, connectTimeout: Int = 20,
        transferTimeout: Int = 120
    ) {
        self.url = url
        self.user = user
        self.password = password
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.transferTimeout = transferTimeout
    }

    /// The most a transfer of `size` bytes may take, in seconds: `transferTimeout` to start and answer, and
    /// no less than 20 KB a second on average, so a server that trickles a byte every few seconds cannot hold
    /// the service for ever.
    public func transferTime(size: Int = 0) -> Int { transferTimeout + max(0, size) / 20_000 }

    /// The URL's parts, or nil when it is not a mail URL this service can use.
    public var parsed: ParsedURL? { ParsedURL(url) }

    /// A description for logs and errors: the URL and the user, never the password.
    public var displayName: String {
        if let user, !user.isEmpty { return "\(user) at \(url)" }
        return url
    }
}

/// A mail server URL split into the parts the service needs.
public struct ParsedURL: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The path after the host, without its leading slash (an IMAP mailbox such as `INBOX`).
    public var path: String

    public init?(_ text: String) {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard ["imap", "imaps", "smtp", "smtps"].contains(scheme) else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).drop { $0 == "/" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = String(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()) else { return nil }
                port = number
            } else if !after.isEmpty {
                return nil
            }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
            host = String(host[..<colon])
        }
        guard !host.isEmpty, port.map({ (1...65535).contains($0) }) ?? true else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = String(path)
    }

    /// Whether the scheme starts TLS at connect time (`imaps`, `smtps`).
    public var isImplicitTLS: Bool { scheme.hasSuffix("s") }

    /// Whether the host is this machine, the one case where plain text is allowed.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        // 127.0.0.0/8 as a dotted IPv4 literal; a name such as `127.example.org` is not this machine.
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `scheme://host:port` with no path.
    public var origin: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(scheme)://\(hostPart):\($0)" } ?? "\(scheme)://\(hostPart)"
    }
}
