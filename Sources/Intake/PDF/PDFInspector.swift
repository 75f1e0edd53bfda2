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
    /// The warm reader this inspector's copies share (`WarmReader`).
    let warm = WarmReader()

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
        if executable.hasSuffix("tcreview-extract"),
            let reply = warm.inspect(
                ExtractionRequest(path: path, text: textOutput, layout: layoutOutput), inspector: self)
        {
            return reply
        }
        var arguments: [String] = []
        if let textOutput { arguments += ["--text", textOutput] }
        if let layoutOutput { arguments += ["--layout", layoutOutput] }
        let result = runChild(
            executable, command: executable.hasSuffix("tcreview-extract") ? nil : "extract",
            arguments: arguments + [path])
        return Self.inspection(outcome: result.outcome, output: result.output, timeout: timeout)
    }

    /// What the reader's outcome and answer say about the PDF.
    static func inspection(outcome: ChildProcess.Outcome, output: Data, timeout: TimeInterval) -> PDFInspection {
        switch outcome {
        case .timedOut:
            return .killed("reading it took longer than \(timeout.formatted()) seconds")
        case .signalled(let signal):
            return .killed("the PDF reader stopped with signal \(signal)")
        case .exited(let status):
            guard let reply = try? JSONDecoder().decode(PDFInfoReply.self, from: output) else {
                return .killed("the PDF reader gave no answer (exit \(status))")
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

/// A warm PDF reader (`tcreview-extract -`), kept between PDFs so its start is paid once for many:
/// the same sandbox (its own process, the minimal environment, the memory limit) and the same time limit
/// per PDF. It is started again after a crash, a limit or a timeout, and after `uses` PDFs, so nothing
/// one PDF left behind in it lasts.
final class WarmReader: @unchecked Sendable {
    private let lock = NSLock()
    private var worker: ChildWorker?
    private var served = 0
    /// PDFs one worker reads before it is replaced by a fresh one.
    static let uses = 32

    /// The running worker's process, if one is running.
    var process: pid_t? { lock.withLock { worker?.pid } }

    /// The reader's answer, or nil when no worker could be started (the caller starts a child for it).
    func inspect(_ request: ExtractionRequest, inspector: PDFInspector) -> PDFInspection? {
        guard let line = try? JSONEncoder().encode(request) else { return nil }
        return lock.withLock { () -> PDFInspection? in
            if worker == nil || served >= Self.uses {
                worker?.stop()
                served = 0
                worker = ChildWorker(
                    inspector.executable, arguments: ["--memory-limit", String(inspector.memoryLimit), "-"],
                    environment: PDFInspector.childEnvironment)
            }
            guard let worker else { return nil }
            served += 1
            switch worker.request(String(decoding: line, as: UTF8.self), timeout: inspector.timeout) {
            case .line(let answer):
                return PDFInspector.inspection(outcome: .exited(0), output: answer, timeout: inspector.timeout)
            case .timedOut:
                self.worker = nil
                return PDFInspector.inspection(outcome: .timedOut, output: Data(), timeout: inspector.timeout)
            case .ended(let outcome):
                self.worker = nil
                return PDFInspector.inspection(outcome: outcome, output: Data(), timeout: inspector.timeout)
            }
        }
    }
}
