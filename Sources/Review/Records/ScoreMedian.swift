/// The median of reviewers' scores: the middle score, or the mean of the two middle scores of an even
/// count; nil for none. The one rule the feedback, the archive's pages and the insights share.
public enum ScoreMedian {
    public static func of(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[middle]) }
        return Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
