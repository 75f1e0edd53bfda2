/// The reminders one pass has for one reviewer, to be sent as a single message.
public struct ReviewerReminder: Sendable, Equatable {
    /// The reviewer's primary address, lowercased.
    public var reviewer: String
    /// Due-soon and overdue reminders, in plan order (earliest due first).
    public var actions: [ReminderAction]

    public init(reviewer: String, actions: [ReminderAction]) {
        self.reviewer = reviewer
        self.actions = actions
    }
}
