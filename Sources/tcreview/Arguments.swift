import Foundation

/// A command line split into options and positional words, with typed errors for what is wrong.
struct Arguments {
    private(set) var flags: Set<String> = []
    private(set) var options: [String: String] = [:]
    private(set) var positional: [String] = []

    /// Parses `words`; `valued` names the options that take a value (`--config PATH` or `--config=PATH`).
    init(_ words: [String], valued: Set<String>, flags known: Set<String>) throws(UsageError) {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                positional += words[index...]
                break
            }
            guard word.hasPrefix("-"), word != "-" else {
                positional.append(word)
                continue
            }
            var name = word
            var value: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            }
            if valued.contains(name) {
                if value == nil {
                    guard index < words.count else { throw .missingValue(name) }
                    value = words[index]
                    index += 1
                }
                options[name] = value
            } else if known.contains(name), value == nil {
                flags.insert(name)
            } else {
                throw .unknownOption(name)
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The one positional word a command takes, named `name` in the error when it is missing.
    func single(_ name: String) throws(UsageError) -> String {
        guard let word = positional.first else { throw .missingArgument(name) }
        if positional.count > 1 { throw .unexpectedArgument(positional[1]) }
        return word
    }

    /// The bytes given to `--memory-limit`, or nil when it is absent.
    func memoryLimit() throws(UsageError) -> Int? {
        guard let text = options["--memory-limit"] else { return nil }
        guard let limit = Int(text), limit > 0 else {
            throw .invalidValue(option: "--memory-limit", value: text, expected: "a number of bytes")
        }
        return limit
    }

    /// An ISO 8601 time given to `option` (e.g. `--now 2025-02-01T09:00:00Z`), or nil when it is absent.
    func time(_ option: String) throws(UsageError) -> Date? {
        guard let text = options[option] else { return nil }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw .invalidValue(option: option, value: text, expected: "a time such as 2025-02-01T09:00:00Z")
        }
        return date
    }
}

/// What is wrong with a command line; printed with a pointer to `--help`.
enum UsageError: Error, CustomStringConvertible {
    case unknownCommand(String)
    case unknownOption(String)
    case missingValue(String)
    case missingArgument(String)
    case unexpectedArgument(String)
    case invalidValue(option: String, value: String, expected: String)

    var description: String {
        switch self {
        case .unknownCommand(let name): return "unknown command '\(name)'"
        case .unknownOption(let name): return "unknown option '\(name)'"
        case .missingValue(let name): return "option '\(name)' needs a value"
        case .missingArgument(let name): return "missing \(name)"
        case .unexpectedArgument(let word): return "unexpected argument '\(word)'"
        case .invalidValue(let option, let value, let expected):
            return "'\(value)' is not a valid value for \(option): expected \(expected)"
        }
    }
}
