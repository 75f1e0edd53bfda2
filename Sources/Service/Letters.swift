import Archive
import Configuration
import Foundation
import MIME

/// The words of the service's emails: to institutions in plain, friendly language; to coordinators with
/// the facts they need to act. Each stage adds its own letters in an extension; here are the shared parts.
public struct Letters: Sendable {
    public let from: MailAddress
    public let now: Date
    /// Makes the token that lets a coordinator answer a notice by email; nil: notices take no replies.
    public let noticeKey: NoticeKey?

    public init(from: MailAddress, now: Date, noticeKey: NoticeKey? = nil) {
        self.from = from
        self.now = now
        self.noticeKey = noticeKey
    }

    /// A notice to the coordinators about something that needs a person. It ends with the replies its kind
    /// takes (`NoticeReplies`), and its Message-ID carries the token a reply must answer to be obeyed.
    ///
    /// - Parameter appendix: text after the facts (a feedback draft), shown as it is.
    public func coordinatorNotice(
        reference: String, kind: String, subject: String, facts: [(String, String)],
        action: String, to coordinators: [MailAddress], appendix: String = "",
        attachments: [OutgoingMessage.Attachment] = []
    ) -> OutgoingMessage {
        let width = (facts.map(\.0.count).max() ?? 0) + 2
        var body = "\(action)\n\n"
        for (label, value) in facts {
            // A fact is one line: a sender's subject or name cannot add lines of its own to a notice.
            body +=
                (label + ":").padding(toLength: width, withPad: " ", startingAt: 0) + ShownText.oneLine(value) + "\n"
        }
        let token = noticeKey?.token(reference: reference, kind: kind)
        if token != nil { body += "\n" + NoticeReplies.closing(NoticeReplies.replies(forKind: kind)) }
        if !appendix.isEmpty { body += "\n" + appendix + "\n" }
        body += "\nThis notice was sent by tcreview.\n"
        let id = token.map { messageID(reference, "\(kind)\(Self.tokenMarker)\($0)") } ?? messageID(reference, kind)
        return OutgoingMessage(
            from: from, to: coordinators, subject: "[tcreview] \(subject) [\(reference)]",
            messageID: id, date: now, autoSubmitted: "auto-generated", body: Self.wrapped(body),
            attachments: attachments)
    }

    /// Between a notice's kind and its token in its Message-ID: `REF.KIND.cmd-TOKEN@domain`.
    static let tokenMarker = ".cmd-"

    /// The notice a Message-ID names, when it is one of ours with a token: its reference, kind and token.
    public static func notice(in messageID: String, domain: String) -> (reference: String, kind: String, token: String)?
    {
        let id = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        guard !domain.isEmpty, id.lowercased().hasSuffix("@" + domain.lowercased()) else { return nil }
        let local = id.dropLast(domain.count + 1)
        guard let marker = local.range(of: tokenMarker, options: .backwards),
            let dot = local.firstIndex(of: "."), dot < marker.lowerBound
        else { return nil }
        let token = String(local[marker.upperBound...])
        guard !token.isEmpty, token.allSatisfy(\.isHexDigit) else { return nil }
        return (String(local[..<dot]), String(local[local.index(after: dot)..<marker.lowerBound]), token)
    }

    /// A Message-ID fixed by reference and kind, so a message queued twice is recognisably the same.
    public func messageID(_ reference: String, _ kind: String) -> String {
        "\(reference).\(kind)@\(from.domain.isEmpty ? "tcreview.invalid" : from.domain)"
    }

    /// Whether a Message-ID has the shape `messageID` gives the service's own emails at `domain`: a
    /// reference (`TC-…`, `Q-…`, `R-…`, `C-…`, `uid-…`, `inbox`), a dot, then a kind.
    public static func isOwnMessageID(_ messageID: String, domain: String) -> Bool {
        let id = messageID.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        let domain = domain.lowercased()
        guard !domain.isEmpty, id.hasSuffix("@" + domain) else { return false }
        let local = id.dropLast(domain.count + 1)
        guard let dot = local.firstIndex(of: "."), local.index(after: dot) < local.endIndex else { return false }
        let reference = local[..<dot]
        return ["tc-", "q-", "r-", "c-", "uid-"].contains { reference.hasPrefix($0) } || reference == "inbox"
    }

    /// Wraps every line longer than `width` at spaces; continuation lines keep the line's indentation
    /// (for list items, the indentation of the item's text; for `Label:  value` lines, of the value).
    public static func wrapped(_ text: String, width: Int = 78) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let lead = line.prefix { $0 == " " }
            var hang = String(lead)
            let content = line.dropFirst(lead.count)
            if content.hasPrefix("- ") {
                hang += "  "
            } else if let marker = content.firstIndex(of: " "),
                content[..<marker].allSatisfy({ $0.isNumber || $0 == "." }),
                content.first?.isNumber == true
            {
                hang += String(repeating: " ", count: content.distance(from: content.startIndex, to: marker) + 1)
            } else if let colon = line.range(of: ":  ") {
                let valueStart = line[colon.upperBound...].prefix { $0 == " " }.count
                hang = String(
                    repeating: " ", count: line.distance(from: line.startIndex, to: colon.upperBound) + valueStart)
            }
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                let prefix = lines.isEmpty && current.isEmpty ? String(lead) : (current.isEmpty ? hang : "")
                let candidate = current.isEmpty ? prefix + word : current + " " + word
                if candidate.count > width, !current.isEmpty {
                    lines.append(current)
                    current = hang + word
                } else {
                    current = candidate
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// `July 2024`.
    public static func monthYear(_ month: Int, _ year: Int) -> String { UKCalendar.monthYear(month, year) }

    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return String(format: "%.0f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
