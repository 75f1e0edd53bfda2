import FoundationEssentials
import PDFReader
import POSIX

#if canImport(Glibc)
    import Glibc
#endif

// tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE
// tcreview-extract [--memory-limit BYTES] -
//
// The small child the service starts to read PDFs: it links poppler and nothing else of the service,
// so it starts in a few milliseconds. With `-` it is a warm worker: it reads one request a line on its
// standard input (`{"path":…,"text":…,"layout":…}`, JSON) and answers each with one line, until its
// input closes; the service kills it when one takes too long. `tcreview extract` does the same job for
// people.
let commandLine = ChildCommandLine(
    Array(CommandLine.arguments.dropFirst()), valued: ["--text", "--layout"],
    usage: "tcreview-extract [--memory-limit BYTES] [--text OUT] [--layout OUT] FILE|-")
// The memory limit is already set: PDFExtraction need not set it again.
if commandLine.positional == "-" {
    while let line = readLine(strippingNewline: true) {
        guard let request = try? JSONDecoder().decode(ExtractionRequest.self, from: Data(line.utf8)) else {
            StandardStreams.write(Data("{}\n".utf8))
            continue
        }
        let (json, _) = PDFExtraction.run(
            path: request.path, textOutput: request.text, layoutOutput: request.layout, memoryLimit: nil)
        StandardStreams.write(json)
    }
    exit(0)
}
let (json, status) = PDFExtraction.run(
    path: commandLine.positional, textOutput: commandLine.options["--text"],
    layoutOutput: commandLine.options["--layout"], memoryLimit: nil)
StandardStreams.write(json)
exit(status)
