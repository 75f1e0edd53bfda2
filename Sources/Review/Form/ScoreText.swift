import Foundation

/// What a reviewer wrote after a score line, read as a score on the rubric's scale.
enum ScoreText: Equatable {
    case empty
    case score(Int)
    /// "3.5", "three", "3-4", "3/5": not one whole number on the scale.
    case notWhole(String)
    case outOfRange(Int)

    private static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]

    /// Reads "3", "3/4", "3 - good", "3 (Evident)", "**3**", "[3]", or a label alone ("Evident").
    static func read(_ text: String, rubric: Rubric) -> ScoreText {
        let answer = cleaned(text)
        if answer.isEmpty { return .empty }
        if let point = rubric.scale.first(where: { FormLine.normalised($0.label) == FormLine.normalised(answer) }) {
            return .score(point.value)
        }
        guard let (number, tail) = leadingInteger(answer) else { return .notWhole(answer) }
        let after = tail.drop { $0 == " " }
        if let first = tail.first, first == "." || first == ",", tail.dropFirst().first?.isNumber == true {
            return .notWhole(answer)  // 3.5 or 3,5
        }
        if after.first == "/" {
            // "3/4" is 3 on a scale out of 4; "3/5" is on some other scale.
            let denominator = Int(after.dropFirst().drop { $0 == " " }.prefix { $0.isNumber })
            guard denominator == rubric.maxScore else { return .notWhole(answer) }
        } else if let first = after.first, "-–—".contains(first),
            after.dropFirst().drop(while: { $0 == " " }).first?.isNumber == true
        {
            return .notWhole(answer)  // "3-4" or "3 – 4": a range, not a score
        } else if let second = after.split(separator: " ").dropFirst().first, second.first?.isNumber == true,
            ["or", "to", "and"].contains(after.split(separator: " ").first?.lowercased() ?? "")
        {
            return .notWhole(answer)  // "3 or 4", "2 to 3": undecided
        } else if let first = tail.first, first.isLetter,
            !["st", "nd", "rd", "th"].contains(where: { tail.lowercased().hasPrefix($0) })
        {
            return .notWhole(answer)  // "3a", "4x"
        }
        return rubric.scale.contains(where: { $0.value == number }) ? .score(number) : .outOfRange(number)
    }

    /// Whether a bare "Visibility: …" carries a score attempt (a number, a number word, a label) rather than
    /// the first words of a comment.
    static func looksLikeScore(_ text: String, rubric: Rubric) -> Bool {
        let answer = cleaned(text)
        if leadingInteger(answer) != nil { return true }
        if rubric.scale.contains(where: { FormLine.normalised($0.label) == FormLine.normalised(answer) }) {
            return true
        }
        // "three", "three (evident)", "three/four": a score in words; "two awards this year" is a comment.
        let firstWord = answer.prefix { $0.isLetter }
        guard numberWords.contains(firstWord.lowercased()) else { return false }
        let rest = answer.dropFirst(firstWord.count).trimmingCharacters(in: .whitespaces).lowercased()
        return rest.isEmpty || rest.hasPrefix("out of")
            || ["/", "(", "-", "–", ".", "!", ","].contains { rest.hasPrefix($0) }
    }

    /// Without bold markers, brackets around the number, and surrounding spaces.
    private static func cleaned(_ text: String) -> String {
        var answer = text.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        if answer.first == "[", let close = answer.firstIndex(of: "]") {
            answer =
                String(answer[answer.index(after: answer.startIndex)..<close]) + answer[answer.index(after: close)...]
        }
        return answer.trimmingCharacters(in: .whitespaces)
    }

    /// The integer at the start ("-1", "+3", "3"), and what follows it.
    private static func leadingInteger(_ text: String) -> (Int, Substring)? {
        var rest = Substring(text)
        var sign = 1
        if let first = rest.first, first == "-" || first == "+", rest.dropFirst().first?.isNumber == true {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        return (sign * value, rest.dropFirst(digits.count))
    }
}
