import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A child that stays up to answer many requests, one line each way (standard input and output): a
/// warm worker, so a program's start is paid once for many small jobs. Its errors go nowhere.
///
/// Not `Sendable`: one request at a time, from one thread (its owner keeps it behind a lock).
public final class ChildWorker {
    /// How a request ended.
    public enum Reply: Equatable, Sendable {
        /// The child's answer, without its line break.
        case line(Data)
        /// No answer in time: the child was killed.
        case timedOut
        /// The child ended before answering (a crash, a limit, an exit).
        case ended(ChildProcess.Outcome)
    }

    /// The child's process id.
    public let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var pending: [UInt8] = []
    private var finished = false

    /// A write to a child that has died must fail with EPIPE, not end this process.
    private static let ignoreBrokenPipes: Void = { Signals.ignore(SIGPIPE) }()

    /// Starts `executable`; nil when it cannot be started.
    public init?(_ executable: String, arguments: [String], environment: [String: String]) {
        Self.ignoreBrokenPipes
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return nil }
        guard pipe(&fromChild) == 0 else {
            toChild.forEach { close($0) }
            return nil
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        guard
            let pid = ChildProcess.spawn(
                executable, arguments: arguments, environment: environment, stdin: toChild[0], stdout: fromChild[1],
                stderr: nil)
        else {
            (toChild + fromChild).forEach { close($0) }
            return nil
        }
        close(toChild[0])
        close(fromChild[1])
        self.pid = pid
        self.input = toChild[1]
        self.output = fromChild[0]
    }

    deinit { stop() }

    /// Sends `line` and waits up to `timeout` for the answer line; a child that does not answer in time is
    /// killed, and one that ended is reaped. After anything but `.line` the worker is done.
    public func request(_ line: String, timeout: TimeInterval) -> Reply {
        guard !finished else { return .ended(.exited(-1)) }
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return end() }
            sent += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let answer = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return .line(answer)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                stop()
                return .timedOut
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(max(remaining * 1000, 1), 1000)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            let count = Glibc.read(output, &buffer, buffer.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return end() }
            pending += buffer[0..<count]
        }
    }

    /// Ends the child (its input closed, then SIGKILL) and reaps it.
    public func stop() {
        guard !finished else { return }
        finished = true
        close(input)
        close(output)
        kill(pid, SIGKILL)
        _ = ChildProcess.wait(pid)
    }

    /// The child ended by itself: how.
    private func end() -> Reply {
        finished = true
        close(input)
        close(output)
        return .ended(ChildProcess.wait(pid))
    }
}
