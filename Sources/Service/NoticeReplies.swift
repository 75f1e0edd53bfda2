/// What a coordinator can reply to a notice, one word (and maybe a name) on the first line.
public enum NoticeCommand: String, Sendable, CaseIterable {
    case send, assign, reassign, remind, release, status
}

/// One reply a notice takes: the command, how to write it, and what it does.
public struct NoticeReply: Sendable, Equatable {
    public var command: NoticeCommand
    public var usage: String
    public var meaning: String
}

/// The replies each kind of coordinator notice takes. The notice lists them at its end, and the command
/// desk obeys a reply only when the notice it answers lists its command: one table for both.
public enum NoticeReplies {
    public static func replies(forKind kind: String) -> [NoticeReply] {
        let status = NoticeReply(command: .status, usage: "status", meaning: "the state of this submission now")
        let head = kind.prefix { $0 != "." }
        // The service's answers to commands take none: a reply to one is kept, and nothing more happens.
        if head.hasPrefix("command-") { return [] }
        switch head {
        case "feedback-draft":
            return [
                NoticeReply(command: .send, usage: "send", meaning: "send this feedback to the institution"), status,
            ]
        case "unidentified":
            return [
                NoticeReply(
                    command: .assign, usage: "assign ABER",
                    meaning:
                        "file it under that institution (its short name or full name, as in institutions.csv) and assign reviewers"
                ), status,
            ]
        case "assignment-held", "reviewers-short":
            return [NoticeReply(command: .assign, usage: "assign", meaning: "assign reviewers now"), status]
        case "overdue":
            return [
                NoticeReply(command: .remind, usage: "remind", meaning: "send the reviewer a reminder now"),
                NoticeReply(
                    command: .reassign, usage: "reassign NEW@ADDRESS",
                    meaning: "give this review to another reviewer from reviewers.csv"),
                status,
            ]
        default:
            if kind.hasPrefix("aside-") {
                return [
                    NoticeReply(
                        command: .release, usage: "release",
                        meaning: "it is genuine: apply this reply as the assigned reviewer's review"),
                    status,
                ]
            }
            // Notices about a submission, or a kept reply, can say where it stands; the service's own troubles
            // (a download that fails, an email refused) are about no submission, and take no reply.
            let aboutASubmission =
                ["coordinators", "unknown-token"].contains(kind)
                || ["corrections-exhausted-", "withdrawn-"].contains { kind.hasPrefix($0) }
            return aboutASubmission ? [status] : []
        }
    }

    /// The closing lines of a notice that lists its replies.
    public static func closing(_ replies: [NoticeReply]) -> String {
        guard !replies.isEmpty else { return "" }
        let width = (replies.map(\.usage.count).max() ?? 0) + 2
        var text = "What you can reply (one line, above any quoted text):\n"
        for reply in replies {
            text += "  " + reply.usage.padding(toLength: width, withPad: " ", startingAt: 0) + reply.meaning + "\n"
        }
        text +=
            "Replies are obeyed only from the coordinators' addresses and only as answers to this very email; each is acknowledged.\n"
        return text
    }
}
