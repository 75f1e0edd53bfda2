import Foundation

/// Reviewers' comment text, made fit to pass on: trimmed, addresses withheld, split into paragraphs.
enum CommentText {
    static let withheld = "[address withheld]"

    /// `text` trimmed, with line ends normalised and every e-mail address replaced by `[address withheld]`.
    static func cleaned(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let address = /(?:mailto:)?[A-Za-z0-9._%+\-']+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/
        return unified.replacing(address, with: withheld).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The paragraphs of a comment in groups: blank lines separate groups, and within a group a line starting
    /// with a list mark (`-`, `*`, `•`, `1.`, `1)`) starts a new paragraph; other line ends are spaces.
    static func paragraphs(_ text: String) -> [[String]] {
        var groups: [[String]] = []
        var group: [String] = []
        var current: [String] = []
        func endParagraph() {
            if !current.isEmpty { group.append(current.joined(separator: " ")) }
            current = []
        }
        func endGroup() {
            endParagraph()
            if !group.isEmpty { groups.append(group) }
            group = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                endGroup()
            } else {
                if startsListItem(line) { endParagraph() }
                current.append(line)
            }
        }
        endGroup()
        return groups
    }

    private static func startsListItem(_ line: String) -> Bool {
        if let first = line.first, "-*•".contains(first), line.dropFirst().first == " " { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let rest = line.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
    }
}
