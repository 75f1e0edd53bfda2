import Foundation

/// A received message as the service needs it: who sent it, what it says about itself, and its parts.
public struct ParsedMessage: Sendable {
    public var from: [MailAddress] = []
    public var replyTo: [MailAddress] = []
    public var to: [MailAddress] = []
    public var cc: [MailAddress] = []
    /// The subject with RFC 2047 encoded words decoded.
    public var subject: String?
    /// The Message-ID without angle brackets.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String] = []
    public var date: Date?
    /// Every top-level header, in order, unfolded.
    public var headers: [Header] = []
    /// Every leaf part other than the message text, in document order, including those of forwarded messages.
    public var attachments: [MessagePart] = []
    /// The first text/plain body, decoded to UTF-8.
    public var plainText: String?
    /// The first text/html body, decoded to UTF-8.
    public var htmlText: String?
    /// Some parts are nested (forwarded within forwarded …) deeper than the parser opens.
    public var nestedTooDeep = false

    public init() {}

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether any header has this name.
    public func hasHeader(named predicate: (String) -> Bool) -> Bool {
        headers.contains { predicate($0.name.lowercased()) }
    }
}

/// One header line: its name and its unfolded value.
public struct Header: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A leaf part of a message whose decoded bytes were written to a file.
public struct MessagePart: Sendable, Equatable {
    /// `type/subtype`, lowercased.
    public var contentType: String
    /// The file name the sender gave (RFC 2231 and RFC 2047 decoded), if any.
    public var fileName: String?
    /// Where the decoded bytes are.
    public var path: String
    /// How many decoded bytes.
    public var size: Int
    /// Whether the decoded bytes begin with `%PDF-`.
    public var hasPDFSignature: Bool

    public init(contentType: String, fileName: String?, path: String, size: Int, hasPDFSignature: Bool) {
        self.contentType = contentType
        self.fileName = fileName
        self.path = path
        self.size = size
        self.hasPDFSignature = hasPDFSignature
    }
}

/// Why a message could not be read.
public enum MIMEError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    case cannotWrite(path: String, detail: String)
    case unsafeHeader(name: String)
    /// An address that is not a plain mailbox (spaces, brackets, control characters).
    case unsafeAddress(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): return "Could not read the message in \(path): \(detail)."
        case .cannotWrite(let path, let detail): return "Could not write \(path): \(detail)."
        case .unsafeHeader(let name): return "Refused to write the \(name) header: its value contains a line break."
        case .unsafeAddress(let address):
            return "Refused to write the address \(address.debugDescription): it is not a plain mailbox."
        }
    }
}
