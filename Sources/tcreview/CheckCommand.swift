import Archive
import Configuration
import Foundation
import Intake
import Prescreen

/// `tcreview check FILE.pdf`: the pre-screen of a local PDF, as the service would file it.
struct CheckCommand: Command {
    static let name = "check"
    static let abstract = "Pre-screen a local PDF against the Technician Commitment forms"
    static let usage = """
        USAGE: tcreview check [--institution NAME] [--json] FILE.pdf

        Reads FILE.pdf (in a child process with a time and memory limit, as the service does) and prints
        the pre-screen: which form it is, and for each check whether it is ok, needs attention, or is
        missing, with the text it found and the page. For institutions before they send, and for
        coordinators.

        OPTIONS:
          --institution NAME  Also check that the organisation named in the PDF is NAME.
          --json              Print the report as JSON instead.

        EXIT STATUS: 0 when nothing is certainly missing, 1 when something is (what the institution would be
        told), 3 when the PDF cannot be read.
        """
    static let valuedOptions: Set<String> = ["--institution"]
    static let flags: Set<String> = ["--json"]

    let path: String
    let institution: String?
    let json: Bool

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        self.path = try arguments.single("FILE.pdf")
        self.institution = arguments.options["--institution"]
        self.json = arguments.has("--json")
    }

    func run() throws -> Int32 {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandFailure(status: ExitStatus.failure, message: "cannot read \(path)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tcreview-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let textPath = scratch.appendingPathComponent("text.txt").path
        let layoutPath = scratch.appendingPathComponent("layout.json").path
        let inspector = PDFInspector(executable: PDFInspector.defaultExtractor, timeout: 60, memoryLimit: 1 << 30)
        switch inspector.inspect(path, textOutput: textPath, layoutOutput: layoutPath) {
        case .readable:
            break
        case .encrypted:
            throw CommandFailure(status: 3, message: "\(path): the PDF is protected by a password; save it without one")
        case .unreadable(let detail), .killed(let detail):
            throw CommandFailure(status: 3, message: "\(path): the PDF could not be read (\(detail))")
        }
        let document = DocumentText.read(
            text: try String(contentsOfFile: textPath, encoding: .utf8),
            layoutJSON: FileManager.default.contents(atPath: layoutPath).map { [UInt8]($0) })
        let report = Prescreener.screen(document, institutionNames: institution.map { [$0] } ?? [])
        if json {
            FileHandle.standardOutput.write(try JSONFiles.encoder.encode(report) + Data("\n".utf8))
        } else {
            print(report.renderText(reference: nil))
        }
        return report.hasCertainMissing ? ExitStatus.failure : ExitStatus.success
    }
}
