import Configuration
import Foundation

/// The reviewer list, `reviewers.csv` beside the configuration file.
public enum ReviewerDirectory {
    /// The columns the header row must name.
    public static let columns = ["name", "email", "institution", "expertise", "max-open", "active", "conflicts"]

    /// Reads reviewers.csv, reporting every fault as `file:line: message`.
    ///
    /// `email` holds one address or several separated by `;` (the first is primary, the others aliases a reply
    /// may come from); `expertise` and `conflicts` are `;`-separated; `institution` and `conflicts` name an
    /// institution of `institutions` by name, alias or short code (an empty `institution` means none);
    /// `max-open` is a positive whole number; `active` is yes or no. A row with any fault yields no reviewer, so a
    /// mistyped conflict can never be silently dropped.
    public static func load(csv text: String, file: String, institutions: [Institution]) -> (
        [Reviewer], [ConfigProblem]
    ) {
        let table = CSVTable(text: text)
        let missing = columns.filter { !table.header.contains($0) }
        guard missing.isEmpty else {
            let message =
                "the header row must name the columns \(columns.joined(separator: ",")); missing: "
                + missing.joined(separator: ", ")
            return ([], [ConfigProblem(file: file, line: 1, message: message)])
        }
        let lookup = InstitutionLookup(institutions)
        var reviewers: [Reviewer] = []
        var problems: [ConfigProblem] = []
        var addressLines: [String: Int] = [:]
        for row in table.rows {
            var faults: [String] = []
            let reviewer = parse(row, lookup: lookup, faults: &faults)
            for address in reviewer.addresses where !address.isEmpty {
                if let earlier = addressLines[address] {
                    faults.append("the address \(address) is already listed on line \(earlier)")
                } else {
                    addressLines[address] = row.line
                }
            }
            problems += faults.map { ConfigProblem(file: file, line: row.line, message: $0) }
            if faults.isEmpty { reviewers.append(reviewer) }
        }
        return (reviewers, problems)
    }

    /// Reads one row, appending each fault to `faults`; the result is only meaningful when `faults` stays empty.
    private static func parse(_ row: CSVTable.Row, lookup: InstitutionLookup, faults: inout [String]) -> Reviewer {
        let name = row["name"]
        if name.isEmpty { faults.append("the name is empty; write the reviewer's name") }
        let who = name.isEmpty ? "this reviewer" : name

        var addresses: [String] = []
        for address in list(row["email"]).map({ $0.lowercased() }) where !addresses.contains(address) {
            if EmailAddress.isPlain(address) {
                addresses.append(address)
            } else {
                faults.append("'\(address)' is not an email address (write name@example.ac.uk)")
            }
        }
        if list(row["email"]).isEmpty { faults.append("\(who) has no email address") }

        var institution: String? = nil
        let institutionText = row["institution"]
        if !institutionText.isEmpty {
            institution = lookup.code(for: institutionText)
            if institution == nil {
                faults.append(
                    "unknown institution '\(institutionText)'; use a name or short code from institutions.csv")
            }
        }

        var conflicts: [String] = []
        for text in list(row["conflicts"]) {
            guard let code = lookup.code(for: text) else {
                faults.append("unknown conflict '\(text)'; use a name or short code from institutions.csv")
                continue
            }
            if !conflicts.contains(code) { conflicts.append(code) }
        }

        var maxOpen = 0
        let maxOpenText = row["max-open"]
        if let value = Int(maxOpenText), value > 0, maxOpenText.allSatisfy(\.isASCII) {
            maxOpen = value
        } else {
            faults.append("max-open '\(maxOpenText)' must be a positive whole number, such as 3")
        }

        var active = false
        switch row["active"].lowercased() {
        case "yes": active = true
        case "no": active = false
        default: faults.append("active '\(row["active"])' must be yes or no")
        }

        var expertise: [String] = []
        for area in list(row["expertise"]).map(Reviewer.normalisedArea) where !expertise.contains(area) {
            expertise.append(area)
        }

        return Reviewer(
            name: name, email: addresses.first ?? "", aliases: Array(addresses.dropFirst()), institution: institution,
            expertise: expertise, maxOpen: maxOpen, active: active, conflicts: conflicts)
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
