import Foundation

/// ISO 8601 times as the service writes them (`2024-07-30T14:02:03Z`), parsed by hand; anything else (fractions,
/// offsets) goes to Foundation's parser.
public enum ISOTime {
    public static func parse(_ text: String) -> Date? {
        if let fast = fastParse(Array(text.utf8)) { return fast }
        return try? fallback.parse(text)
    }

    private static let fallback = Date.ISO8601FormatStyle()

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly.
    private static func fastParse(_ bytes: [UInt8]) -> Date? {
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A
        else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let days = UKCalendar.daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}
