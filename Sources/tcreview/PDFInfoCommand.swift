import Foundation
import Intake
import PDFReader

/// `tcreview pdf-info FILE`: the child process that opens one PDF with poppler and prints what it found as JSON.
///
/// The service runs it with a time limit; it limits its own memory before touching the file.
struct PDFInfoCommand: Command {
    static let name = "pdf-info"
    static let abstract = "Print a PDF's page count and details as JSON (used by the service)"
    static let usage = """
        USAGE: tcreview pdf-info [--memory-limit BYTES] FILE

        Opens FILE with poppler and prints {"summary": {...}} or {"error": ...} on one line.
        Exits 0 when the PDF is readable, 3 when it is not.
        """
    static let valuedOptions: Set<String> = ["--memory-limit"]

    let path: String
    let memoryLimit: Int?

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        guard let path = arguments.positional.first else { throw .missingArgument("FILE") }
        if arguments.positional.count > 1 { throw .unexpectedArgument(arguments.positional[1]) }
        self.path = path
        if let text = arguments.options["--memory-limit"] {
            guard let limit = Int(text), limit > 0 else {
                throw .invalidValue(option: "--memory-limit", value: text, expected: "a number of bytes")
            }
            self.memoryLimit = limit
        } else {
            self.memoryLimit = nil
        }
    }

    func run() throws -> Int32 {
        if let memoryLimit {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        let reply: PDFInfoReply
        do {
            reply = PDFInfoReply(summary: try PDFDocument(path: path).summary)
        } catch {
            reply = PDFInfoReply(error: error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        FileHandle.standardOutput.write(try encoder.encode(reply) + Data("\n".utf8))
        return reply.summary == nil ? 3 : ExitStatus.success
    }
}
