import Foundation

/// A request to stop, set from a signal handler and checked between messages; sleeping ends early when it is set.
public final class StopFlag: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false

    public init() {}

    public func request() {
        condition.lock()
        requested = true
        condition.broadcast()
        condition.unlock()
    }

    public var isRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Waits up to `seconds`; returns early when a stop is requested.
    public func sleep(seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        while !requested, condition.wait(until: deadline) {}
        condition.unlock()
    }
}
