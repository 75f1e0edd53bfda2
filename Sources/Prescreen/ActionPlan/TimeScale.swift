import Foundation

/// Recognises when an action is due: a month and year, a quarter, an academic year, a duration,
/// "by July 2026", "Year 2", "ongoing", "complete".
enum TimeScale {
    enum Kind: Sendable {
        /// A date, period or duration.
        case dated
        /// Recurring or open-ended: "ongoing", "annually".
        case ongoing
        /// Already done.
        case complete
    }

    /// The time scale written last in a piece of prose (an action's text), and where it is.
    static func last(in text: String) -> (range: Range<Int>, kind: Kind)? {
        if let match = completeAtEnd.firstMatch(in: text), let word = match.group(1) { return (word, .complete) }
        let dated = datedPatterns.flatMap { $0.matches(in: text) }.map { ($0.range, Kind.dated) }
        let ongoing = ongoingPattern.matches(in: text).map { ($0.range, Kind.ongoing) }
        // The one ending last; of those, the longest ("by July 2026" rather than "July 2026").
        return (dated + ongoing).max {
            ($0.0.upperBound, -$0.0.lowerBound) < ($1.0.upperBound, -$1.0.lowerBound)
        }
    }

    /// The kind of time scale a whole table cell or line is, or nil when it is not one: the time scale
    /// must be most of it ("By end of July 2026", "Within 12 months"), not a phrase in an action
    /// ("Recruit four apprentices each year").
    static func cell(_ text: String) -> Kind? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        let wordCount = trimmed.split(whereSeparator: { $0.isWhitespace }).count
        guard wordCount > 0, wordCount <= 8 else { return nil }
        if completeCell.contains(trimmed) { return .complete }
        if yearOrMonthCell.contains(trimmed) { return .dated }
        let dated = datedPatterns.flatMap { $0.matches(in: trimmed) }.map(\.range)
        let ongoing = ongoingPattern.matches(in: trimmed).map(\.range)
        guard !(dated + ongoing).isEmpty else { return nil }
        let matched = dated + ongoing
        let left = word.matches(in: trimmed).filter { word in !matched.contains { $0.overlaps(word.range) } }.count
        guard left <= 2 else { return nil }
        return dated.isEmpty ? .ongoing : .dated
    }

    private static let word = Pattern(#"[\p{L}\p{N}]+"#)
    private static let month =
        #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
    private static let year = #"(?:20[1-4]\d)"#

    private static let datedPatterns: [Pattern] = [
        // July 2026, 6th December 2025, Jul-26, Sept '25
        Pattern(
            #"\b(?:(?:by|before|until|from|end of|by end of)\s+(?:the\s+)?(?:end\s+of\s+)?)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"#
                + month + #"\.?,?\s*(?:"# + year + #"\b|['/-]\s*[1-4]\d\b)"#),
        Pattern(
            #"\b(?:spring|summer|autumn|winter|michaelmas|lent|easter)(?:\s+(?:term|semester))?\s+"# + year + #"\b"#),
        Pattern(#"\bQ[1-4](?:\s*[-–/&]\s*Q[1-4])?\s*(?:20)?[1-4]\d\b"#),
        // 2025-26, 2025/2026, AY 2025/26
        Pattern(#"\b"# + year + #"\s*[/–-]\s*(?:20)?[1-4]\d\b"#),
        Pattern(#"\b(?:by|before|during|in|from|end of)\s+(?:the\s+)?(?:end\s+of\s+)?"# + year + #"\b"#),
        Pattern(#"\b(?:year|yr)\s*[1-5](?:\s*(?:[-–&]|and|to)\s*[1-5])?\b|\bY[1-5]\b"#),
        Pattern(#"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?:months?|mths?|years?|yrs?|weeks?)\b"#),
        Pattern(#"\b(?:semester|term|trimester)\s*[1-3]\b"#),
        Pattern(#"\b(?:short|medium|long)[\s-]term\b"#),
        Pattern(#"\b\d{1,2}[/.]\d{1,2}[/.](?:20)?\d{2}\b"#),
    ]
    private static let ongoingPattern = Pattern(
        #"\b(?:on-?going|continuous(?:ly)?|continual|annually|quarterly|monthly|termly|each year|every year|yearly|rolling)\b"#
    )
    /// "… – complete" ending an action.
    private static let completeAtEnd = Pattern(#"(?:[-–—:(,]|^)\s*(complete[d]?|achieved|done)\s*\)?\s*\.?\s*$"#)
    private static let completeCell = Pattern(#"^(?:complete[d]?|done|achieved|in place|delivered)$"#)
    private static let yearOrMonthCell = Pattern(
        #"^(?:by\s+|end\s+of\s+|from\s+)?(?:"# + year + "|" + month + #"|Q[1-4])$"#)
}
