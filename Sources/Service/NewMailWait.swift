import Foundation
import MailTransport

/// The wait between cycles: for new mail with IMAP IDLE where the server offers it, so a submission is
/// filed and confirmed as it arrives, still polling every `poll-interval` as a safety net; without IDLE
/// (`[imap] idle = no`, not offered, or its connection lost) a plain sleep, as before.
final class NewMailWait {
    private let context: ServiceContext
    private var watcher: (any MailWatcher)?
    private var retryAfter = Date.distantPast
    private var said: String?

    /// How long after IDLE failed to start it is tried again; a lost connection is tried again sooner.
    static let retryPause: TimeInterval = 600
    static let reconnectPause: TimeInterval = 30

    init(context: ServiceContext) { self.context = context }

    /// Waits up to `seconds`, or less when new mail arrives or a stop is requested; true when a cycle
    /// should run because mail may be waiting.
    func wait(seconds: TimeInterval, stop: StopFlag) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        if watcher == nil, let connect = context.mail.watcher, Date() >= retryAfter {
            do {
                watcher = try connect()
                say("waiting for new mail with IMAP IDLE (and polling every \(context.settings.pollInterval) s)")
                // Mail that came after the last cycle's search and before IDLE began is looked for now.
                return true
            } catch {
                retryAfter = Date().addingTimeInterval(Self.retryPause)
                say("IMAP IDLE could not start (\(error)); polling every \(context.settings.pollInterval) s")
            }
        }
        if let watcher {
            do {
                return try watcher.wait(timeout: seconds, shouldStop: { stop.isRequested })
            } catch {
                self.watcher = nil
                retryAfter = Date().addingTimeInterval(Self.reconnectPause)
                say("the IMAP IDLE connection was lost (\(error)); polling until it is back")
            }
        }
        stop.sleep(seconds: max(0, deadline.timeIntervalSinceNow))
        return false
    }

    /// Prints a change in how mail is waited for, once (not every cycle).
    private func say(_ line: String) {
        guard line != said else { return }
        said = line
        EventLog.printLine(line)
    }
}
