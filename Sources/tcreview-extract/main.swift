import FoundationEssentials
import PDFReader

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
while !arguments.isEmpty {
    let word = arguments.removeFirst()
    switch word {
    case "--memory-limit" where !arguments.isEmpty: memoryLimit = Int(arguments.removeFirst())
    case "--text" where !arguments.isEmpty: textOutput = arguments.removeFirst()
    case "--layout" where !arguments.isEmpty: layoutOutput = arguments.removeFirst()
    default: file = word
    }
}
guard let file else {
    let usage = "usage: tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(64)
}
let (json, status) = PDFExtraction.run(
    path: file, textOutput: textOutput, layoutOutput: layoutOutput, memoryLimit: memoryLimit)
_ = json.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
exit(status)
