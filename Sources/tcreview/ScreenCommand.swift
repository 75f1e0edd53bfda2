import Foundation
import Intake
import POSIX

/// `tcreview screen REQUEST`: the child that pre-screens a submission's text, under the time and memory
/// limits the service gives it, because that text comes from a PDF anyone could have crafted.
struct ScreenCommand: Command {
    static let name = "screen"
    static let abstract = "Pre-screen extracted text into a folder (the service runs this as a child)"
    static let usage = """
        USAGE: tcreview screen [--memory-limit BYTES] REQUEST

        Reads REQUEST, a JSON file the service writes (the submission's reference, the institution's names,
        the text and layout.json of each PDF, and a folder), screens the text, and writes text.txt,
        layout.json, prescreen.txt, prescreen.json and action-plan.csv into that folder. Exits 0 when
        it wrote a report, 3 when no PDF gave any text. To pre-screen a PDF yourself, use 'tcreview check'.
        """
    static let valuedOptions: Set<String> = ["--memory-limit"]

    let requestPath: String
    let memoryLimit: Int?

    init(arguments: Arguments, configPath: String) throws(UsageError) {
        requestPath = try arguments.single("REQUEST")
        memoryLimit = try arguments.memoryLimit()
    }

    func run() throws -> Int32 {
        if let memoryLimit { ProcessLimits.limitMemory(to: memoryLimit) }
        return try PrescreenStep.screen(requestAt: requestPath) ? ExitStatus.success : 3
    }
}
