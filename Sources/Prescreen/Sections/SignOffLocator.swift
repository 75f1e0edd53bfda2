/// The two sign-off blocks at the end of the form: the Nominated Institutional Lead's and the Leader of
/// the Institution's, each from its `Signed` to the next block.
struct SignOffBlocks {
    struct Block {
        /// The printed label, e.g. "(Technician Commitment Nominated Institutional Lead)".
        let label: Range<Int>
        /// From `Signed` (or the label) to the next block, appendix or a few lines on.
        let range: Range<Int>
    }

    var lead: Block?
    var leader: Block?

    /// Where the first block starts: the end of the last answer.
    var start: Int? { [lead?.range.lowerBound, leader?.range.lowerBound].compactMap { $0 }.min() }

    static let leadLabels = ["technician commitment nominated institutional lead", "nominated institutional lead"]
    static let leaderLabels = [
        "technician commitment signatory leader of institution", "signatory leader of institution",
        "signatory leader of the institution", "leader of institution", "leader of the institution",
        "head of institution",
    ]
    /// How far a block reaches past its label when nothing ends it sooner.
    static let reach = 600

    /// Finds the blocks at or after `offset` (the last question's prompt), else anywhere after `formStart`.
    static func locate(in document: ScreenText, from offset: Int, formStart: Int, appendices: [Appendix]) -> Self {
        func label(_ phrases: [String]) -> Range<Int>? {
            for searched in [offset..<document.length, formStart..<document.length] {
                for phrase in phrases {
                    let keys = ScreenText.keys(phrase)
                    if let index = document.find(keys, in: searched) {
                        return document.words[index].range
                            .lowerBound..<document.words[index + keys.count - 1].range
                            .upperBound
                    }
                }
            }
            return nil
        }
        let leadLabel = label(leadLabels)
        let leaderLabel = label(leaderLabels)
        let labels = [leadLabel, leaderLabel].compactMap { $0 }.sorted { $0.lowerBound < $1.lowerBound }

        func block(_ label: Range<Int>?) -> Block? {
            guard let label else { return nil }
            let previousLabelEnd = labels.last { $0.upperBound <= label.lowerBound }?.upperBound ?? formStart
            let start = signedWord(before: label.lowerBound, after: previousLabelEnd, in: document) ?? label.lowerBound
            var end = min(document.length, label.upperBound + reach)
            if let next = labels.first(where: { $0.lowerBound >= label.upperBound }) {
                end = min(
                    end, signedWord(before: next.lowerBound, after: label.upperBound, in: document) ?? next.lowerBound)
            }
            if let nextSigned = document.words(in: label.upperBound..<end).first(where: { isSigned($0.key) }) {
                end = min(end, nextSigned.range.lowerBound)
            }
            if let appendix = appendices.first(where: { $0.range.lowerBound >= label.upperBound }) {
                end = min(end, appendix.range.lowerBound)
            }
            return Block(label: label, range: start..<max(end, label.upperBound))
        }
        return SignOffBlocks(lead: block(leadLabel), leader: block(leaderLabel))
    }

    /// The start of the last `Signed` within forty words before a label.
    private static func signedWord(before offset: Int, after floor: Int, in document: ScreenText) -> Int? {
        let end = document.wordIndex(atOrAfter: offset)
        let begin = max(document.wordIndex(atOrAfter: floor), end - 40)
        guard begin < end else { return nil }
        return document.words[begin..<end].last { isSigned($0.key) }?.range.lowerBound
    }

    private static func isSigned(_ key: String) -> Bool { key == "signed" || key == "signature" }
}
