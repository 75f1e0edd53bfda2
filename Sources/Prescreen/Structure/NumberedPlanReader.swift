import Layout

/// Reads an action plan written as paragraphs rather than a table: under a plan heading ("Annex 1 –
/// Action Plan", "7. Our action plan"), theme headings, then numbered actions, each a title line, a
/// description and a "Time scale: …" line.
struct NumberedPlanReader {
    let layout: DocumentLayout

    func read() -> PlanTableReader.Reading? {
        var rows: [ActionPlanRow] = []
        var descriptions: [[String]] = []
        var inPlan = false
        var theme: Theme?
        var firstPage: Int?
        for page in layout.pages {
            for block in page.blocks {
                guard let lines = block.lines else { continue }
                for line in lines.map({ $0.text.replacingOccurrences(of: "\t", with: " ") }) {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if Self.planHeading.contains(trimmed) {
                        inPlan = true
                        theme = nil
                        continue
                    }
                    guard inPlan else { continue }
                    if Self.otherHeading.contains(trimmed) || Self.signOff.contains(trimmed) {
                        inPlan = false
                        continue
                    }
                    if let named = Theme.subheading(trimmed), !Self.numbered.contains(trimmed) {
                        theme = named
                        continue
                    }
                    if let theme, let match = Self.numbered.firstMatch(in: trimmed), let title = match.group(1) {
                        rows.append(
                            ActionPlanRow(
                                theme: theme.rawValue, activity: trimmed.text(title), description: "", timescale: "",
                                page: page.number))
                        descriptions.append([])
                        firstPage = firstPage ?? page.number
                        continue
                    }
                    guard !rows.isEmpty else { continue }
                    if let match = Self.timescale.firstMatch(in: trimmed), let value = match.group(1) {
                        rows[rows.count - 1].timescale = trimmed.text(value)
                    } else if rows[rows.count - 1].timescale.isEmpty {
                        descriptions[descriptions.count - 1].append(trimmed)
                    }
                }
            }
        }
        guard let firstPage, !rows.isEmpty else { return nil }
        for index in rows.indices { rows[index].description = TextJoin.lines(descriptions[index]) }
        return PlanTableReader.Reading(
            rows: rows, certain: true, page: firstPage, columns: "numbered actions under theme headings",
            source: "numbered actions from page \(firstPage)")
    }

    private static let planHeading = Pattern(
        #"^(?:(?:appendix|annex|annexe|atodiad)\s+[a-z0-9]{1,2}\b.{0,40}\b(?:action\s+)?plan\b|(?:\d{1,2}[.)]\s*)?(?:our\s+)?action plan\b).{0,40}$"#
    )
    private static let otherHeading = Pattern(#"^(?:appendix|annex|annexe|atodiad)\s+[a-z0-9]{1,2}\b"#)
    private static let signOff = Pattern(#"^(?:signed|signature|sign-off)\b"#)
    /// `1. Title`, `2) Title`, `1.1 Title`, `V1. Title`, `Action 3: Title`.
    private static let numbered = Pattern(
        #"^(?:action\s+)?(?:[a-z]{1,2}\s?)?(?:\d{1,2}[.):]|\d{1,2}\.\d{1,2}[.):]?)\s+(\S.{2,})$"#)
    private static let timescale = Pattern(
        #"^(?:time\s*scales?|timescales?|time\s*frame|timeline|deadline|target(?: date)?|completion(?: date)?|due(?: date)?|by when|when|amserlen)\s*[:\-–]\s*(\S.*)$"#
    )
}
