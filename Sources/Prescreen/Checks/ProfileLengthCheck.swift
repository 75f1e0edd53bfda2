/// Q1 asks for a profile of up to 250 words.
enum ProfileLengthCheck {
    static let limit = 250
    static let id = "q1-word-limit"
    static let title = "Q1 profile within 250 words"

    /// The finding and the count, or nil when there is no answered profile to count.
    static func check(_ section: Section, context: ScreenContext) -> (finding: Finding, count: Int) {
        let count = section.answerWordCount
        let quote = context.quote(section.answer)
        if count > limit {
            return (
                Finding(
                    id: id, level: .attention, title: title,
                    detail: "Your profile is \(count) words; the form asks for up to \(limit).",
                    evidence: quote.evidence, page: quote.page), count
            )
        }
        return (
            Finding(
                id: id, level: .ok, title: title, detail: "Your profile is \(count) words (up to \(limit) asked).",
                evidence: quote.evidence, page: quote.page), count
        )
    }
}
