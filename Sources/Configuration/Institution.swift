import Foundation

/// A signatory institution, as one row of `institutions.csv`.
public struct Institution: Sendable, Equatable, Codable {
    public var name: String
    /// A short code such as `LJMU`, used in references.
    public var short: String
    /// Mail domains whose senders belong to it, e.g. `ljmu.ac.uk`.
    public var domains: [String]
    /// Other names people use for it.
    public var aliases: [String]
    /// The Technician Commitment lead's address, copied on confirmations.
    public var lead: String?
    /// When it signed, `YYYY-MM`.
    public var joined: String?

    public init(
        name: String, short: String, domains: [String] = [], aliases: [String] = [], lead: String? = nil,
        joined: String? = nil
    ) {
        self.name = name
        self.short = short
        self.domains = domains
        self.aliases = aliases
        self.lead = lead
        self.joined = joined
    }
}

extension Institution {
    static let columns = ["name", "short", "domains", "aliases", "lead", "joined"]

    /// Reads `institutions.csv`, reporting each faulty row with its line.
    public static func load(csv text: String, file: String) -> ([Institution], [ConfigProblem]) {
        let table = CSVTable(text: text)
        var problems: [ConfigProblem] = []
        let missing = columns.filter { !table.header.contains($0) }
        if !missing.isEmpty {
            problems.append(
                .init(
                    file: file, line: 1,
                    message:
                        "the header row must name the columns \(columns.joined(separator: ",")); missing: \(missing.joined(separator: ", "))"
                ))
            return ([], problems)
        }
        var institutions: [Institution] = []
        var seenShort: [String: Int] = [:]
        for row in table.rows {
            func fail(_ message: String) { problems.append(.init(file: file, line: row.line, message: message)) }
            let name = row["name"]
            let short = row["short"]
            guard !name.isEmpty else { fail("the name is empty"); continue }
            guard !short.isEmpty, short.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                fail("the short code of \(name) must be letters and digits, such as LJMU")
                continue
            }
            if let earlier = seenShort[short.uppercased()] {
                fail("the short code \(short) is already used on line \(earlier)")
                continue
            }
            seenShort[short.uppercased()] = row.line
            let domains = list(row["domains"]).map { $0.lowercased() }
            for domain in domains where !domain.contains(".") || domain.contains("@") || domain.contains(" ") {
                fail("'\(domain)' is not a mail domain (write ljmu.ac.uk, not an address)")
            }
            let lead = row["lead"].isEmpty ? nil : row["lead"]
            if let lead, !EmailAddress.isPlain(lead) {
                fail("the lead '\(lead)' is not an email address")
            }
            let joined = row["joined"].isEmpty ? nil : row["joined"]
            if let joined, !isYearMonth(joined) {
                fail("joined '\(joined)' should be a date such as 2017-05")
            }
            institutions.append(
                Institution(
                    name: name, short: short.uppercased(), domains: domains, aliases: list(row["aliases"]),
                    lead: lead, joined: joined))
        }
        return (institutions, problems)
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func isYearMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return false
        }
        return (1990...2100).contains(year) && (1...12).contains(month)
    }
}
