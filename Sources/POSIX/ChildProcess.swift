import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Runs programs with `posix_spawn`, collects their output with `poll`, and reaps them with `waitpid`,
/// enforcing a wall-clock limit. (Foundation's `Process` can miss a child's exit under concurrency.)
public enum ChildProcess {
    public enum Outcome: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    public struct Result: Sendable {
        public var outcome: Outcome
        public var output: Data
        public var errors: Data

        public var status: Int32 {
            if case .exited(let status) = outcome { return status }
            return -1
        }
    }

    /// Runs `executable` to completion (or until `timeout`, then kills it) and returns what it printed.
    ///
    /// - Parameter environment: the child's whole environment; nil passes this process's on.
    public static func run(
        _ executable: String, arguments: [String], environment: [String: String]? = nil, timeout: TimeInterval = 600
    ) -> Result {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe), makePipe(&errPipe) else {
            return Result(outcome: .exited(-1), output: Data(), errors: Data("cannot create a pipe".utf8))
        }
        guard
            let pid = spawn(
                executable, arguments: arguments, environment: environment, stdout: outPipe[1], stderr: errPipe[1])
        else {
            [outPipe[0], outPipe[1], errPipe[0], errPipe[1]].forEach { close($0) }
            return Result(outcome: .exited(127), output: Data(), errors: Data("cannot run \(executable)".utf8))
        }
        close(outPipe[1])
        close(errPipe[1])
        let (output, errors, timedOut) = collect(
            out: outPipe[0], err: errPipe[0], deadline: Date().addingTimeInterval(timeout), pid: pid)
        close(outPipe[0])
        close(errPipe[0])
        let outcome = wait(pid)
        return Result(outcome: timedOut ? .timedOut : outcome, output: output, errors: errors)
    }

    /// Starts `executable` in the background with its output discarded; returns its pid.
    public static func start(_ executable: String, arguments: [String], environment: [String: String]? = nil) -> pid_t?
    {
        let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(devNull) }
        return spawn(executable, arguments: arguments, environment: environment, stdout: devNull, stderr: devNull)
    }

    /// A pipe whose ends are closed in every child, so concurrent spawns cannot inherit them.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Waits for a child to end and says how it ended.
    public static func wait(_ pid: pid_t) -> Outcome {
        var status: Int32 = 0
        guard retryingInterrupts({ waitpid(pid, &status, 0) }) >= 0 else { return .exited(-1) }
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    /// Starts a child with these standard streams (nil: `/dev/null`).
    static func spawn(
        _ executable: String, arguments: [String], environment: [String: String]?, stdin: Int32? = nil,
        stdout: Int32, stderr: Int32?
    ) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        if let stderr {
            posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        // A child starts with no signal blocked and default handlers, whatever thread spawns it
        // (Dispatch's worker threads block signals, and the mask is inherited).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        return status == 0 ? pid : nil
    }

    /// Reads both pipes until they close; past the deadline the child is killed.
    private static func collect(out: Int32, err: Int32, deadline: Date, pid: pid_t) -> (Data, Data, Bool) {
        var output = Data()
        var errors = Data()
        var open: [Int32] = [out, err]
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0, !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let waitMillis = timedOut ? 1000 : Int32(min(max(remaining * 1000, 1), 1000))
            let ready = poll(&fds, nfds_t(fds.count), waitMillis)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == out {
                        output.append(contentsOf: buffer[0..<count])
                    } else {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
            // A grandchild that keeps the pipe open must not hold us past the deadline.
            if timedOut, deadline.timeIntervalSinceNow < -5 { break }
        }
        return (output, errors, timedOut)
    }
}
