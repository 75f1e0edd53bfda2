import Foundation

/// One mailbox from an address header: an optional display name and the address itself.
public struct MailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// The display name on one line: control characters and runs of white space become one space.
    public var singleLineName: String? {
        guard let name else { return nil }
        let words = name.unicodeScalars.split {
            $0.properties.generalCategory == .control || $0.properties.isWhitespace
        }
        let joined = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    /// The part after the `@`, lowercased.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...].lowercased()
    }

    /// The part before the `@`, lowercased.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return address[..<at].lowercased()
    }

    public var description: String {
        guard let name else { return address }
        return "\(name) <\(address)>"
    }

    /// Parses `Name <addr@host>` or a bare `addr@host`; nil when no address can be found.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            self.init(name: name, address: String(trimmed[trimmed.index(after: open)..<close]))
        } else {
            self.init(address: trimmed)
        }
        guard address.contains("@"), !address.contains(" ") else { return nil }
    }
}
