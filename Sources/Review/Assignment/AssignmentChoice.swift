/// The reviewers `Assigner` chose for one submission, and why.
public struct AssignmentChoice: Sendable, Equatable {
    /// In order of preference.
    public var reviewers: [Reviewer]
    /// Primary address → why that reviewer was chosen, to record with the submission.
    public var reasons: [String: String]
    /// How many more reviewers were needed than were eligible; above zero, tell the coordinators.
    public var shortfall: Int
    /// Primary address → why that reviewer could not take this submission, for the record.
    public var excluded: [String: String]

    public init(
        reviewers: [Reviewer] = [], reasons: [String: String] = [:], shortfall: Int = 0,
        excluded: [String: String] = [:]
    ) {
        self.reviewers = reviewers
        self.reasons = reasons
        self.shortfall = shortfall
        self.excluded = excluded
    }
}
