/// How a line starts with a question's number, in the two strengths the readers need.
enum QuestionNumber {
    /// The start of a numbered prompt line in the template's order: `4.`, `Q4`, `Question 4:`, or a bare
    /// `4 ` (the template's own numbering, where the expected prompt follows).
    static let line = Pattern(#"^\s*(?:q(?:uestion)?\s*)?\d{1,2}\s*[.):]?\s+\S"#)

    /// A number that labels a heading found by its topic, in any order: the punctuation is required
    /// (`4.`, `Q4:`), so a line that merely starts with a count ("4 technicians…") is not taken for one.
    static let label = Pattern(#"^\s*(?:q(?:uestion)?\s*)?\d{1,2}\s*[.):]\s+\S"#)
}
