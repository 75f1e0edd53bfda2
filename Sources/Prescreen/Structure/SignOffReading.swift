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
        // A sign-off table first; a role it does not have is looked for in the lines.
        let table = Self.fromTable(tables)
        if let table, table.lead != nil, table.leader != nil {
            self = table
            return
        }
        self.init(lines: layout)
        lead = table?.lead ?? lead
        leader = table?.leader ?? leader
    }

    private init(lines layout: DocumentLayout) {
        let lines = Self.lines(layout)
        let text = lines.map(\.text).joined(separator: "\n")
        var starts: [Int] = [0]
        for line in lines.dropLast() { starts.append(starts.last! + line.text.utf16.count + 1) }
        func lineIndex(_ offset: Int) -> Int { (starts.lastIndex { $0 <= offset }) ?? 0 }

        // The last place each role is named as a signatory: a label followed by sign-off fields.
        /// A line that names a role in a sentence about it, not as a signatory.
        func isProse(_ index: Int) -> Bool {
            Self.notALabel.contains(
                lines[index].text + " " + (lines.indices.contains(index + 1) ? lines[index + 1].text : ""))
        }
        // Sign-off fields around a label (Signed, Name, Date:, an image) make it certain; a date just below
        // (a name and role with the date under them) will do when nothing better is found.
        func label(_ pattern: Pattern) -> Int? {
            let candidates = pattern.matches(in: text).map { lineIndex($0.range.lowerBound) }.filter { !isProse($0) }
            let strong = candidates.last { index in
                lines[max(0, index - 2)..<min(lines.count, index + 5)].contains {
                    $0.image || Self.field.contains($0.text) || Self.dateWord.contains($0.text)
                }
            }
            return strong
                ?? candidates.last { index in
                    lines[index...].prefix(3).contains { SignOffReader.datePattern.contains($0.text) }
                }
        }
        // A role named twice in a few lines ("Leader of the Institution" … "Vice-Chancellor") starts at the first.
        func first(_ pattern: Pattern, from index: Int) -> Int {
            let nearby = pattern.matches(in: text).map { lineIndex($0.range.lowerBound) }.filter {
                $0 < index && $0 >= index - 4 && !isProse($0)
            }
            return nearby.min() ?? index
        }
        var found: [(role: Role, line: Int)] = []
        if let lead = label(Self.leadLabel) { found.append((.lead, first(Self.leadLabel, from: lead))) }
        if let leader = label(Self.leaderLabel).map({ first(Self.leaderLabel, from: $0) }),
            leader != found.first?.line
        {
            found.append((.leader, leader))
        }
        found.sort { $0.line < $1.line }
        // Signature, name and title lines just above a role's label are that role's (a date ends the block
        // before, so it is never taken).
        let anchors = found.enumerated().map { index, entry -> Int in
            let floor = index > 0 ? found[index - 1].line + 1 : 0
            var anchor = entry.line
            while anchor - 1 >= floor, anchor - entry.line > -4,
                lines[anchor - 1].image || Self.fieldAbove.contains(lines[anchor - 1].text)
            {
                anchor -= 1
            }
            return anchor
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
                        // A form laid out as one big table: a cell alone on its row is read line by line.
                        let filled = row.cells.filter { !$0.text.isEmpty }
                        if filled.count == 1 {
                            for text in filled[0].text.split(separator: "\n") {
                                lines.append(Line(text: String(text), page: page.number, image: false))
                            }
                            continue
                        }
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
            if date == nil, let match = dateAnywhere.firstMatch(in: text), let value = match.group(1) {
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
            // "Vice-Chancellor: Professor Imogen Tate"
            if name == nil, let match = roleThenName.firstMatch(in: labelText), let value = match.group(1) {
                name = cleanName(labelText.text(value))
            }
            if name == nil,
                let below = lines[(label + 1)...].prefix(3).first(where: { !$0.image && !$0.text.isEmpty }),
                looksLikeName(below.text)
            {
                name = cleanName(below.text)
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
        if let date = dateWord.firstMatch(in: text) { text = text.text(0..<date.range.lowerBound) }
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

    /// A table with a row per signatory and a column per field (Name, Signature, Date).
    private static func fromRows(_ table: ReadTable) -> SignOffReading? {
        guard
            let headerIndex = table.rows.firstIndex(where: { row in
                row.cells.contains { nameHeader.contains($0) } && row.cells.contains { dateHeader.contains($0) }
            })
        else { return nil }
        let header = table.rows[headerIndex].cells
        let nameColumn = header.firstIndex { nameHeader.contains($0) && !$0.lowercased().hasPrefix("sign") }
        let signatureColumn = header.firstIndex { Pattern(#"^\s*signature|^\s*signed"#).contains($0) }
        guard let dateColumn = header.firstIndex(where: { dateHeader.contains($0) }) else { return nil }
        var reading = SignOffReading(lead: nil, leader: nil)
        for row in table.rows[(headerIndex + 1)...] {
            let role = row.cells[0]
            let isLead = leadLabel.contains(role)
            guard isLead || leaderLabel.contains(role) || roleWords.contains(role.lowercased()) else { continue }
            let name =
                (nameColumn.map { row.cells[$0] }).flatMap(cleanName)
                ?? (signatureColumn.map { row.cells[$0] }).flatMap(cleanName)
            let cell = row.cells[dateColumn]
            let date = SignOffReader.datePattern.firstMatch(in: cell).map { cell.text($0.range) }
            let block = Block(
                name: name, date: date, image: false, page: row.page, quote: row.filled.joined(separator: " "))
            if isLead { reading.lead = block } else { reading.leader = block }
        }
        return reading.lead == nil && reading.leader == nil ? nil : reading
    }

    /// A table with a column per signatory and a row per field (Signature, Name, Position, Date).
    private static func fromTable(_ tables: [ReadTable]) -> SignOffReading? {
        for table in tables {
            if let rows = fromRows(table) { return rows }
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
    /// The Leader of the Institution, by that name, or by the role in brackets, after a comma, alone on
    /// its line or as a title field: `(Vice-Chancellor)`, `, Principal and Vice-Chancellor`, `Director`,
    /// `Title: President and Vice-Chancellor`.
    static let leaderLabel = Pattern(
        #"\b(?:signatory\s*[–—-]?\s*)?(?:leader|head)\s+of\s+(?:the\s+)?institution\b|arweinydd\s+y\s+sefydliad|(?:,|\(|^\s*(?:(?:title|position|role)\s*:)?)\s*(?:the\s+)?"#
            + leaderRole + #"(?:\s+(?:and|&)\s+"# + leaderRole + #")?\s*(?:\)|$|,|:)"#)
    /// `Role: Name` on one line.
    private static let roleThenName = Pattern(
        #"^[^:]{3,80}?(?:lead|chancellor|president|principal|director|institution)\s*:\s*(\S.*)$"#)
    private static let leaderRole =
        #"(?:vice[- ]chancellor|president|principal|director|chief executive|provost|rector|warden|is-ganghellor)"#
    /// A column header, the whole cell: `Name`, `Print name`, `Signature`; `Date`.
    private static let nameHeader = Pattern(#"^\s*(?:(?:print(?:ed)?|full)\s+name|name|signature|signed)\s*:?\s*$"#)
    private static let dateHeader = Pattern(#"^\s*(?:dated?|date signed)\s*:?\s*$"#)
    /// Lines above a role that belong to its block: signature, name, title (not a date, which ends the block before).
    private static let fieldAbove = Pattern(
        #"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature|name|print(?:ed)? name|position|role|title|llofnod)\b"#)
    private static let dateAnywhere = Pattern(#"\bdated?\b[\s:\-–.…_]*(\S.*)$"#)
    private static let dateWord = Pattern(#"\bdated?\b"#)
    private static let roleWords: Set<String> = [
        "vice-chancellor", "vice chancellor", "president", "principal", "director", "chief executive",
        "vice-chancellor and president", "president and vice-chancellor", "principal and vice-chancellor",
    ]
    /// Lines that name a role without being a sign-off: a sentence about it, the form's header.
    private static let notALabel = Pattern(
        #"published|@|\bname of\b|^\s*institutional lead\s*:|\b(?:our|the|your|their|its)\s+(?:nominated\s+)?institutional\s+lead\b"#
    )
    private static let field = Pattern(
        #"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature|name|date|dated|position|role|title|llofnod|dyddiad)\b"#)
    private static let signed = Pattern(#"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature)\b"#)
    private static let nameField = Pattern(#"^\s*(?:[\p{L} ]+/\s*)?(?:print(?:ed)?\s+)?name\s*[:\-–]?\s*(\S.*)$"#)
    /// `Signed: Dr A Smith`, not `Signed on behalf of the University:` (the institution is not a name).
    private static let signedField = Pattern(
        #"^\s*(?:[\p{L} ]+/\s*)?(?:signed|signature)\b(?!\s+(?:on\s+behalf|for\b))(?:\s+by)?\s*[:\-–]?\s*(\S.*)$"#)
    private static let formWords: Set<String> = [
        "signed", "signature", "name", "print", "printed", "date", "dated", "on", "behalf", "of", "by", "technician",
        "commitment", "llofnod",
    ]
}
