/// The form asks how many technicians the organisation has: a number near "technicians" or "technical
/// staff" ("c. 450 technicians", "approximately 1,200 technical staff", "our technical community of 300").
enum TechnicianCountCheck {
    static let id = "technician-count"
    static let title = "Number of technicians stated"

    static func check(context: ScreenContext) -> Finding {
        let layout = context.layout
        // Where the number belongs, then the other context answers; the whole form only when no question
        // was found (the plan's "20 technicians a year" is not the headcount).
        var ranges = [Question.Topic.count, .structures, .profile, .definition, .governance].compactMap {
            layout.section($0)?.answer
        }
        if layout.sections.isEmpty { ranges.append(layout.formStart..<context.document.length) }
        for range in ranges {
            if let (number, sentence) = find(in: context.document, range: range) {
                let quote = context.quote(sentence)
                return Finding(
                    id: id, level: .ok, title: title, detail: "The form gives the number of technicians (\(number)).",
                    evidence: quote.evidence, page: quote.page)
            }
        }
        let section = layout.section(.count) ?? layout.section(.structures)
        let quote = section.map { $0.answerWordCount > 0 ? context.quote($0.answer) : context.quote($0.prompt) }
        return Finding(
            id: id, level: .attention, title: title,
            detail:
                "We could not find how many technicians your organisation has; please state the number (e.g. \u{201C}about 450 technicians\u{201D}).",
            evidence: quote?.evidence, page: quote?.page)
    }

    /// The first stated number of technicians in a range, as written ("c. 450 technicians"), and the
    /// line around it.
    static func find(in document: ScreenText, range: Range<Int>) -> (String, Range<Int>)? {
        let text = document.text
        var best: (phrase: String, at: Range<Int>)?
        for (pattern, group) in [(numberFirst, 1), (wordFirst, 2)] {
            for match in pattern.matches(in: text, range: range) {
                guard let numberRange = match.group(group) else { continue }
                let written = text.text(numberRange)
                guard let value = Int(written.filter(\.isNumber)), value > 0 else { continue }
                if !written.contains(","), (1950...2099).contains(value) { continue }  // a year
                if let before = document.words(in: max(0, match.range.lowerBound - 12)..<match.range.lowerBound).last,
                    ["grade", "grades", "band", "level", "step"].contains(before.key)
                {
                    continue
                }
                if (best.map { match.range.lowerBound < $0.at.lowerBound } ?? true) {
                    best = (text.text(match.range), match.range)
                }
                break
            }
        }
        return best.map { ($0.phrase, line(around: $0.at, in: document)) }
    }

    /// The line holding a range, clipped to about 90 characters either side of it.
    private static func line(around range: Range<Int>, in document: ScreenText) -> Range<Int> {
        let before = document.text(max(0, range.lowerBound - 90)..<range.lowerBound)
        let after = document.text(range.upperBound..<min(document.length, range.upperBound + 90))
        let start = range.lowerBound - (before.components(separatedBy: "\n").last?.utf16Length ?? 0)
        let end = range.upperBound + (after.components(separatedBy: "\n").first?.utf16Length ?? 0)
        return start..<end
    }

    private static let approximately =
        #"(?:(?:c\.|ca\.|circa|approx(?:imately|\.)?|about|around|over|more than|almost|nearly|roughly|some|~|>|just (?:under|over)|a total of|in total)\s*)?"#
    private static let number = #"(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"#
    private static let staff =
        #"(technicians?|technical\s+(?:and\s+\w+\s+)?(?:staff|colleagues|roles|posts|employees|specialists|workforce|professionals|team\s+members|FTE)|members\s+of\s+(?:the\s+)?technical\s+(?:staff|community|team))"#
    /// "450 technicians", "c. 1,200 FTE technical staff", "over 300 members of technical staff".
    private static let numberFirst = Pattern(
        #"(?<![\w/.-])["'(\[]?"# + approximately + number
            + #"["')\]]*\s*\+?\s*(?:\(?(?:FTE|headcount)\)?\s+)?(?:[a-z][a-z-]*\s+){0,3}?"#
            + staff + #"\b"#)
    /// "technical community of approximately 1,200", "Number of technicians: 450".
    private static let wordFirst = Pattern(
        #"(technicians?|technical\s+(?:staff|workforce|community|team|headcount))\s*(?:[a-z]+\s+){0,4}?(?:of|is|are|:|totals?|totalling|numbers?|stands\s+at|=|-|–)\s*"#
            + approximately + number + #"(?![\d%])"#)
}
