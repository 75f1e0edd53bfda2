import Foundation

/// Actions under a theme heading: grouped into items, each item made a row.
extension ActionPlanParser {
    /// Groups a theme's lines into actions: by bullets or item numbers when there are any, else by lines
    /// that hold only a time scale (one cell per line), else one action per line.
    func items(_ lines: [Line]) -> [[Piece]] {
        var pieces: [Piece] = []
        for line in lines {
            let parts = line.text.components(separatedBy: "•")
            for (index, part) in parts.enumerated() {
                let text = part.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                pieces.append(
                    Piece(text: text, offset: line.offset, opensItem: index > 0 || Self.itemNumber.contains(text)))
            }
        }
        if pieces.contains(where: \.opensItem) {
            var items: [[Piece]] = []
            for piece in pieces {
                if piece.opensItem {
                    items.append([piece])
                } else if !items.isEmpty {
                    items[items.count - 1].append(piece)
                }
            }
            return items
        }
        let closers = pieces.filter { TimeScale.cell($0.text) != nil }
        if !closers.isEmpty {
            var items: [[Piece]] = []
            var current: [Piece] = []
            for piece in pieces {
                current.append(piece)
                if TimeScale.cell(piece.text) != nil {
                    items.append(current)
                    current = []
                }
            }
            if !current.isEmpty { items.append(current) }
            return items
        }
        return pieces.map { [$0] }
    }

    func row(from item: [Piece], theme: Theme, timescale given: String = "") -> ActionPlanRow? {
        guard let first = item.first else { return nil }
        let page = document.page(at: first.offset)
        if item.count >= 2, let last = item.last, TimeScale.cell(last.text) != nil {
            let activity = clean(first.text)
            guard isAction(activity) else { return nil }
            return ActionPlanRow(
                theme: theme.rawValue, activity: activity,
                description: clean(item.dropFirst().dropLast().map(\.text).joined(separator: " ")),
                timescale: clean(last.text), page: page)
        }
        var text = clean(Self.itemNumber.replacing(in: item.map(\.text).joined(separator: " "), with: ""))
        var timescale = given
        if let found = TimeScale.last(in: text) {
            let tail = text.text(found.range.upperBound..<text.utf16Length)
            if tail.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)).isEmpty {
                if timescale.isEmpty { timescale = text.text(found.range) }
                text = Self.trailingSeparator.replacing(in: text.text(0..<found.range.lowerBound), with: "")
            } else if timescale.isEmpty {
                timescale = text.text(found.range)
            }
        }
        guard isAction(text) else { return nil }
        var activity = text
        var description = ""
        if let split = Self.separator.firstMatch(in: text), split.range.lowerBound <= 150, split.range.lowerBound > 0 {
            activity = text.text(0..<split.range.lowerBound)
            description = text.text(split.range.upperBound..<text.utf16Length)
        }
        return ActionPlanRow(
            theme: theme.rawValue, activity: clean(activity), description: clean(description),
            timescale: clean(timescale), page: page)
    }

    /// Whether a piece of text can be an action, not a column header or a theme's printed explanation.
    func isAction(_ text: String) -> Bool {
        guard text.filter(\.isLetter).count >= 4 else { return false }
        if PlanColumn.header([text, text]) != nil { return false }
        let opening = ScreenText.keys(String(text.prefix(90))).joined(separator: " ")
        return !Self.themeExplanations.contains { opening.hasPrefix($0) }
    }

    /// The explanations printed under each theme in the form's tables, which are not actions.
    private static let themeExplanations = [
        "ensure that technicians within the organisation are identifiable",
        "support technicians to gain recognition through",
        "enable career progression opportunities for technicians",
        "ensure the future sustainability of technical skills",
    ]

    func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " -–—:;,•"))
    }

    /// `1.`, `2)`, `1.2.`, `V1`, `CD2.` opening an item (not `12 months` or `Q1 2025`).
    static let itemNumber = Pattern(
        #"^\(?(?:\d{1,2}(?:\.\d{1,2})?[.)]|(?-i:CD|[VRSC])\d{1,2}(?:\.\d{1,2})?[.:)]?)\s+(?=\S)"#)
    /// Between an action's name and its description.
    static let separator = Pattern(#"\s[-–—]\s|:\s"#)
    static let trailingSeparator = Pattern(#"[\s\-–—:(,;]+$"#)
}
