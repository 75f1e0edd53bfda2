import Foundation
import Layout

/// The two sign-offs read from the page layout, whatever their arrangement: the template's
/// `Signed … (role) / Date:` lines, Signed/Name/Position/Date blocks under a role heading, a table with a
/// column per signatory, or a name followed by its role. Each block runs from its role to the next
/// block, so a name or date is never taken from the neighbour; a signature image counts as signed.
struct SignOffReading {
    struct Block {
        var name: String?
        var date: String?
        var image: Bool
        var page: Int
        /// The block's first lines, for evidence.
        var quote: String

        var isEmpty: Bool { name == nil && date == nil && !image }
    }

    var lead: Block?
    var leader: Block?

    init(layout: DocumentLayout, tables: [ReadTable]) {
        if let fromTable = Self.fromTable(tables) {
            self = fromTable
            return
        }
        let lines = Self.lines(layout)
        let text = lines.map(\.text).joined(separator: "\n")
        var starts: [Int] = [0]
        for line in lines.dropLast() { starts.append(starts.last! + line.text.utf16.count + 1) }
        func lineIndex(_ offset: Int) -> Int { (starts.lastIndex { $0 <= offset }) ?? 0 }

        // The last place each role is named as a signatory: a label followed by sign-off fields.
        func label(_ pattern: Pattern) -> Int? {
            pattern.matches(in: text).map { lineIndex($0.range.lowerBound) }.last { index in
                !Self.notALabel.contains(lines[index].text)
                    && (lines[index...].prefix(7).contains { Self.field.contains($0.text) || $0.image }
                        || lines[index...].prefix(3).contains { SignOffReader.datePattern.contains($0.text) })
            }
        }
        var found: [(role: Role, line: Int)] = []
        if let lead = label(Self.leadLabel) { found.append((.lead, lead)) }
        if let leader = label(Self.leaderLabel), leader != found.first?.line { found.append((.leader, leader)) }
        found.sort { $0.line < $1.line }
        // A `Signed` line just above a role's label is that role's.
        let anchors = found.map { entry -> Int in
            let above = entry.line - 1
            if above >= 0, Self.signed.contains(lines[above].text), !found.contains(where: { $0.line == above }) {
                return above
            }
            return entry.line
        }
        for (index, entry) in found.enumerated() {
            var end = index + 1 < anchors.count ? anchors[index + 1] : min(lines.count, entry.line + 8)
            if let heading = lines[(entry.line + 1)..<max(end, entry.line + 1)].firstIndex(where: {
                Self.nextPart.contains($0.text)
            }) {
                end = heading
            }
            let blockLines = Array(lines[anchors[index]..<max(end, entry.line + 1)])
            let block = Self.read(blockLines, labelAt: entry.line - anchors[index], role: entry.role)
            if entry.role == .lead { lead = block } else { leader = block }
        }
    }

    private enum Role { case lead, leader }

    private struct Line {
        var text: String
        var page: Int
        var image: Bool
    }

    private static func lines(_ layout: DocumentLayout) -> [Line] {
        var lines: [Line] = []
        for page in layout.pages {
            for block in page.blocks {
                if block.kind == .image { lines.append(Line(text: "", page: page.number, image: true)) }
                for line in block.lines ?? [] { lines.append(Line(text: line.text, page: page.number, image: false)) }
                if let table = block.table {
                    for row in table.rows {
                        lines.append(
                            Line(
                                text: row.cells.map(\.flatText).joined(separator: "\t"), page: page.number, image: false
                            ))
                    }
                }
            }
        }
        return lines
    }

    private static func read(_ lines: [Line], labelAt label: Int, role: Role) -> Block {
        var name: String?
        var date: String?
        for line in lines {
            let text = line.text
            if name == nil, let match = nameField.firstMatch(in: text), let value = match.group(1) {
                name = cleanName(text.text(value))
            }
            if date == nil, let match = dateField.firstMatch(in: text), let value = match.group(1) {
                date = SignOffReader.datePattern.firstMatch(in: text.text(value)).map {
                    text.text(value).text($0.range)
                }
            }
        }
        for line in lines where name == nil {
            if let match = signedField.firstMatch(in: line.text), let value = match.group(1) {
                name = cleanName(line.text.text(value))
            }
        }
        if name == nil {
            // The name before the role on its line ("Dr Jane Smith, Nominated Institutional Lead"), or a
            // name on a line of its own just below the role.
            let labelText = lines[label].text
            if let comma = labelText.firstIndex(of: ",") { name = cleanName(String(labelText[..<comma])) }
            if name == nil, label + 1 < lines.count, looksLikeName(lines[label + 1].text) {
                name = cleanName(lines[label + 1].text)
            }
        }
        if date == nil {
            for line in lines {
                if let match = SignOffReader.datePattern.firstMatch(in: line.text) {
                    date = line.text.text(match.range)
                    break
                }
            }
        }
        let quote = lines.prefix(4).map(\.text).joined(separator: " ")
        return Block(
            name: name, date: date, image: lines.contains(where: \.image), page: lines[label].page, quote: quote)
    }

    /// What is left of a field's value once the form's words, the role and the dotted lines are gone.
    private static func cleanName(_ raw: String) -> String? {
        var text = raw
        if let cut = text.firstIndex(where: { $0 == "(" || $0 == "\t" }) { text = String(text[..<cut]) }
        for pattern in [leadLabel, leaderLabel] { text = pattern.replacing(in: text, with: " ") }
        let words = text.split(whereSeparator: { $0.isWhitespace || "._…:;|\\".contains($0) })
            .filter { $0.contains(where: \.isLetter) && !formWords.contains($0.lowercased()) }
        guard words.joined().filter(\.isLetter).count >= 3 else { return nil }
        return Evidence.quote(words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters))
    }

    private static func looksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...6).contains(words.count), !line.contains(":"), !line.contains(where: \.isNumber) else {
            return false
        }
        return words.allSatisfy { $0.first?.isUppercase == true } && !roleWords.contains(line.lowercased())
    }

    /// A table with a column per signatory and a row per field (Signature, Name, Position, Date).
    private static func fromTable(_ tables: [ReadTable]) -> SignOffReading? {
        for table in tables {
            guard
                let headerIndex = table.rows.firstIndex(where: { row in
                    row.cells.contains { leadLabel.contains($0) }
                        && row.cells.contains { leaderLabel.contains($0) || roleWords.contains($0.lowercased()) }
                })
            else { continue }
            let header = table.rows[headerIndex].cells
            guard let leadColumn = header.firstIndex(where: { leadLabel.contains($0) }),
                let leaderColumn = header.indices.first(where: {
                    $0 != leadColumn
                        && (leaderLabel.contains(header[$0]) || roleWords.contains(header[$0].lowercased()))
                })
            else { continue }
            func value(_ field: Pattern, _ column: Int) -> String? {
                table.rows[(headerIndex + 1)...].first { field.contains($0.cells[0]) }.map { $0.cells[column] }
                    .flatMap { $0.isEmpty ? nil : $0 }
            }
            func block(_ column: Int) -> Block {
                let name =
                    value(Pattern(#"^\s*(?:print(?:ed)?\s+)?name\b"#), column).flatMap(cleanName)
                    ?? value(Pattern(#"^\s*(?:signed|signature)\b"#), column).flatMap(cleanName)
                let date = value(Pattern(#"^\s*dated?\b"#), column).flatMap { cell in
                    SignOffReader.datePattern.firstMatch(in: cell).map { cell.text($0.range) }
                }
                let quote = table.rows[headerIndex...].prefix(4).map { "\($0.cells[0]) \($0.cells[column])" }
                    .joined(separator: " ")
                return Block(name: name, date: date, image: false, page: table.page, quote: quote)
            }
            return SignOffReading(lead: block(leadColumn), leader: block(leaderColumn))
        }
        return nil
    }

    private init(lead: Block?, leader: Block?) {
        self.lead = lead
        self.leader = leader
    }

    static let leadLabel = Pattern(
        #"(?:technician\s+commitment\s+)?(?:nominated\s+)?institutional\s+lead\b|arweinydd\s+sefydliadol"#)
    /// What ends the last block: an appendix or annex heading.
    private static let nextPart = Pattern(#"^\s*(?:appendix|annex|annexe|atodiad)\s+[a-z0-9]{1,2}\b"#)
    static let leaderLabel = Pattern(
        #"\b(?:signatory\s*[–—-]?\s*)?(?:leader|head)\s+of\s+(?:the\s+)?institution\b|arweinydd\s+y\s+sefydliad|,\s*(?:vice[- ]chancellor|president|principal|director|chief executive)\b"#
    )
    private static let roleWords: Set<String> = [
        "vice-chancellor", "vice chancellor", "president", "principal", "director", "chief executive",
        "vice-chancellor and president", "president and vice-chancellor", "principal and vice-chancellor",
    ]
    /// Lines that name a role without being a sign-off: a sentence about it, the form's header.
    private static let notALabel = Pattern(#"published|@|\bname of\b|^\s*institutional lead\s*:"#)
    private static let field = Pattern(
        #"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature|name|date|dated|position|role|title|llofnod|dyddiad)\b"#)
    private static let signed = Pattern(#"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature)\b"#)
    private static let nameField = Pattern(#"^\s*(?:[\p{L} ]+/\s*)?(?:print(?:ed)?\s+)?name\s*[:\-–]?\s*(\S.*)$"#)
    /// `Signed: Dr A Smith`, not `Signed on behalf of the University:` (the institution is not a name).
    private static let signedField = Pattern(
        #"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature)\b(?!\s+(?:on\s+behalf|for\b))(?:\s+by)?\s*[:\-–]?\s*(\S.*)$"#)
    private static let dateField = Pattern(#"^\s*(?:[\p{L} ]+/\s*)?dated?\s*[:\-–]?\s*(\S.*)$"#)
    private static let formWords: Set<String> = [
        "signed", "signature", "name", "print", "printed", "date", "dated", "on", "behalf", "of", "by", "technician",
        "commitment", "llofnod",
    ]
}
