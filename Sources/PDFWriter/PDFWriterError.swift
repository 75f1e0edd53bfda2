internal import CCairo

/// Why a PDF could not be written.
public enum PDFWriterError: Error, Equatable, CustomStringConvertible {
    /// cairo could not open the file for writing; `detail` is cairo's own status text.
    case cannotCreate(path: String, detail: String)
    /// Drawing or finishing the document failed; the file may be incomplete.
    case drawing(String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let detail):
            return "cannot create the PDF \(path) (\(detail)); check that the folder exists and is writable"
        case .drawing(let detail):
            return "the PDF could not be drawn (\(detail)); the file may be incomplete"
        }
    }

    /// cairo's text for a status, e.g. `error while writing to output stream`.
    static func text(of status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "cairo status \(status.rawValue)" }
        return String(cString: text)
    }
}
