/// When the daily pass reminds reviewers and tells the coordinators.
public struct ReminderPolicy: Sendable, Equatable {
    /// Calendar days before the due date that the due-soon reminder goes out.
    public var daysBefore: Int
    /// Calendar days overdue (counting the day after the due date as 1) when the coordinators are told.
    public var overdueNotifyDays: Int

    public init(daysBefore: Int = 3, overdueNotifyDays: Int = 7) {
        self.daysBefore = daysBefore
        self.overdueNotifyDays = overdueNotifyDays
    }
}
