import Foundation

/// Where everything is in a submission: the start of the form proper (after the guidance), each
/// question's prompt and answer, the appendices and the sign-offs.
struct FormLayout {
    let formStart: Int
    let sections: [Section]
    let appendices: [Appendix]
    let signOffs: SignOffBlocks

    func section(_ topic: Question.Topic) -> Section? { sections.first { $0.question.topic == topic } }

    /// The first appendix with this id, if the submission has it.
    func appendix(_ id: String) -> Appendix? { appendices.first { $0.id == id } }

    /// - Parameter headings: the keys of the lines the PDF's layout set as headings, to find questions by
    ///   a heading that names their topic when the template's prompt is not there.
    init(document: ScreenText, questions: [Question], formStart: Int, headings: Set<String> = []) {
        self.formStart = formStart
        let headed = Appendix.all(in: document)

        var prompts: [(Question, Range<Int>)] = []
        var searchFrom = formStart
        var floorWord = document.wordIndex(atOrAfter: formStart)
        let aligner = PromptAligner(document: document)
        for question in questions {
            var hits = Self.find(question, in: document, from: searchFrom)
            if hits.isEmpty { hits = Self.find(question, in: document, from: formStart) }
            guard !hits.isEmpty else { continue }
            // Of the wordings found at the same place, the one that matches furthest.
            let words = hits.map { hit in
                aligner.align(
                    prompt: hit.prompt, anchorInPrompt: hit.anchorInPrompt, anchorInText: hit.word,
                    anchorLength: hit.anchorLength, floor: min(floorWord, hit.word))
            }.max { $0.upperBound < $1.upperBound }!
            var end = document.words[words.upperBound].range.upperBound
            let closing = document.text(end..<min(document.length, end + 3)).utf16.prefix {
                Self.promptClosers.contains($0)
            }
            end += closing.count
            var start = document.words[words.lowerBound].range.lowerBound
            // A numbered prompt line ("4. Please provide evidence that your …") is the prompt from its
            // number, even where this form's wording differs from the template's before the anchor.
            let before = document.text(max(0, start - 300)..<start)
            let lineStart = before.lastIndex(of: "\n").map { start - before[$0...].utf16.count + 1 }
            if let lineStart, lineStart >= searchFrom, lineStart < start,
                QuestionNumber.line.contains(document.text(lineStart..<start)),
                WordCount.of(document.text(lineStart..<start)) <= 14
            {
                start = lineStart
            }
            let range = start..<end
            prompts.append((question, range))
            searchFrom = range.upperBound
            floorWord = words.upperBound + 1
        }

        let missing = questions.filter { question in !prompts.contains { $0.0.topic == question.topic } }
        if !missing.isEmpty {
            let topics = TopicHeadings(document: document, from: formStart, headings: headings)
            for question in missing {
                if let heading = topics.find(question.topic, excluding: prompts.map(\.1)) {
                    prompts.append((question, heading))
                }
            }
        }

        let lastPrompt = prompts.map(\.1.lowerBound).max() ?? formStart
        signOffs = SignOffBlocks.locate(in: document, from: lastPrompt, formStart: formStart, appendices: headed)

        // An appendix heading typed inside an answer ("Appendix B: Action plan" under Question 6) ends at
        // the next question or the sign-off, and does not end that answer.
        let formMarks = (prompts.map(\.1.lowerBound) + [signOffs.start].compactMap { $0 }).sorted()
        appendices = headed.map { appendix in
            guard let next = formMarks.first(where: { $0 > appendix.range.lowerBound }),
                next < appendix.range.upperBound
            else { return appendix }
            return appendix.ending(at: next)
        }
        let inline = Set(
            appendices.filter { appendix in formMarks.contains { $0 > appendix.range.lowerBound } }.map(
                \.range.lowerBound))
        var boundaries = formMarks + appendices.map(\.range.lowerBound).filter { !inline.contains($0) }
        boundaries.sort()
        sections = prompts.map { question, prompt in
            let end = boundaries.first { $0 >= prompt.upperBound } ?? document.length
            let answer = prompt.upperBound..<max(end, prompt.upperBound)
            let text = document.text(answer).trimmingCharacters(in: Self.answerTrim)
            return Section(
                question: question, prompt: prompt, answer: answer, answerText: text,
                answerWordCount: WordCount.of(text))
        }
    }

    /// `)`, `]`, `.`, `:` and `?` closing a prompt.
    private static let promptClosers: Set<UInt16> = [41, 93, 46, 58, 63]

    private static let answerTrim = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ").]:?"))

    private struct Hit {
        let word: Int
        let prompt: [String]
        let anchorInPrompt: Int
        let anchorLength: Int
    }

    /// The anchors of the question's prompts found earliest at or after `offset`, one per wording.
    private static func find(_ question: Question, in document: ScreenText, from offset: Int) -> [Hit] {
        var hits: [Hit] = []
        for prompt in question.prompts {
            let promptKeys = ScreenText.keys(prompt.text)
            for anchor in prompt.anchors {
                let keys = ScreenText.keys(anchor)
                guard let word = document.find(keys, in: offset..<document.length) else { continue }
                let at = promptKeys.firstIndex(of: keys, from: 0)
                hits.append(
                    Hit(
                        word: word, prompt: at == nil ? keys : promptKeys, anchorInPrompt: at ?? 0,
                        anchorLength: keys.count))
                break
            }
        }
        guard let earliest = hits.map(\.word).min() else { return [] }
        return hits.filter { $0.word == earliest }
    }
}

extension Array where Element == String {
    /// Where `phrase` occurs as consecutive elements, from `start`.
    func firstIndex(of phrase: [String], from start: Int) -> Int? {
        guard !phrase.isEmpty, count >= phrase.count, start <= count - phrase.count else { return nil }
        return (start...(count - phrase.count)).first { index in
            phrase.indices.allSatisfy { self[index + $0] == phrase[$0] }
        }
    }
}
