/// An appendix of the submission: from its heading ("Appendix B: Action Plan") to the next one.
struct Appendix {
    /// The letter or number, upper case: `B`.
    let id: String
    /// The heading line.
    let heading: String
    let range: Range<Int>
    /// The blank form's list of example activities, which is guidance and not a plan.
    let isExampleList: Bool
    /// A review of an earlier plan (RAG analysis), not the new plan.
    let isPlanReview: Bool

    /// The same appendix, cut short at an offset.
    func ending(at offset: Int) -> Appendix {
        Appendix(
            id: id, heading: heading, range: range.lowerBound..<max(range.lowerBound, offset),
            isExampleList: isExampleList,
            isPlanReview: isPlanReview)
    }

    /// The appendices of a text, in order.
    static func all(in document: ScreenText) -> [Appendix] {
        let text = document.text
        let headings = headingPattern.matches(in: text).compactMap { match -> (id: String, line: String, start: Int)? in
            guard let line = match.group(1), let id = match.group(2), let rest = match.group(3) else { return nil }
            guard isHeadingRest(text.text(rest).trimmingCharacters(in: .whitespaces)) else { return nil }
            return (text.text(id).uppercased(), text.text(line), match.range.lowerBound)
        }
        return headings.enumerated().map { index, heading in
            let end = index + 1 < headings.count ? headings[index + 1].start : document.length
            let range = heading.start..<end
            return Appendix(
                id: heading.id, heading: heading.line, range: range,
                isExampleList: heading.line.lowercased().contains("examples of activities")
                    || exampleColumn.contains(document.text(range)),
                isPlanReview: reviewHeading.contains(heading.line))
        }
    }

    /// `Appendix B`, `APPENDIX 2:`, `Appendix A – Action plan`; the blank form's `[bookmark: …]` prefix allowed.
    private static let headingPattern = Pattern(
        #"^[ \t•]*(?:\[[^\]\n]{0,80}\])?[ \t]*(appendix[ \t]+([a-z]|\d{1,2})\b([^\n]*))$"#)

    /// What may follow `Appendix B` on a heading line: nothing, a separator and a title, or a short title.
    private static func isHeadingRest(_ rest: String) -> Bool {
        if rest.isEmpty { return true }
        if let first = rest.first, ":.-–—)".contains(first) { return true }
        let words = rest.split(separator: " ")
        return words.count <= 6 && words.first?.first?.isUppercase == true
    }

    /// The blank form's column header "Example Activities".
    private static let exampleColumn = Pattern(#"(?:^|\t)[ \t]*example activities[ \t]*$"#)
    private static let reviewHeading = Pattern(
        #"\bRAG\b|red[\s/,]+amber|previous (?:action )?plan|progress (?:against|on|of)|review of (?:the |our )?(?:previous|last|initial|20\d\d)"#
    )
}
