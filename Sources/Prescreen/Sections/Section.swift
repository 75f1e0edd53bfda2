/// A question found in the text: where its prompt is and what was written after it.
struct Section {
    let question: Question
    /// The prompt, with its number when printed.
    let prompt: Range<Int>
    /// From the end of the prompt to the next prompt, sign-off, appendix or the end of the text.
    let answer: Range<Int>
    /// The answer's text, trimmed.
    let answerText: String
    /// The answer's number of words, as a word processor counts them.
    let answerWordCount: Int
}
