import Archive
import Foundation
import MIME

/// Where the stages plug into one another without knowing each other: review replies are routed before a
/// message is filed as a submission, review assignment follows a filing, and a daily pass runs in the loop.
public struct ServiceHooks: Sendable {
    /// Handles a message that answers something the service sent (a review request); nil when it is not
    /// one, and the message is filed as a submission. The message file is at `path`.
    public var routeReply:
        @Sendable (_ message: ParsedMessage, _ path: String, _ key: String) throws -> ProcessingOutcome?
    /// Runs after a submission is filed and its confirmation queued (and again, harmlessly, when a filing
    /// interrupted by a crash is finished); `folder` is the submission folder.
    public var afterFiling: @Sendable (_ record: SubmissionRecord, _ folder: String) throws -> Void
    /// Runs once per cycle; decides itself whether a new day has come.
    public var everyCycle: @Sendable () throws -> Void
    /// Runs at the end of a cycle in which something happened (the journal grew): e.g. rebuild the index.
    public var afterChange: @Sendable () throws -> Void

    public init(
        routeReply: @escaping @Sendable (ParsedMessage, String, String) throws -> ProcessingOutcome? = { _, _, _ in nil
        },
        afterFiling: @escaping @Sendable (SubmissionRecord, String) throws -> Void = { _, _ in },
        everyCycle: @escaping @Sendable () throws -> Void = {},
        afterChange: @escaping @Sendable () throws -> Void = {}
    ) {
        self.routeReply = routeReply
        self.afterFiling = afterFiling
        self.everyCycle = everyCycle
        self.afterChange = afterChange
    }
}
