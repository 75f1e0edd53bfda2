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
let commandLine = ChildCommandLine(
    Array(CommandLine.arguments.dropFirst()), valued: ["--text", "--layout"],
    usage: "tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE")
// The memory limit is already set: PDFExtraction need not set it again.
let (json, status) = PDFExtraction.run(
    path: commandLine.positional, textOutput: commandLine.options["--text"],
    layoutOutput: commandLine.options["--layout"], memoryLimit: nil)
StandardStreams.write(json)
exit(status)
