#if canImport(Glibc)
    import Glibc
#endif

/// A system call that failed: what was being done, to which path, and the `errno` it left.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, in words: `create`, `write`, `flush`, `rename into`, `lock`.
    public var operation: String
    public var path: String
    public var errno: Int32

    public init(_ operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    public var description: String { "could not \(operation) \(path): \(String(cString: strerror(errno)))" }
}

/// Calls `call` until it does not fail with `EINTR` (a signal arrived mid-call): the one place that loop
/// is written. Returns the call's result; `errno` is left as the final attempt set it.
@inline(__always)
func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}
