import MIME

/// Whether the receiving mail server vouched for a message's sender: where `[imap] authserv-id` is set,
/// the topmost `Authentication-Results` from that server (the one it added on receipt; a sender can write
/// such a header too, further down) must show DKIM or DMARC passing.
public enum SenderVouching {
    /// Why the sender is not vouched for, or nil (vouched for, or no `authserv-id` set).
    public static func doubt(about message: ParsedMessage, authservID: String?) -> String? {
        guard let authservID else { return nil }
        let result = message.headers.first {
            $0.name.lowercased() == "authentication-results"
                && $0.value.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == authservID
        }?.value.lowercased()
        let passed = result.map { $0.contains("dkim=pass") || $0.contains("dmarc=pass") } ?? false
        return passed ? nil : "was not vouched for by \(authservID) (no DKIM or DMARC pass in Authentication-Results)"
    }
}
