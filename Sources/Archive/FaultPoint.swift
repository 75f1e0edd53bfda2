import Foundation
import POSIX

/// Places where a test may have the service killed, to prove that a crash there loses and doubles
/// nothing: `TCREVIEW_FAULT_KILL=NAME:N` sends SIGKILL to the process the Nth time it reaches NAME.
/// Only debug builds (the ones the tests run) have them; a release build never reads the variable.
enum FaultPoint {
    #if DEBUG
        private static let target: (name: String, count: Int)? = {
            guard let value = ProcessInfo.processInfo.environment["TCREVIEW_FAULT_KILL"],
                let colon = value.lastIndex(of: ":"), let count = Int(value[value.index(after: colon)...])
            else { return nil }
            return (String(value[..<colon]), count)
        }()
        private static let lock = NSLock()
        nonisolated(unsafe) private static var reachedCount = 0
    #endif

    /// Marks that the service reached `name`; `skip` when there was nothing to do there.
    static func reached(_ name: String, skip: Bool = false) {
        #if DEBUG
            guard !skip, let target, target.name == name else { return }
            let count = lock.withLock {
                reachedCount += 1
                return reachedCount
            }
            if count == target.count { Signals.killSelf() }
        #endif
    }
}
