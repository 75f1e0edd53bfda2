import Foundation
import Intake
import PDFReader

/// `tcreview extract FILE`: the child process that opens one PDF with poppler, writes its text, and prints
/// what it found as JSON.
///
/// The service runs it with a time limit, because crafted PDFs can hang or crash poppler; it limits its
/// own memory before touching the file.
struct ExtractCommand: Command {
    static let name = "extract"
    static let abstract = "Read a PDF's text and details with poppler (the service runs this as a child)"
    static let usage = """
        USAGE: tcreview extract [--text OUT] [--layout OUT] [--memory-limit BYTES] FILE

        Opens FILE with poppler and prints {"summary": {...}} or {"error": ...} on one line. With --text,
        writes the text of every page to OUT in reading order, pages separated by form feeds (as pdftotext
        does) and table cells by tabs. With --layout, writes the pages' layout (blocks, headings, tables
        with their rows and cells) to OUT as JSON; README.md "layout.json" describes it.
        Exits 0 when the PDF is readable, 3 when it is not.
        """
    static let valuedOptions: Set<String> = ["--memory-limit", "--text", "--layout"]

    let path: String
    let textOutput: String?
    let layoutOutput: String?
    let memoryLimit: Int?

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        self.path = try arguments.single("FILE")
        self.textOutput = arguments.options["--text"]
        self.layoutOutput = arguments.options["--layout"]
        self.memoryLimit = try arguments.memoryLimit()
    }

    func run() throws -> Int32 {
        let (json, status) = PDFExtraction.run(
            path: path, textOutput: textOutput, layoutOutput: layoutOutput, memoryLimit: memoryLimit)
        FileHandle.standardOutput.write(json)
        return status
    }
}
