#if canImport(Glibc)
    import Glibc
#endif

/// The command line of a small child executable (`tcreview-extract`, `tcreview-screen`): options with a
/// value, one positional word, and `--memory-limit`, applied before anything else is read. A word it
/// cannot read ends the process with a usage message (exit 64), never a silent default.
public struct ChildCommandLine {
    public private(set) var options: [String: String] = [:]
    public let positional: String

    /// Parses `arguments` (without the program's name); `valued` names the options besides `--memory-limit`.
    public init(_ arguments: [String], valued: Set<String>, usage: String) {
        var words = arguments[...]
        var positional: String?
        func fail(_ problem: String) -> Never {
            StandardStreams.write("\(problem)\nusage: \(usage)\n")
            exit(64)
        }
        while let word = words.popFirst() {
            if word == "--memory-limit" || valued.contains(word) {
                guard let value = words.popFirst() else { fail("\(word) needs a value") }
                options[word] = value
            } else if word.hasPrefix("--") {
                fail("\(word) is not an option")
            } else if positional == nil {
                positional = word
            } else {
                fail("one file at a time: '\(word)' is one too many")
            }
        }
        guard let positional else { fail("nothing to read") }
        self.positional = positional
        if let text = options["--memory-limit"] {
            // A limit that cannot be read is refused, never taken as no limit at all.
            guard let bytes = Int(text), bytes > 0 else {
                fail("--memory-limit needs a number of bytes, not '\(text)'")
            }
            ProcessLimits.limitMemory(to: bytes)
        }
    }
}
