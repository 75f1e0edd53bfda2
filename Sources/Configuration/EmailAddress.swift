/// The one rule for an email address the service will use, wherever one comes from (the configuration,
/// `reviewers.csv`, a sender): a plain mailbox `local@domain.tld`, which may be in UTF-8 (RFC 6531,
/// `josé@example.org`), with nothing that could end a header line or an SMTP command, or start another
/// address. (The mail adapters keep their own last guard against line breaks before anything goes out.)
public enum EmailAddress {
    public static func isPlain(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasSuffix(".")
            && text.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)
                    && !"<>(),;:\"[]\\".unicodeScalars.contains($0)
            }
    }
}
