import Foundation

/// The organisation named in the form's header agrees with the institution the submission was filed under.
enum OrganisationCheck {
    static let id = "organisation"
    static let title = "Organisation matches the institution"

    /// The name after `Organisation:` and where it is, if the form gives one.
    static func named(in context: ScreenContext) -> (name: String, range: Range<Int>)? {
        let document = context.document
        guard let match = label.firstMatch(in: document.text), let sameLine = match.group(1) else { return nil }
        // The value may sit on the next line, as in a two-row table.
        let candidates = [sameLine, match.group(2)].compactMap { $0 }
        guard let range = candidates.first(where: { !document.text($0).trimmingCharacters(in: .whitespaces).isEmpty })
        else { return nil }
        var name =
            document.text(range).components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
        if let other = otherLabel.firstMatch(in: name) { name = name.text(0..<other.range.lowerBound) }
        name = name.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        guard isName(name) else { return nil }
        return (name, range)
    }

    static func check(context: ScreenContext, institutionNames: [String]) -> Finding? {
        let names = institutionNames.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !names.isEmpty else { return nil }
        let filedUnder = names[0]
        guard let (named, range) = named(in: context) else {
            return Finding(
                id: id, level: .attention, title: title,
                detail: "The Organisation field at the top of the form is empty; please name your organisation.")
        }
        let quote = context.quote(range)
        if names.contains(where: { matches(written: named, filed: $0) }) {
            return Finding(
                id: id, level: .ok, title: title, detail: "The form names \(named), as filed.",
                evidence: quote.evidence,
                page: quote.page)
        }
        return Finding(
            id: id, level: .attention, title: title,
            detail:
                "The form names \u{201C}\(named)\u{201D}, but it was filed under \(filedUnder); please check the right form was sent.",
            evidence: quote.evidence, page: quote.page)
    }

    /// Whether the written name, or its main part before a bracket or dash ("University of Leeds (UoL)",
    /// "X University – Faculty of Arts"), names the filed institution.
    static func matches(written: String, filed: String) -> Bool {
        let main = written.components(separatedBy: CharacterSet(charactersIn: "(–—|,")).first ?? written
        let beforeDash = main.components(separatedBy: " - ").first ?? main
        return [written, main, beforeDash].contains { NameWords($0).names(NameWords(filed)) }
    }

    /// A plausible name: some letters, not too long, and not the next label or question.
    private static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard text.filter(\.isLetter).count >= 2, words.count <= 15, !text.hasSuffix(":") else { return false }
        let key = ScreenText.keys(text).joined(separator: " ")
        let questionWords = [
            "comments on", "name of institutional lead", "date joined", "e mail", "please", "to provide",
        ]
        return !questionWords.contains { key.hasPrefix($0) } && !Self.itemNumber.contains(text)
    }

    private static let label = Pattern(
        #"^[ \t]*organi[sz]ation(?:\s+name)?[ \t]*:[ \t]*([^\n]*)(?:\n(?:[ \t]*\n)*[ \t]*([^\n]*))?"#)
    private static let otherLabel = Pattern(
        #"\s*(?:name of institutional lead|institutional lead|e-?mail|date joined)\s*:"#)
    private static let itemNumber = Pattern(#"^\d{1,2}[.)]\s"#)
}
