import MIME

/// Whether the receiving mail server vouched for a message's sender: where `[review] authserv-id` is set,
/// the topmost `Authentication-Results` from that server (the one it added on receipt; a sender can write
/// such a header too, further down) must show DMARC passing, or DKIM passing for the From address's own
/// domain (a signature by any other domain proves nothing about who wrote the From).
public enum SenderVouching {
    /// Why the sender is not vouched for, or nil (vouched for, or no `authserv-id` set).
    public static func doubt(about message: ParsedMessage, authservID: String?) -> String? {
        guard let authservID else { return nil }
        let result = message.headers.first {
            $0.name.lowercased() == "authentication-results"
                && $0.value.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == authservID
        }?.value.lowercased()
        let fromDomain = message.from.first?.address.split(separator: "@").last.map { $0.lowercased() } ?? ""
        let passed = result.map { vouches($0, for: fromDomain) } ?? false
        return passed
            ? nil : "was not vouched for by \(authservID) (no DMARC pass, nor a DKIM pass for its From domain)"
    }

    /// Whether a lower-cased `Authentication-Results` value shows `dmarc=pass`, or `dkim=pass` with a
    /// `header.d` (or `header.i`) that is the From domain.
    static func vouches(_ value: String, for fromDomain: String) -> Bool {
        let results = value.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        for result in results {
            let words = result.split(whereSeparator: \.isWhitespace)
            guard let method = words.first else { continue }
            if method == "dmarc=pass" { return true }
            guard method == "dkim=pass", !fromDomain.isEmpty else { continue }
            for word in words.dropFirst() {
                let pair = word.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0] == "header.d" || pair[0] == "header.i" else { continue }
                let domain = pair[1].split(separator: "@").last.map(String.init) ?? ""
                if domain == fromDomain { return true }
            }
        }
        return false
    }
}
