/// Finds where a prompt begins and ends around one of its anchor phrases, tolerating the small
/// differences between a form's wordings (a word added, dropped or changed).
///
/// Walks outwards from the anchor word by word, matching the prompt's words in order with a short
/// look-ahead, and stops after a few consecutive words that are not the prompt's.
struct PromptAligner {
    let document: ScreenText

    static let lookAhead = 4
    static let allowedMisses = 3

    /// The first and last word indices of the prompt.
    ///
    /// - Parameters:
    ///   - prompt: the prompt's word keys.
    ///   - anchorInPrompt: where the anchor starts in `prompt`.
    ///   - anchorInText: the word index where the anchor was found.
    ///   - anchorLength: the anchor's number of words.
    ///   - floor: the first word index the prompt may start at.
    func align(prompt: [String], anchorInPrompt: Int, anchorInText: Int, anchorLength: Int, floor: Int)
        -> ClosedRange<Int>
    {
        let words = document.words
        var last = anchorInText + anchorLength - 1
        var textIndex = last + 1
        var promptIndex = anchorInPrompt + anchorLength
        var misses = 0
        while textIndex < words.count, promptIndex < prompt.count {
            let window = promptIndex..<min(promptIndex + Self.lookAhead, prompt.count)
            let hit = window.first { prompt[$0] == words[textIndex].key }
            // After words that are not the prompt's, one matching word may be the answer's ("…a signatory.
            // We launched a technician network"): it counts only if the next word matches too.
            let confirmed = hit.map { hit in
                misses == 0 || hit + 1 == prompt.count
                    || (textIndex + 1 < words.count
                        && prompt[(hit + 1)..<min(hit + 1 + Self.lookAhead, prompt.count)].contains(
                            words[textIndex + 1].key))
            }
            if let hit, confirmed == true {
                promptIndex = hit + 1
                last = textIndex
                misses = 0
            } else {
                misses += 1
                if misses > Self.allowedMisses { break }
            }
            textIndex += 1
        }

        var first = anchorInText
        textIndex = first - 1
        promptIndex = anchorInPrompt - 1
        misses = 0
        while textIndex >= floor, promptIndex >= 0 {
            let window = max(0, promptIndex - Self.lookAhead + 1)...promptIndex
            if let hit = window.reversed().first(where: { prompt[$0] == words[textIndex].key }) {
                promptIndex = hit - 1
                first = textIndex
                misses = 0
            } else {
                misses += 1
                if misses > Self.allowedMisses - 1 { break }
            }
            textIndex -= 1
        }
        return labelStart(before: first, floor: floor)...last
    }

    /// Extends the prompt's start over its printed number: `1.`, `Q1)`, `Question 1:` on the same line.
    private func labelStart(before first: Int, floor: Int) -> Int {
        var start = first
        for _ in 0..<2 {
            let previous = start - 1
            guard previous >= floor, sameLine(previous, start) else { break }
            let key = document.words[previous].key
            let isNumber = key.count <= 2 && key.allSatisfy(\.isNumber)
            let isLabel =
                isNumber || key == "q" || key == "question"
                || (key.hasPrefix("q") && key.dropFirst().allSatisfy(\.isNumber) && key.count <= 3)
            guard isLabel else { break }
            start = previous
            if !isNumber { break }
        }
        return start
    }

    private func sameLine(_ a: Int, _ b: Int) -> Bool {
        let between = document.words[a].range.upperBound..<document.words[b].range.lowerBound
        return !document.text(between).contains("\n")
    }
}
