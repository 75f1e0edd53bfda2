/// The text of a PDF, one string per page, as poppler gives it: tables flattened into tabs or run
/// together, headers repeated on every page, Word bullets and ligatures left in.
public struct DocumentText: Sendable, Equatable {
    public var pages: [String]

    public init(pages: [String]) {
        self.pages = pages
    }
}
