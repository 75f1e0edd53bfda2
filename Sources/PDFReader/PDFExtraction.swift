import FoundationEssentials
import Layout
import POSIX

#if canImport(Glibc)
    import Glibc
#endif

/// A request to a warm extraction child (`tcreview-extract -`): one JSON object a line.
public struct ExtractionRequest: Codable, Sendable {
    public var path: String
    public var text: String?
    public var layout: String?

    public init(path: String, text: String?, layout: String?) {
        self.path = path
        self.text = text
        self.layout = layout
    }
}

/// The extraction child's answer, one JSON object on standard output.
public struct PDFInfoReply: Codable, Sendable {
    public var summary: PDFSummary?
    public var error: PDFError?

    public init(summary: PDFSummary? = nil, error: PDFError? = nil) {
        self.summary = summary
        self.error = error
    }
}

/// The whole job of the extraction child (`tcreview-extract`, or `tcreview extract`): limit its own memory,
/// open the PDF, read its layout, write the text (and the layout), and answer in JSON.
public enum PDFExtraction {
    /// Runs the extraction; returns the JSON line to print and the exit status (0 readable, 3 not).
    ///
    /// - Parameters:
    ///   - textOutput: where to write the text, pages apart by form feeds (as `pdftotext` does).
    ///   - layoutOutput: where to write `layout.json`.
    public static func run(path: String, textOutput: String?, layoutOutput: String? = nil, memoryLimit: Int?) -> (
        json: Data, status: Int32
    ) {
        if let memoryLimit { ProcessLimits.limitMemory(to: memoryLimit) }
        let reply: PDFInfoReply
        do {
            let document = try PDFDocument(path: path)
            var summary = document.summary
            if textOutput != nil || layoutOutput != nil {
                let layout = document.layout()
                summary.unreadPages = layout.unreadPages?.isEmpty == false ? layout.unreadPages : nil
                if let textOutput {
                    let text = layout.pages.map { PlainText.text(of: $0) + "\u{0C}" }.joined()
                    summary.textCharacters = PlainText.visibleCharacters(text)
                    try write(Data(text.utf8), to: textOutput)
                }
                if let layoutOutput {
                    try write(layout.encoded(), to: layoutOutput)
                }
            }
            reply = PDFInfoReply(summary: summary)
        } catch {
            reply = PDFInfoReply(error: error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = ((try? encoder.encode(reply)) ?? Data("{}".utf8)) + Data("\n".utf8)
        if case .outputNotWritten? = reply.error { return (json, 1) }
        return (json, reply.summary == nil ? 3 : 0)
    }

    private static func write(_ data: Data, to path: String) throws(PDFError) {
        // Not flushed: the output is scratch until it is filed, and filing flushes it with the rest.
        do { try Paths.create(data, at: path) } catch {
            throw .outputNotWritten(path: path, detail: "\(error)")
        }
    }
}
