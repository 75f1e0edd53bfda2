import Configuration

/// Finds an institution's short code from what a coordinator typed in `reviewers.csv`: its short code, its name
/// or one of its aliases, ignoring case and extra spaces.
struct InstitutionLookup {
    private var codes: [String: String] = [:]

    init(_ institutions: [Institution]) {
        // Short codes first, so a name can never shadow another institution's code.
        for institution in institutions {
            codes[Self.key(institution.short)] = institution.short.uppercased()
        }
        for institution in institutions {
            for name in [institution.name] + institution.aliases where codes[Self.key(name)] == nil {
                codes[Self.key(name)] = institution.short.uppercased()
            }
        }
    }

    /// The short code `text` stands for, or nil when no institution has that name, alias or code.
    func code(for text: String) -> String? { codes[Self.key(text)] }

    private static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
