import FoundationEssentials
import PDFReader
import POSIX

#if canImport(Glibc)
    import Glibc
#endif

// tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE
//
// The small child the service starts for every PDF: it links poppler and nothing else of the service,
// so it starts in a few milliseconds. `tcreview extract` does the same job for people.
var arguments = Array(CommandLine.arguments.dropFirst())
var memoryLimit: Int?
var textOutput: String?
var layoutOutput: String?
var file: String?

func usage(_ problem: String) -> Never {
    let text =
        "tcreview-extract: \(problem)\nusage: tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE\n"
    StandardStreams.write(text)
    exit(64)
}

while !arguments.isEmpty {
    let word = arguments.removeFirst()
    switch word {
    case "--memory-limit" where !arguments.isEmpty:
        // A limit that cannot be read is refused, never taken as no limit at all.
        let text = arguments.removeFirst()
        guard let bytes = Int(text), bytes > 0 else { usage("--memory-limit needs a number of bytes, not '\(text)'") }
        memoryLimit = bytes
    case "--text" where !arguments.isEmpty: textOutput = arguments.removeFirst()
    case "--layout" where !arguments.isEmpty: layoutOutput = arguments.removeFirst()
    case let option where option.hasPrefix("--"): usage("\(option) is not an option, or needs a value")
    default: file = word
    }
}
guard let file else { usage("no FILE given") }
let (json, status) = PDFExtraction.run(
    path: file, textOutput: textOutput, layoutOutput: layoutOutput, memoryLimit: memoryLimit)
StandardStreams.write(json)
exit(status)
