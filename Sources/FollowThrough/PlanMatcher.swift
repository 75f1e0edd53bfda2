import Foundation

/// Pairs the items of two lists that describe the same action, by the words they share: each item at most
/// once, the strongest pairs first. A pair needs two shared words (one when either side has no more than
/// two), and a Dice overlap of at least `threshold`; a title of two words or more found whole in the other
/// side, or the same title on both sides, is a match too.
struct PlanMatcher {
    struct Item {
        var text: String
        /// The short name (an action's activity), when the item has one.
        var title: String?
    }

    struct Pair: Equatable {
        var left: Int
        var right: Int
        var score: Double
        /// The words that made the match, for the coordinators to judge it.
        var shared: [String]
    }

    static let threshold = 0.3

    static func pairs(_ left: [Item], _ right: [Item]) -> [Pair] {
        let leftWords = left.map { ActionWords($0.text).words }
        let rightWords = right.map { ActionWords($0.text).words }
        let leftTitles = left.map { $0.title.map { ActionWords($0).words } ?? [] }
        let rightTitles = right.map { $0.title.map { ActionWords($0).words } ?? [] }
        var candidates: [Pair] = []
        for (i, a) in leftWords.enumerated() where !a.isEmpty {
            for (j, b) in rightWords.enumerated() where !b.isEmpty {
                let shared = a.intersection(b)
                guard !shared.isEmpty else { continue }
                var score = 2 * Double(shared.count) / Double(a.count + b.count)
                let titled =
                    (leftTitles[i].count >= 2 && leftTitles[i].isSubset(of: b))
                    || (rightTitles[j].count >= 2 && rightTitles[j].isSubset(of: a))
                    || (!leftTitles[i].isEmpty && leftTitles[i] == rightTitles[j])
                if titled { score = max(score, 0.8) }
                let enough = shared.count >= 2 || min(a.count, b.count) <= 2
                guard titled || (enough && score >= threshold) else { continue }
                candidates.append(Pair(left: i, right: j, score: score, shared: shared.sorted()))
            }
        }
        candidates.sort { ($0.score, $1.left, $1.right) > ($1.score, $0.left, $0.right) }
        var usedLeft: Set<Int> = []
        var usedRight: Set<Int> = []
        var chosen: [Pair] = []
        for pair in candidates where !usedLeft.contains(pair.left) && !usedRight.contains(pair.right) {
            usedLeft.insert(pair.left)
            usedRight.insert(pair.right)
            chosen.append(pair)
        }
        return chosen.sorted { $0.left < $1.left }
    }
}
