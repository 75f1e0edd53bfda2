import Foundation

/// Calendar days as the coordinators and reviewers live them: Gregorian, Europe/London (GMT in winter, BST in
/// summer), whatever the server's own time zone.
public enum UKCalendar {
    /// The Gregorian calendar in Europe/London.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// A whole number for the London calendar day holding `date`; consecutive days differ by one, across clock
    /// changes too.
    public static func dayNumber(of date: Date) -> Int {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return daysFromCivil(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Calendar days from the day of `start` to the day of `end` (negative when `end` is earlier).
    public static func days(from start: Date, to end: Date) -> Int { dayNumber(of: end) - dayNumber(of: start) }

    /// The last second (23:59:59 London time) of the calendar day `days` after the day of `date`.
    public static func endOfDay(_ days: Int, after date: Date) -> Date {
        let start = calendar.startOfDay(for: date)
        let next = calendar.date(byAdding: .day, value: days + 1, to: start) ?? start.addingTimeInterval(86_400)
        return calendar.startOfDay(for: next).addingTimeInterval(-1)
    }

    /// `date`'s London calendar day as `2024-07-31`.
    public static func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = parts.month ?? 0
        let day = parts.day ?? 0
        return "\(parts.year ?? 0)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `12 July 2024`, the London calendar day of `date`, as people in the UK write it.
    public static func longDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = parts.month.map { monthNames[max(1, min(12, $0)) - 1] } ?? ""
        return "\(parts.day ?? 1) \(month) \(parts.year ?? 1970)"
    }

    /// The months' names in English, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `July 2024`.
    public static func monthYear(_ month: Int, _ year: Int) -> String {
        "\(monthNames[max(0, min(11, month - 1))]) \(year)"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
