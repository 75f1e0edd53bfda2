import Foundation

/// Reads the name and date from a sign-off block: `Signed  Jane Smith  (…Nominated Institutional Lead)`
/// then `Date: 12 July 2024`. Dotted or underlined signature lines are not names.
enum SignOffReader {
    struct Reading {
        let name: String?
        let date: String?
    }

    static func read(_ block: SignOffBlocks.Block, in document: ScreenText) -> Reading {
        let dateLabel = dateLabelPattern.firstMatch(in: document.text, range: block.range)
        let nameEnd = dateLabel?.range.lowerBound ?? block.range.upperBound
        var nameText = document.text(block.range.lowerBound..<min(block.label.lowerBound, nameEnd))
        if block.label.upperBound < nameEnd { nameText += " " + document.text(block.label.upperBound..<nameEnd) }
        if let field = nameField.firstMatch(in: document.text, range: block.range), let value = field.group(1) {
            nameText += " " + document.text(value)
        }
        return Reading(name: name(in: nameText), date: date(in: document, block: block, label: dateLabel))
    }

    /// What is left of the text around the label once the form's own words and the lines are gone.
    private static func name(in text: String) -> String? {
        let cleaned = text.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
        let words = cleaned.split(whereSeparator: { $0.isWhitespace || "._:;|/\\".contains($0) })
            .map(String.init)
            .filter { word in
                word.contains(where: \.isLetter)
                    && !formWords.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
            }
        let name = words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        guard name.filter(\.isLetter).count >= 2 else { return nil }
        return Evidence.quote(name)
    }

    /// The date after `Date:` (on its line, or the next line), else any date in the block.
    private static func date(in document: ScreenText, block: SignOffBlocks.Block, label: Pattern.Match?) -> String? {
        let text = document.text
        if let label {
            let after = document.text(label.range.upperBound..<block.range.upperBound)
            let lines = after.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let firstValue = lines.first ?? ""
            let candidates = firstValue.isEmpty ? Array(lines.dropFirst().prefix(2)) : [firstValue]
            for candidate in candidates where !candidate.isEmpty {
                if let match = datePattern.firstMatch(in: candidate) { return candidate.text(match.range) }
                break
            }
        }
        let searched = block.label.upperBound..<block.range.upperBound
        return datePattern.firstMatch(in: text, range: searched).map { text.text($0.range) }
    }

    /// Words printed by the form around a signature, which are not a name.
    private static let formWords: Set<String> = [
        "signed", "signature", "sign", "name", "print", "printed", "date", "dated", "technician", "commitment",
        "nominated", "institutional", "lead", "leader", "of", "the", "institution", "signatory", "by", "on", "behalf",
        "–", "-", "—",
    ]

    private static let dateLabelPattern = Pattern(#"\bdate[d]?\b\s*[:.\-]?"#)
    private static let nameField = Pattern(#"\b(?:print\s+)?name\s*:\s*([^\n\t]+)"#)
    private static let month =
        #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
    /// 6th December 2019, 12/07/2024, 2024-07-12, July 12, 2024, July 2024.
    static let datePattern = Pattern(
        #"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"# + month + #",?\s+(?:19|20)?\d{2}\b"#
            + #"|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}\b"#
            + #"|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"#
            + #"|\b"# + month + #"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"#
            + #"|\b"# + month + #",?\s+(?:19|20)\d{2}\b"#)
}
