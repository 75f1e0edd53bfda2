/// Q7: the technician voice is evidenced with substance, not a line.
enum TechnicianVoiceCheck {
    /// Fewer words than this is not yet evidence of how technicians shaped the plan.
    static let substantialWords = 25

    static func check(_ outcome: AnswerCheck.Outcome, context: ScreenContext) -> Finding {
        let question = FormQuestions.voice
        guard case .answered(let section) = outcome, section.answerWordCount < substantialWords else {
            return AnswerCheck.finding(question, outcome, context: context)
        }
        let quote = context.quote(section.answer)
        return Finding(
            id: question.findingID, level: .attention, title: question.title,
            detail:
                "Your answer on the technician voice is \(section.answerWordCount) words; please say how technicians took part in shaping the plan (for example surveys, forums, working groups) and what changed as a result.",
            evidence: quote.evidence, page: quote.page)
    }
}
