import Archive
import Configuration
import Foundation
import Layout
import Prescreen

/// The pre-screen of a filed submission: its text, the report, and the files they become.
///
/// Intake and `rescreen` both screen through `screen(sources:institution:reference:)`, so a submission
/// screened again gets exactly the files it would get if it arrived today.
public enum PrescreenStep {
    static let textFileName = "text.txt"
    static let layoutFileName = "layout.json"
    static let reportFileName = "prescreen.txt"
    static let jsonFileName = "prescreen.json"
    static let planFileName = "action-plan.csv"

    /// The files the pre-screen writes into a submission folder, in order, with their role in
    /// `submission.json`.
    static let files: [(name: String, role: String)] = [
        (textFileName, "text"), (layoutFileName, "layout"), (reportFileName, "prescreen"), (jsonFileName, "prescreen"),
        (planFileName, "action-plan"),
    ]

    /// One PDF as the extraction child left it: its page count (nil when the reader did not finish) and the
    /// text (pages separated by form feeds) and `layout.json` it wrote.
    struct Source {
        var pages: Int?
        var textPath: String
        var layoutPath: String
    }

    /// A file the pre-screen writes into the submission folder, with its role in `submission.json`.
    struct Output {
        var name: String
        var data: Data
        var role: String
    }

    /// Screens the text of every readable source (in the order sent, so an appendix sent as a second PDF
    /// counts) and returns the report with the files it becomes; nil when no source gave any text.
    static func screen(sources: [Source], institution: Institution?, reference: String) throws -> (
        report: PrescreenReport, outputs: [Output]
    )? {
        let parts = sources.filter { $0.pages != nil }.compactMap { source -> DocumentText? in
            guard let text = try? String(contentsOfFile: source.textPath, encoding: .utf8) else { return nil }
            return DocumentText.read(text: text, layoutJSON: FileSystem.read(source.layoutPath).map { [UInt8]($0) })
        }
        guard !parts.isEmpty else { return nil }
        let document = DocumentText.joined(parts)
        let text = document.pages.map { $0 + "\u{0C}" }.joined()
        let names = institution.map { [$0.name, $0.short] + $0.aliases } ?? []
        let report = Prescreener.screen(document, institutionNames: names)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let contents: [String: Data] = [
            textFileName: Data(text.utf8),
            // No layout (an old extractor, or none read) means no `layout.json`, not an empty one.
            layoutFileName: document.layout?.encoded() ?? Data(),
            reportFileName: Data(report.renderText(reference: reference).utf8),
            jsonFileName: try encoder.encode(report),
            planFileName: Data(report.actionPlanCSV().utf8),
        ]
        let outputs = files.compactMap { file in
            contents[file.name].flatMap { $0.isEmpty ? nil : Output(name: file.name, data: $0, role: file.role) }
        }
        return (report, outputs)
    }

    /// Screens the sources and writes the files into `directory` for `SubmissionFiler` to move into the
    /// folder; nil when no source gave any text.
    static func run(sources: [Source], institution: Institution?, reference: String, directory: String) throws
        -> (report: PrescreenReport, files: [SubmissionFiler.Input])?
    {
        guard let screened = try screen(sources: sources, institution: institution, reference: reference) else {
            return nil
        }
        var files: [SubmissionFiler.Input] = []
        for output in screened.outputs {
            let path = "\(directory)/\(output.name)"
            try output.data.write(to: URL(fileURLWithPath: path))
            files.append(.init(source: path, name: output.name, originalName: nil, pages: nil, role: output.role))
        }
        return (screened.report, files)
    }

    /// The report filed with a submission, if it has one.
    public static func load(folder: String) -> PrescreenReport? {
        guard let data = FileSystem.read("\(folder)/\(jsonFileName)") else { return nil }
        return try? JSONDecoder().decode(PrescreenReport.self, from: data)
    }
}
