import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

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
/// open the PDF, write its text, and answer in JSON.
public enum PDFExtraction {
    /// Runs the extraction; returns the JSON line to print and the exit status (0 readable, 3 not).
    public static func run(path: String, textOutput: String?, memoryLimit: Int?) -> (json: Data, status: Int32) {
        if let memoryLimit {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        let reply: PDFInfoReply
        do {
            let document = try PDFDocument(path: path)
            var summary = document.summary
            if let textOutput { summary.textCharacters = try document.writeText(to: textOutput) }
            reply = PDFInfoReply(summary: summary)
        } catch {
            reply = PDFInfoReply(error: error)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = ((try? encoder.encode(reply)) ?? Data("{}".utf8)) + Data("\n".utf8)
        return (json, reply.summary == nil ? 3 : 0)
    }
}
