import Foundation
import PDFReader
import POSIX

/// What the PDF reader child found out about one file.
public enum PDFInspection: Sendable, Equatable {
    case readable(PDFSummary)
    case encrypted
    case unreadable(String)
    /// The child ran past its time limit, ran out of memory or crashed; poppler did not finish.
    case killed(String)

    public var pages: Int? {
        if case .readable(let summary) = self { return summary.pages }
        return nil
    }
}

/// Opens PDFs with poppler in a child process (`tcreview extract`) with a wall-clock and memory limit,
/// because a crafted PDF can hang or crash poppler; the service itself never loads one.
public struct PDFInspector: Sendable {
    /// The `tcreview` executable to run as the child.
    public var executable: String
    public var timeout: TimeInterval
    public var memoryLimit: Int
    /// The `tcreview` that screens the text under the same limits (`tcreview screen`), or nil to screen
    /// in this process.
    public var screener: String?

    public init(
        executable: String, timeout: TimeInterval, memoryLimit: Int, screener: String? = PDFInspector.defaultScreener
    ) {
        self.executable = executable
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.screener = screener
    }

    /// The running program's own executable, for spawning children of the same build.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The extraction child: `tcreview-extract` beside the running program (small, quick to start), or
    /// `tcreview extract` when it is not installed.
    public static var defaultExtractor: String {
        let beside = (currentExecutable as NSString).deletingLastPathComponent + "/tcreview-extract"
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : currentExecutable
    }

    /// The screening child: `tcreview-screen` beside the running program (small, quick to start), or
    /// `tcreview screen` when only that is there, or nil when neither is (a library's tests).
    public static var defaultScreener: String? {
        let folder = (currentExecutable as NSString).deletingLastPathComponent
        return ["\(folder)/tcreview-screen", "\(folder)/tcreview"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// The whole environment of the child that parses hostile PDFs: nothing of the service's (its
    /// passwords above all), only what poppler and fontconfig need.
    static let childEnvironment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"]

    /// Opens the PDF at `path`; with `textOutput`, the child also writes the PDF's text there, and with
    /// `layoutOutput` its layout (`layout.json`).
    public func inspect(_ path: String, textOutput: String? = nil, layoutOutput: String? = nil) -> PDFInspection {
        var arguments: [String] = []
        if let textOutput { arguments += ["--text", textOutput] }
        if let layoutOutput { arguments += ["--layout", layoutOutput] }
        let result = runChild(
            executable, command: executable.hasSuffix("tcreview-extract") ? nil : "extract",
            arguments: arguments + [path])

        switch result.outcome {
        case .timedOut:
            return .killed("reading it took longer than \(timeout.formatted()) seconds")
        case .signalled(let signal):
            return .killed("the PDF reader stopped with signal \(signal)")
        case .exited:
            guard let reply = try? JSONDecoder().decode(PDFInfoReply.self, from: result.output) else {
                return .killed("the PDF reader gave no answer (exit \(result.status))")
            }
            if let summary = reply.summary { return .readable(summary) }
            switch reply.error {
            case .encrypted?: return .encrypted
            case .unreadable(let detail)?: return .unreadable(detail)
            // The reader's own trouble: the PDF is filed unchecked, never called damaged.
            case .outputNotWritten(let path, let detail)?:
                return .killed("the reader could not write \(path): \(detail)")
            case nil: return .unreadable("no answer")
            }
        }
    }

    /// Runs a child that reads what a sender sent (`command` names the `tcreview` subcommand): the minimal
    /// environment, `memoryLimit` (the child sets it on itself before reading anything), killed after `timeout`.
    func runChild(_ child: String, command: String?, arguments: [String]) -> ChildProcess.Result {
        let words = (command.map { [$0] } ?? []) + ["--memory-limit", String(memoryLimit)] + arguments
        return ChildProcess.run(child, arguments: words, environment: Self.childEnvironment, timeout: timeout)
    }
}
