import Foundation
import POSIX

/// What the screening child is asked to do, as the JSON file the service gives it: the submission's
/// reference, the institution's names, each PDF's text and layout (as the extraction child wrote them, in
/// the order sent), and the folder to write the pre-screen's files into.
public struct ScreenRequest: Codable, Sendable {
    public struct Source: Codable, Sendable {
        /// The PDF's page count; nil when the reader did not finish it.
        public var pages: Int?
        /// Its text, pages separated by form feeds.
        public var textPath: String
        /// Its `layout.json`.
        public var layoutPath: String

        public init(pages: Int?, textPath: String, layoutPath: String) {
            self.pages = pages
            self.textPath = textPath
            self.layoutPath = layoutPath
        }
    }

    public var reference: String
    public var institutionNames: [String]
    public var sources: [Source]
    public var directory: String

    public init(reference: String, institutionNames: [String], sources: [Source], directory: String) {
        self.reference = reference
        self.institutionNames = institutionNames
        self.sources = sources
        self.directory = directory
    }

    /// The files the pre-screen writes into `directory`, in order.
    public static let textFileName = "text.txt"
    public static let layoutFileName = "layout.json"
    public static let reportFileName = "prescreen.txt"
    public static let jsonFileName = PrescreenReport.fileName
    public static let planFileName = "action-plan.csv"

    /// Screens the text of every source (an appendix sent as a second PDF counts) and writes the files it
    /// becomes into `directory`; nil when no source gave any text. What `tcreview-screen` runs.
    public func screen() throws -> PrescreenReport? {
        let parts = sources.compactMap { source -> DocumentText? in
            guard let text = try? String(contentsOfFile: source.textPath, encoding: .utf8) else { return nil }
            let layout = FileManager.default.contents(atPath: source.layoutPath).map { [UInt8]($0) }
            return DocumentText.read(text: text, layoutJSON: layout)
        }
        guard !parts.isEmpty else { return nil }
        let document = DocumentText.joined(parts)
        let report = Prescreener.screen(document, institutionNames: institutionNames)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let contents: [(String, Data)] = [
            (Self.textFileName, Data(document.pages.map { $0 + "\u{0C}" }.joined().utf8)),
            // No layout (an old extractor, or none read) means no `layout.json`, not an empty one.
            (Self.layoutFileName, document.layout?.encoded() ?? Data()),
            (Self.reportFileName, Data(report.renderText(reference: reference).utf8)),
            (Self.jsonFileName, try encoder.encode(report)),
            (Self.planFileName, Data(report.actionPlanCSV().utf8)),
        ]
        // A scratch folder the service moves from only when this process ends well: no need for atomic
        // writes, nor for flushing (filing flushes the files with the rest).
        for (name, data) in contents where !data.isEmpty {
            try Paths.create(data, at: "\(directory)/\(name)")
        }
        return report
    }
}
