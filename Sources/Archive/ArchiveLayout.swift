import Foundation

/// Where things live in the archive, so a coordinator can browse it in a file manager:
///
///     Mailbox/<Institution>/<YYYY>/<MM-Month>/<REF>/    a filed submission
///     Mailbox/_Unidentified/<YYYY>/<MM-Month>/<REF>/    filed, institution not recognised
///     Mailbox/_Quarantine/<YYYY>/<MM-Month>/<ID>/       kept, nothing could be filed
///     Mailbox/_Outbox/queued/, _Outbox/sent/            every email the service sends
///     Mailbox/_State/                                   the service's own bookkeeping
///     Mailbox/journal.jsonl                              every event, one JSON object a line
public struct ArchiveLayout: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public static let unidentifiedFolder = "_Unidentified"
    public static let quarantineFolder = "_Quarantine"
    public static let recordFileName = "submission.json"
    public static let messageFileName = "message.eml"

    /// The folder for one month of one institution (or of the unidentified ones).
    public func monthFolder(institution: String?, year: Int, month: Int) -> String {
        let top =
            institution.map { SafeName.component($0, fallback: Self.unidentifiedFolder) } ?? Self.unidentifiedFolder
        return "\(root)/\(top)/\(String(format: "%04d", year))/\(Self.monthName(month))"
    }

    public func quarantineFolder(year: Int, month: Int) -> String {
        "\(root)/\(Self.quarantineFolder)/\(String(format: "%04d", year))/\(Self.monthName(month))"
    }

    /// `07-July`: sorts by time and reads plainly.
    public static func monthName(_ month: Int) -> String {
        String(format: "%02d-", month) + UKCalendar.monthNames[max(0, min(11, month - 1))]
    }

    public var scratch: String { "\(root)/_State/tmp" }

    /// Every submission record in the archive, found by walking the folders.
    /// The folder of the submission with this reference (wherever a coordinator moved it), if any.
    public func submissionFolder(reference: String) -> String? {
        submissionRecordPaths().map { ($0 as NSString).deletingLastPathComponent }
            .first { ($0 as NSString).lastPathComponent == reference }
    }

    public func submissionRecordPaths() -> [String] {
        var paths: [String] = []
        for top in FileSystem.list(root)
        where !top.hasPrefix(".") && top != Self.quarantineFolder && !top.hasPrefix("_Outbox")
            && top != "_State"
        {
            for year in FileSystem.list("\(root)/\(top)") {
                for month in FileSystem.list("\(root)/\(top)/\(year)") {
                    for reference in FileSystem.list("\(root)/\(top)/\(year)/\(month)") {
                        let path = "\(root)/\(top)/\(year)/\(month)/\(reference)/\(Self.recordFileName)"
                        if FileSystem.exists(path) { paths.append(path) }
                    }
                }
            }
        }
        return paths
    }
}
