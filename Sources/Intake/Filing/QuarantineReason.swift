import Service

/// Why a message could not be filed as a submission; kept in quarantine and explained to the sender.
public enum QuarantineReason: Sendable, Equatable, Codable {
    case noAttachment
    /// Attachments were there, but none was a PDF; their names.
    case notPDF([String])
    case encrypted([String])
    case unreadable([String])
    case tooLarge(size: Int, limit: Int)
    /// A reply to one of the service's own emails, without a submission: a conversation for a person,
    /// answered at most once, never with the rejection again.
    case conversation
    /// Its parts are nested (forwarded within forwarded …) more deeply than can be opened.
    case nestedTooDeep

    /// A few words for subjects and logs.
    public var summary: String {
        switch self {
        case .noAttachment: return "no attachment"
        case .notPDF: return "not a PDF"
        case .encrypted: return "the PDF is password-protected"
        case .unreadable: return "the PDF could not be opened"
        case .tooLarge: return "the email is too large"
        case .conversation: return "a reply to our email"
        case .nestedTooDeep: return "attachments nested too deeply"
        }
    }

    /// Completes "We could not file it as a self-assessment, because …".
    var explanation: String {
        switch self {
        case .noAttachment:
            return "it arrived without an attachment."
        case .notPDF(let names):
            return "the attachment (\(names.joined(separator: ", "))) is not a PDF file."
        case .encrypted(let names):
            return
                "the PDF (\(names.joined(separator: ", "))) is protected by a password, so reviewers could not open it."
        case .unreadable(let names):
            return "the PDF (\(names.joined(separator: ", "))) could not be opened; it may be damaged or incomplete."
        case .tooLarge(let size, let limit):
            return "at \(Letters.size(size)) it is larger than the \(Letters.size(limit)) we can accept."
        case .conversation:
            return "it is a reply to one of our emails, without a self-assessment attached."
        case .nestedTooDeep:
            return "its attachments are nested (forwarded within forwarded emails) more deeply than we can open."
        }
    }

    /// What the sender should do next.
    var advice: String {
        switch self {
        case .noAttachment:
            return "Please reply with your completed self-assessment and action plan attached as a single PDF file."
        case .notPDF:
            return "Please export the form as a PDF (in Word: File > Save As, then choose PDF) and send us the PDF."
        case .encrypted:
            return "Please save the PDF again without a password or other protection, and send it to us."
        case .unreadable:
            return "Please export the PDF again from your word processor, check that it opens, and send it to us."
        case .tooLarge:
            return
                "Please make the PDF smaller (for example, export it with \"minimum size\" or compress its images) and send it again."
        case .conversation:
            return "A coordinator will read it and reply."
        case .nestedTooDeep:
            return "Please attach the PDF directly to a new email, rather than forwarding an email that contains it."
        }
    }
}
