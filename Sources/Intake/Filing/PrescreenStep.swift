import Archive
import Configuration
import Foundation
import Layout
import Prescreen

/// The pre-screen of a filed submission: its text, the report, and the files they become.
public enum PrescreenStep {
    static let textFileName = "text.txt"
    static let layoutFileName = "layout.json"
    static let reportFileName = "prescreen.txt"
    static let jsonFileName = "prescreen.json"
    static let planFileName = "action-plan.csv"

    /// Screens the text of every readable PDF (in the order sent, so an appendix sent as a second PDF
    /// counts) and writes the four files into `directory`; nil when no PDF gave any text.
    static func run(
        pdfs: [IntakeDecision.PDF], institution: Institution?, reference: String, directory: String
    ) throws -> (report: PrescreenReport, files: [SubmissionFiler.Input])? {
        let parts = pdfs.filter { $0.inspection.pages != nil }.compactMap { pdf -> DocumentText? in
            guard let text = try? String(contentsOfFile: pdf.textPath, encoding: .utf8) else { return nil }
            return DocumentText.read(text: text, layoutJSON: FileSystem.read(pdf.layoutPath).map { [UInt8]($0) })
        }
        guard !parts.isEmpty else { return nil }
        let document = DocumentText.joined(parts)
        let text = document.pages.map { $0 + "\u{0C}" }.joined()
        let names = institution.map { [$0.name, $0.short] + $0.aliases } ?? []
        let report = Prescreener.screen(document, institutionNames: names)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let outputs: [(String, Data, String)] = [
            (textFileName, Data(text.utf8), "text"),
            (layoutFileName, document.layout?.encoded() ?? Data(), "layout"),
            (reportFileName, Data(report.renderText(reference: reference).utf8), "prescreen"),
            (jsonFileName, try encoder.encode(report), "prescreen"),
            (planFileName, Data(report.actionPlanCSV().utf8), "action-plan"),
        ]
        var files: [SubmissionFiler.Input] = []
        for (name, data, role) in outputs where !data.isEmpty || name != layoutFileName {
            let path = "\(directory)/\(name)"
            try data.write(to: URL(fileURLWithPath: path))
            files.append(.init(source: path, name: name, originalName: nil, pages: nil, role: role))
        }
        return (report, files)
    }

    /// The report filed with a submission, if it has one.
    public static func load(folder: String) -> PrescreenReport? {
        guard let data = FileSystem.read("\(folder)/\(jsonFileName)") else { return nil }
        return try? JSONDecoder().decode(PrescreenReport.self, from: data)
    }
}
