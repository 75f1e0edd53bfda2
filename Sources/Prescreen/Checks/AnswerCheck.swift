/// Whether a question of the form is there and answered in the institution's own words; an answer that
/// points to an appendix counts when that appendix is in the PDF.
struct AnswerCheck {
    let context: ScreenContext

    /// How a question came out, for checks that build on it.
    enum Outcome {
        case notFound
        case empty(Section)
        case placeholder(Section)
        case appendix(Section, Appendix)
        case appendixMissing(Section, String)
        case answered(Section)

        var section: Section? {
            switch self {
            case .notFound: nil
            case .empty(let section), .placeholder(let section), .appendix(let section, _),
                .appendixMissing(let section, _), .answered(let section):
                section
            }
        }
    }

    func outcome(_ question: Question) -> Outcome {
        guard let section = context.layout.section(question.topic) else { return .notFound }
        if section.answerWordCount == 0 { return .empty(section) }
        let key = ScreenText.keys(section.answerText).joined(separator: " ")
        if Self.placeholders.contains(key) { return .placeholder(section) }
        if section.answerWordCount <= 40 {
            if let id = context.appendixReference(in: section.answerText) {
                if let appendix = context.layout.appendices.first(where: {
                    $0.id == id && $0.range.lowerBound >= section.prompt.lowerBound
                }) ?? context.layout.appendix(id) {
                    return .appendix(section, appendix)
                }
                return .appendixMissing(section, id)
            }
            if context.refersToAttachment(section.answerText) {
                if let appendix = context.layout.appendices.first(where: { !$0.isExampleList }) {
                    return .appendix(section, appendix)
                }
                return .appendixMissing(section, "")
            }
        }
        return .answered(section)
    }

    /// The finding for a question that has no check of its own.
    func finding(_ question: Question) -> Finding {
        let outcome = outcome(question)
        return Self.finding(question, outcome, context: context)
    }

    static func finding(_ question: Question, _ outcome: Outcome, context: ScreenContext) -> Finding {
        let about = "\(question.name) (\(question.subject))"
        switch outcome {
        case .notFound:
            // Not finding a question is the reader's doubt, not the institution's omission.
            return Finding(
                id: question.findingID, level: .missing, title: question.title,
                detail:
                    "\(about) was not found in the form; please use the current template and answer every question.",
                certainty: .uncertain)
        case .empty(let section):
            let quote = context.quote(section.prompt)
            return Finding(
                id: question.findingID, level: .missing, title: question.title, detail: "\(about) has no answer yet.",
                evidence: quote.evidence, page: quote.page)
        case .placeholder(let section):
            let quote = context.quote(section.answer)
            let key = ScreenText.keys(section.answerText).joined(separator: " ")
            // "[insert text]" is the template's own, so the answer is certainly missing; "N/A" or "see above"
            // may be a real answer, for a coordinator to judge.
            let template = templatePlaceholders.contains(key)
            return Finding(
                id: question.findingID, level: template ? .missing : .attention, title: question.title,
                detail:
                    "\(about) only says \u{201C}\(Evidence.quote(section.answerText))\u{201D}; please give a full answer.",
                evidence: quote.evidence, page: quote.page, certainty: template ? .certain : .uncertain)
        case .appendix(let section, let appendix):
            let quote = context.quote(section.answer)
            return Finding(
                id: question.findingID, level: .ok, title: question.title,
                detail: "\(about) is answered in Appendix \(appendix.id).", evidence: quote.evidence, page: quote.page)
        case .appendixMissing(let section, let id):
            let quote = context.quote(section.answer)
            let which = id.isEmpty ? "an attachment" : "Appendix \(id)"
            let missing = id.isEmpty ? "no appendix was found in the PDF" : "the PDF has no Appendix \(id)"
            return Finding(
                id: question.findingID, level: .attention, title: question.title,
                detail: "\(about) refers to \(which), but \(missing); please include it in the same PDF.",
                evidence: quote.evidence, page: quote.page)
        case .answered(let section):
            let quote = context.quote(section.answer)
            return Finding(
                id: question.findingID, level: .ok, title: question.title,
                detail: "\(about) is answered (\(section.answerWordCount) words).", evidence: quote.evidence,
                page: quote.page)
        }
    }

    /// Answers that hold the place of one.
    /// Placeholders a template or a draft leaves in place of an answer: certainly not one.
    static let templatePlaceholders: Set<String> = [
        "tbc", "tbd", "to follow", "to be confirmed", "to be completed", "to be added", "xxx", "x", "insert text",
        "insert text here", "answer", "text",
    ]

    static let placeholders: Set<String> = [
        "n a", "na", "tbc", "tbd", "to follow", "to be confirmed", "to be completed", "to be added", "see above",
        "pending", "in progress", "xxx", "x", "insert text", "insert text here", "answer", "text",
    ]
}
