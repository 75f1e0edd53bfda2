import Foundation

/// The Technician Commitment's themes, as action plans name them.
enum Theme: String, CaseIterable, Sendable {
    case visibility = "Visibility"
    case recognition = "Recognition"
    case careerDevelopment = "Career Development"
    case sustainability = "Sustainability"
    case evaluatingImpact = "Evaluating Impact"
    case crossCutting = "Cross-cutting"

    /// The four themes every action plan must address.
    static let required: [Theme] = [.visibility, .recognition, .careerDevelopment, .sustainability]

    /// The id of the finding on this theme, e.g. `plan-theme-career-development`.
    var findingID: String { "plan-theme-" + rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }

    /// A line that opens a theme: the theme's name first (after an optional "Theme 1:" or number), then
    /// the end of the line, a separator, a tab, or a capitalised word. Returns the rest of the line.
    static func heading(_ line: String) -> (theme: Theme, rest: String)? {
        guard let match = headingPattern.firstMatch(in: line), let name = match.group(1) else { return nil }
        guard let theme = named(line.text(name)) else { return nil }
        let rest = match.group(2).map { line.text($0) } ?? ""
        return (theme, rest.trimmingCharacters(in: .whitespaces))
    }

    /// A table cell that names a theme: its name (with little else), or a code like `V1`, `CD3`.
    static func cell(_ cell: String) -> Theme? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if let (theme, rest) = heading(trimmed), rest.split(separator: " ").count <= 12 { return theme }
        if let match = codePattern.firstMatch(in: trimmed), let code = match.group(1) {
            switch trimmed.text(code).uppercased() {
            case "V": return .visibility
            case "R": return .recognition
            case "CD", "C": return .careerDevelopment
            case "S": return .sustainability
            default: return nil
            }
        }
        return nil
    }

    /// A short cell or line that names one theme, wherever in it: `Gwelededd / Visibility`,
    /// `Theme 2 – Recognition`, `V1 Visibility`.
    static func mentioned(in text: String) -> Theme? {
        if let theme = cell(text) { return theme }
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        guard words > 0, words <= 8 else { return nil }
        let found = Set(
            namePattern.matches(in: text).compactMap { match in match.group(1).flatMap { named(text.text($0)) } })
        return found.count == 1 ? found.first : nil
    }

    /// A sub-heading that names a theme and little else ("Visibility", "Theme 3: Career Development").
    static func subheading(_ line: String) -> Theme? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.split(separator: " ").count <= 6 else { return nil }
        return mentioned(in: trimmed)
    }

    private static let namePattern = Pattern(#"\b"# + names + #"\b"#)

    private static func named(_ name: String) -> Theme? {
        let key = name.lowercased()
        if key.hasPrefix("visib") { return .visibility }
        if key.hasPrefix("recog") { return .recognition }
        if key.hasPrefix("career") { return .careerDevelopment }
        if key.hasPrefix("sustain") { return .sustainability }
        if key.hasPrefix("evaluat") { return .evaluatingImpact }
        if key.hasPrefix("cross") { return .crossCutting }
        return nil
    }

    private static let names =
        #"(visibility|recognition|career\s+(?:development|progression)(?:\s*(?:and|&)\s*(?:progression|development))?|sustainability|evaluating\s+impact|cross[\s-]*cutting(?:\s+themes?)?)"#
    private static let headingPattern = Pattern(
        #"^[ \t]*(?:theme\s*\d*\s*[:.\-–—]?\s*)?(?:\d{1,2}[.)]\s*)?"# + names
            + #"\b[ \t]*(?:\([^)\n]{0,40}\))?[ \t]*(?:[:\-–—][ \t]*|(?=\t)|$|[ \t]+(?=(?-i:[A-Z0-9])))(.*)$"#)
    private static let codePattern = Pattern(#"^(V|R|CD|C|S)\s?\d{1,2}(?:\.\d{1,2})?[.:)]?$"#, caseSensitive: true)
}
