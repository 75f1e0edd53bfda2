import Foundation

/// Runs a program to completion with a wall-clock limit, collecting its standard output.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited
        case signalled(Int32)
        case timedOut
    }

    struct Result {
        var outcome: Outcome
        var status: Int32
        var output: Data
    }

    static func run(_ executable: String, arguments: [String], timeout: TimeInterval) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            return Result(outcome: .signalled(0), status: -1, output: Data())
        }
        // Read while it runs so a large answer cannot fill the pipe and stall the child.
        let collected = OutputCollector()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            collected.data = output.fileHandleForReading.readDataToEndOfFile()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        reading.wait()
        if timedOut { return Result(outcome: .timedOut, status: -1, output: collected.data) }
        if process.terminationReason == .uncaughtSignal {
            return Result(outcome: .signalled(process.terminationStatus), status: -1, output: collected.data)
        }
        return Result(outcome: .exited, status: process.terminationStatus, output: collected.data)
    }
}

/// Holds what the reading task read; the group's wait orders its write before the caller's read.
private final class OutputCollector: @unchecked Sendable {
    var data = Data()
}
