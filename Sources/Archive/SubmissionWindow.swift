import Foundation

/// The half-year windows self-assessments are due in: one closes at the end of January, one at the end of
/// July. A submission period (the month on its title, or of its arrival) from August to January belongs to
/// the window closing in January; February to July to the one closing in July. The one rule everyone uses.
public struct SubmissionWindow: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 or 7: the month the window closes in.
    public let month: Int

    /// The window closing at the end of `month` (1 or 7) of `year`.
    public init(closingIn year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The window a submission period of `month`/`year` belongs to.
    public init(containing year: Int, month: Int) {
        switch month {
        case 8...12: self.init(closingIn: year + 1, month: 1)
        case 2...7: self.init(closingIn: year, month: 7)
        default: self.init(closingIn: year, month: 1)
        }
    }

    /// `2025-01`, as the archive's summaries and views name it.
    public var description: String { String(format: "%04d-%02d", year, month) }

    /// `Window closing end of January 2025 (2025-01)`.
    public var title: String { "Window closing end of \(UKCalendar.monthNames[month - 1]) \(year) (\(self))" }

    /// Its last second: 23:59:59 London time on the last day of its month.
    public var closes: Date { UKCalendar.endOfMonth(year: year, month: month) }

    public static func < (a: SubmissionWindow, b: SubmissionWindow) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension UKCalendar {
    /// The last second (23:59:59 London time) of `month` of `year`.
    public static func endOfMonth(year: Int, month: Int) -> Date {
        let nextMonth = DateComponents(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
        let start = calendar.date(from: nextMonth) ?? Date(timeIntervalSince1970: 0)
        return calendar.startOfDay(for: start).addingTimeInterval(-1)
    }
}
