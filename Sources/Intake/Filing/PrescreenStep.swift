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
    static let textFileName = ScreenRequest.textFileName
    static let layoutFileName = ScreenRequest.layoutFileName
    static let reportFileName = ScreenRequest.reportFileName
    static let jsonFileName = ScreenRequest.jsonFileName
    static let planFileName = ScreenRequest.planFileName

    /// The files the pre-screen writes into a submission folder, in order, with their role in
    /// `submission.json`.
    static let files: [(name: String, role: SubmissionRecord.Role)] = [
        (textFileName, .text), (layoutFileName, .layout), (reportFileName, .prescreen), (jsonFileName, .prescreen),
        (planFileName, .actionPlan),
    ]

    typealias Source = ScreenRequest.Source

    /// A file the pre-screen wrote, with its role in `submission.json`.
    struct Output {
        var name: String
        var path: String
        var role: SubmissionRecord.Role
    }

    /// How a pre-screen ended.
    enum Outcome {
        /// The report, and the files it wrote.
        case screened(PrescreenReport, [Output])
        /// No source gave any text.
        case noText
        /// The screening child ran past its time or memory limit, or crashed: the submission is filed
        /// unchecked and a coordinator looks.
        case unfinished(String)
    }

    typealias Request = ScreenRequest

    /// The least address space the screening child is given, whatever `pdf-memory-limit` says.
    static let minimumMemory = 128 << 20

    /// Screens the text of every readable source (in the order sent, so an appendix sent as a second PDF
    /// counts) and writes the files it becomes into `directory`.
    ///
    /// The screening runs in a child (`tcreview-screen`) under `inspector`'s time and memory limits, as
    /// the PDF reading does: the text comes from a PDF anyone could have crafted. Without a `tcreview`
    /// beside the extractor (a library test), it runs here.
    static func run(
        sources: [Source], institution: Institution?, reference: String, directory: String, inspector: PDFInspector
    ) throws -> Outcome {
        let readable = sources.filter { $0.pages != nil }
        guard !readable.isEmpty else { return .noText }
        let request = Request(
            reference: reference, institutionNames: institution.map { [$0.name, $0.short] + $0.aliases } ?? [],
            sources: readable, directory: directory)
        guard let screener = inspector.screener else { return try screen(request) }
        let requestPath = "\(directory)/screen-request.json"
        // Read by the child at once and removed after: it need not survive a crash, so it is not flushed.
        try FileSystem.writeAtomically(try JSONFiles.encoder.encode(request), to: requestPath, durable: false)
        defer { FileSystem.remove(requestPath) }
        let command = screener.hasSuffix("tcreview-screen") ? nil : "screen"
        // The pre-screen loads Foundation and ICU, which alone want more address space than the smallest
        // `pdf-memory-limit` allows (64 MiB): it gets at least `minimumMemory`.
        var limits = inspector
        limits.memoryLimit = max(inspector.memoryLimit, Self.minimumMemory)
        switch limits.runChild(screener, command: command, arguments: [requestPath]).outcome {
        case .timedOut:
            return .unfinished("the pre-screen took longer than \(inspector.timeout.formatted()) seconds")
        case .signalled(let signal):
            return .unfinished("the pre-screen stopped with signal \(signal)")
        case .exited(let status) where status != 0:
            return .unfinished("the pre-screen failed (exit \(status))")
        case .exited:
            guard let data = FileSystem.read("\(directory)/\(jsonFileName)") else { return .noText }
            let report = try JSONFiles.decoder.decode(PrescreenReport.self, from: data)
            return .screened(report, outputs(in: directory))
        }
    }

    /// What `tcreview screen REQUEST` runs: the screening the request file asks for; false when no source
    /// gave any text.
    public static func screen(requestAt path: String) throws -> Bool {
        guard let data = FileSystem.read(path) else {
            throw ArchiveError.io(path: path, operation: "read", errno: ENOENT)
        }
        return try JSONFiles.decoder.decode(Request.self, from: data).screen() != nil
    }

    /// The screening itself, in this process.
    static func screen(_ request: Request) throws -> Outcome {
        guard let report = try request.screen() else { return .noText }
        return .screened(report, outputs(in: request.directory))
    }

    /// The pre-screen's files present in `directory`, in their order.
    private static func outputs(in directory: String) -> [Output] {
        files.compactMap { file in
            let path = "\(directory)/\(file.name)"
            return FileManager.default.fileExists(atPath: path)
                ? Output(name: file.name, path: path, role: file.role) : nil
        }
    }

}
