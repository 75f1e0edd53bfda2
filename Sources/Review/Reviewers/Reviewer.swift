import Foundation

/// A peer reviewer from `reviewers.csv`: where to write, where replies may come from, and what limits apply.
public struct Reviewer: Sendable, Codable, Equatable {
    public var name: String
    /// The primary address, lowercased: assignments and reminders go here.
    public var email: String
    /// Other addresses, lowercased, that the reviewer may reply from.
    public var aliases: [String]
    /// The short code of the reviewer's institution, or nil when they belong to none in `institutions.csv`.
    public var institution: String?
    /// Lowercased areas such as `career development`, `technician voice`, `rag`, `talent`.
    public var expertise: [String]
    /// The most reviews the reviewer has open at once.
    public var maxOpen: Int
    public var active: Bool
    /// Short codes of the institutions the reviewer must never review.
    public var conflicts: [String]

    public init(
        name: String, email: String, aliases: [String] = [], institution: String? = nil, expertise: [String] = [],
        maxOpen: Int = 3, active: Bool = true, conflicts: [String] = []
    ) {
        self.name = name
        self.email = email.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
        self.institution = institution
        self.expertise = expertise
        self.maxOpen = maxOpen
        self.active = active
        self.conflicts = conflicts
    }

    /// Whether `address` is the reviewer's primary address or one of the aliases, ignoring case and angle brackets.
    public func owns(address: String) -> Bool {
        let wanted = Reviewer.canonical(address)
        guard !wanted.isEmpty else { return false }
        return wanted == email.lowercased() || aliases.contains { $0.lowercased() == wanted }
    }

    /// Every address the reviewer may write from, primary first.
    public var addresses: [String] { [email] + aliases }

    /// `address` trimmed of spaces and `<…>`, lowercased.
    static func canonical(_ address: String) -> String {
        var text = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<") && text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Turns an expertise tag or a pre-screen area into the form they are matched on: lowercase, `-` and `_` as
    /// spaces, single spaces (`Career-Development` → `career development`).
    public static func normalisedArea(_ text: String) -> String {
        String(text.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
