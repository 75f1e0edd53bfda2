import Configuration
import Foundation

/// The raw content of a rubric file: header keys, then `[criterion <id>]` sections in file order, every value
/// with the line it starts on. Indented lines continue the value above; a blank line ends it.
struct RubricFile {
    struct Value: Equatable {
        var text: String
        var line: Int
    }

    struct Section {
        var id: String
        var line: Int
        var values: [String: Value] = [:]
    }

    var header: [String: Value] = [:]
    var sections: [Section] = []
    var problems: [ConfigProblem] = []

    private enum Target {
        case header
        case section(Int)
        /// Keys under a broken or duplicate section header: read, then dropped, so one mistake gives one message.
        case ignored
    }

    init(path: String, text: String) {
        var target = Target.header
        var ignored: [String: Value] = [:]
        /// The key a following indented line continues.
        var open: String?
        var firstLineOfID: [String: Int] = [:]

        func problem(_ line: Int, _ message: String) {
            problems.append(ConfigProblem(file: path, line: line, message: message))
        }
        func values(_ target: Target) -> [String: Value] {
            switch target {
            case .header: header
            case .section(let index): sections[index].values
            case .ignored: ignored
            }
        }
        func set(_ key: String, _ value: Value, in target: Target) {
            switch target {
            case .header: header[key] = value
            case .section(let index): sections[index].values[key] = value
            case .ignored: ignored[key] = value
            }
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let rawLine = String(raw).replacingOccurrences(of: "\r", with: "")
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                open = nil
                continue
            }
            if line.hasPrefix("#") { continue }
            let indented = rawLine.first == " " || rawLine.first == "\t"
            if indented, let key = open, var value = values(target)[key] {
                value.text += (value.text.isEmpty ? "" : " ") + line
                set(key, value, in: target)
                continue
            }
            open = nil
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problem(number, "a section header must end with ']', as in [criterion visibility]")
                    target = .ignored
                    continue
                }
                let words = line.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                guard words.count == 2, words[0].lowercased() == "criterion" else {
                    problem(
                        number,
                        "unknown section \(line); each criterion starts with [criterion <id>], e.g. [criterion visibility]"
                    )
                    target = .ignored
                    continue
                }
                let id = words[1].lowercased()
                guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                    problem(number, "the criterion id '\(words[1])' must be one word of letters, digits and '-'")
                    target = .ignored
                    continue
                }
                if let first = firstLineOfID[id] {
                    problem(
                        number, "criterion '\(id)' is already defined on line \(first); give each criterion its own id")
                    target = .ignored
                    continue
                }
                firstLineOfID[id] = number
                sections.append(Section(id: id, line: number))
                target = .section(sections.count - 1)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problem(
                    number,
                    indented
                        ? "an indented line continues the value above it, but there is none (a blank line ends a value)"
                        : "expected 'key = value' (start comments with #, indent lines that continue a value)")
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let earlier = values(target)[key] {
                problem(number, "'\(key)' is set twice (first on line \(earlier.line))")
            }
            set(key, Value(text: value, line: number), in: target)
            open = key
        }
    }
}
