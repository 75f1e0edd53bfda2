import Foundation

/// An INI file: `[section]`, `key = value`, `#` or `;` comments. Keys are kept with their line numbers.
public struct IniFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public var value: String
        public var line: Int
    }

    public let path: String
    /// section → key → entry; keys and sections are lowercased.
    public private(set) var sections: [String: [String: Entry]] = [:]
    /// Where each section began.
    public private(set) var sectionLines: [String: Int] = [:]
    public private(set) var problems: [ConfigProblem] = []

    public init(path: String, text: String) {
        self.path = path
        var section: String?
        // "\r\n" is one Character in Swift, so splitting on "\n" alone would leave a CRLF file as one line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\r"))
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problems.append(.init(file: path, line: number, message: "a section header must end with ']'"))
                    continue
                }
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).lowercased()
                section = name
                if sectionLines[name] == nil { sectionLines[name] = number }
                sections[name, default: [:]] = sections[name] ?? [:]
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(
                    .init(
                        file: path, line: number,
                        message: "expected 'key = value' (a line with no '=' is not a setting; start comments with #)"))
                continue
            }
            guard let current = section else {
                problems.append(.init(file: path, line: number, message: "'\(line)' comes before any [section]"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if sections[current]?[key] != nil {
                problems.append(.init(file: path, line: number, message: "[\(current)] \(key) is set twice"))
            }
            sections[current, default: [:]][key] = Entry(value: value, line: number)
        }
    }

    public func entry(_ section: String, _ key: String) -> Entry? { sections[section]?[key] }

    /// The value, or nil when it is missing or empty.
    public func value(_ section: String, _ key: String) -> String? {
        guard let value = entry(section, key)?.value, !value.isEmpty else { return nil }
        return value
    }
}
