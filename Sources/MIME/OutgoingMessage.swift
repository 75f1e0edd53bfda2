import Foundation

/// A message the service sends: plain text, optionally with file attachments.
public struct OutgoingMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var subject: String
    /// Without angle brackets.
    public var messageID: String
    public var date: Date
    /// The Message-ID this answers, without angle brackets.
    public var inReplyTo: String?
    public var references: [String]
    /// `auto-replied` for answers to a sender's mail, `auto-generated` for notices.
    public var autoSubmitted: String
    public var body: String
    public var attachments: [Attachment]

    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], subject: String, messageID: String,
        date: Date, inReplyTo: String? = nil, references: [String] = [], autoSubmitted: String = "auto-replied",
        body: String, attachments: [Attachment] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
        self.autoSubmitted = autoSubmitted
        self.body = body
        self.attachments = attachments
    }

    /// A file sent along with the message.
    public struct Attachment: Sendable, Equatable {
        public var path: String
        public var fileName: String
        public var contentType: String

        public init(path: String, fileName: String, contentType: String = "application/pdf") {
            self.path = path
            self.fileName = fileName
            self.contentType = contentType
        }
    }
}
