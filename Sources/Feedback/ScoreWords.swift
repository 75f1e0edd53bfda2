import Archive
import Foundation
import Review

/// How scores, medians, counts and dates are written in the feedback.
enum ScoreWords {
    /// `3` for 3.0, `3.5` for 3.5: a median of whole scores is always a whole or a half.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The scale's words for a median: `Evident` for 3, `between Partly evident and Evident` for 2.5.
    static func label(ofMedian median: Double, in document: FeedbackDocument) -> String? {
        if median == median.rounded() { return document.label(for: Int(median)) }
        guard let below = document.label(for: Int(median.rounded(.down))),
            let above = document.label(for: Int(median.rounded(.up)))
        else { return nil }
        return "between \(below) and \(above)"
    }

    /// `3 (Evident)`, or `7` when the scale has no such point.
    static func score(_ score: Int, in document: FeedbackDocument) -> String {
        document.label(for: score).map { "\(score) (\($0))" } ?? String(score)
    }

    /// `3.5 (between Evident and Strong evidence)`.
    static func median(_ median: Double, in document: FeedbackDocument) -> String {
        label(ofMedian: median, in: document).map { "\(number(median)) (\($0))" } ?? number(median)
    }

    /// `two` for 2; digits from 13 on.
    static func count(_ number: Int) -> String {
        let words = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        return words.indices.contains(number) ? words[number] : String(number)
    }

    /// `12 July 2024`, the London calendar day of `date`.
    static func day(_ date: Date) -> String { UKCalendar.longDate(date) }
}
