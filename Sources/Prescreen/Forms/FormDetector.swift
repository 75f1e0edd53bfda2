/// Tells which form a submission follows: by its title when it has one, else by the questions it asks.
enum FormDetector {
    static func detect(_ document: ScreenText, formStart: Int) -> FormKind {
        let text = document.text
        // The earliest title wins, so a Stage 3 form that mentions "our Stage 2 self-assessment" stays Stage 3.
        let titles: [(FormKind, Pattern)] = [(.stage3, stage3Title), (.stage2, stage2Title), (.initial, initialTitle)]
        let titled = titles.compactMap { kind, pattern in
            pattern.firstMatch(in: text).map { (kind, $0.range.lowerBound) }
        }
        .min { $0.1 < $1.1 }?.0

        let form = formStart..<document.length
        func found(_ prompts: [Question.Prompt]) -> Int {
            prompts.filter { prompt in
                prompt.anchors.contains { document.find(ScreenText.keys($0), in: form) != nil }
            }.count
        }
        if let titled, titled == .stage3 || titled == .stage2 { return titled }
        if found([PromptBank.structures2019, PromptBank.before2019, PromptBank.since2019]) >= 2 { return .initial2019 }
        if let titled { return titled }

        if found([PromptBank.governance, PromptBank.impact, PromptBank.talent]) >= 2 { return .stage3 }
        let asked = found([
            PromptBank.profile, PromptBank.definition, PromptBank.count, PromptBank.before, PromptBank.since,
        ])
        let common = found([PromptBank.plan, PromptBank.voice, PromptBank.url])
        if asked + common >= 3 {
            // "Stage 2" in the header, before the first question, names the stage without the usual title.
            let header = 0..<firstPrompt(in: document, from: formStart)
            if stage3Mention.firstMatch(in: text, range: header) != nil { return .stage3 }
            if stage2Mention.firstMatch(in: text, range: header) != nil { return .stage2 }
            return previousPlanReview.firstMatch(in: text, range: form) != nil ? .stage2 : .initial
        }
        return .unknown
    }

    /// Where the first question of any form starts, or the end of the text.
    private static func firstPrompt(in document: ScreenText, from formStart: Int) -> Int {
        let prompts = [PromptBank.profile, PromptBank.governance, PromptBank.count, PromptBank.structures2019]
        let words = prompts.flatMap(\.anchors).compactMap {
            document.find(ScreenText.keys($0), in: formStart..<document.length)
        }
        return words.min().map { document.words[$0].range.lowerBound } ?? document.length
    }

    private static let selfAssessment = #"\s+self[\s-]*assessment"#
    private static let stage3Title = Pattern(#"\bstage\s*(?:3|three|iii)\b"# + selfAssessment)
    private static let stage2Title = Pattern(#"\bstage\s*(?:2|two|ii)\b"# + selfAssessment)
    private static let initialTitle = Pattern(#"\binitial"# + selfAssessment)
    private static let stage3Mention = Pattern(#"\bstage\s*(?:3|three)\b(?!\s*/)"#)
    private static let stage2Mention = Pattern(#"\bstage\s*(?:2|two)\b(?!\s*/)"#)
    /// A RAG analysis of an earlier plan: what Stage 2 adds to the Initial form's questions.
    private static let previousPlanReview = Pattern(#"\bRAG\b[^\n]{0,80}\b(?:previous|last|earlier|initial)\b"#)
}
