import Foundation

/// The metadata file (`submission.json`) of one filed submission.
public struct SubmissionRecord: Codable, Sendable, Equatable {
    /// A file in the submission folder with its hash, so `verify` can find changes.
    public struct File: Codable, Sendable, Equatable {
        /// The name in the folder.
        public var name: String
        /// The name the sender gave, when it differed.
        public var originalName: String?
        public var size: Int
        public var sha256: String
        public var pages: Int?
        /// What the file is: the email, a submitted PDF, or one the pre-screen wrote.
        public var role: Role

        public init(name: String, originalName: String?, size: Int, sha256: String, pages: Int?, role: Role) {
            self.name = name
            self.originalName = originalName
            self.size = size
            self.sha256 = sha256
            self.pages = pages
            self.role = role
        }
    }

    public var reference: String
    public var version: Int
    /// The institution's name, or nil when it could not be identified.
    public var institution: String?
    public var institutionShort: String?
    /// What identified the institution: `file name`, `subject`, `sender domain`, or `nothing`.
    public var identifiedBy: String
    public var year: Int
    public var month: Int
    /// Where month and year came from: `title` or `received`.
    public var periodFrom: String
    public var senderName: String?
    public var senderAddress: String
    public var subject: String?
    public var messageID: String?
    /// The key the service dedupes on: the Message-ID, or `sha256:` and the message's hash.
    public var messageKey: String
    public var received: Date
    public var imapUIDValidity: UInt32?
    public var imapUID: UInt32?
    public var files: [File]
    public var status: Status
    /// Why it was quarantined.
    public var reason: String?
    /// The pre-screen's verdict: `ok`, `attention` or `missing`; nil when no text could be read.
    public var prescreen: String?
    /// The form the pre-screen recognised, e.g. `Initial (Stage 1)`.
    public var form: String?
    /// The stage of that form (1, 2 or 3), which picks the review rubric; nil when none was recognised.
    /// Records written before it was kept have it from their `form`.
    public var stage: Int? {
        get { Self.stage(stored: storedStage, form: form) }
        set { storedStage = newValue }
    }
    private var storedStage: Int?
    /// The stage of each form name the pre-screen gives.
    static let formStages = ["Initial (Stage 1)": 1, "Initial (Stage 1, 2019 form)": 1, "Stage 2": 2, "Stage 3": 3]

    /// The stage kept in the record, or the one its form names (records written before it was kept).
    static func stage(stored: Int?, form: String?) -> Int? { stored ?? form.flatMap { formStages[$0] } }

    enum CodingKeys: String, CodingKey {
        case reference, version, institution, institutionShort, identifiedBy, year, month, periodFrom, senderName,
            senderAddress, subject, messageID, messageKey, received, imapUIDValidity, imapUID, files, status, reason,
            prescreen, form, storedStage = "stage", notes
    }
    /// Things a coordinator should know (a PDF that could not be fully checked, one that was left out).
    public var notes: [String]

    public init(
        reference: String, version: Int, institution: String?, institutionShort: String?, identifiedBy: String,
        year: Int, month: Int, periodFrom: String, senderName: String?, senderAddress: String, subject: String?,
        messageID: String?, messageKey: String, received: Date, imapUIDValidity: UInt32?, imapUID: UInt32?,
        files: [File], status: Status, reason: String? = nil, prescreen: String? = nil, form: String? = nil,
        stage: Int? = nil, notes: [String] = []
    ) {
        self.reference = reference
        self.version = version
        self.institution = institution
        self.institutionShort = institutionShort
        self.identifiedBy = identifiedBy
        self.year = year
        self.month = month
        self.periodFrom = periodFrom
        self.senderName = senderName
        self.senderAddress = senderAddress
        self.subject = subject
        self.messageID = messageID
        self.messageKey = messageKey
        self.received = received
        self.imapUIDValidity = imapUIDValidity
        self.imapUID = imapUID
        self.files = files
        self.status = status
        self.reason = reason
        self.prescreen = prescreen
        self.form = form
        self.storedStage = stage
        self.notes = notes
    }

    public func encoded() throws(ArchiveError) -> Data {
        do { return try JSONFiles.encoder.encode(self) } catch { throw .corrupt(path: reference, detail: "\(error)") }
    }

    public static func load(_ path: String) throws(ArchiveError) -> SubmissionRecord {
        guard let data = FileSystem.read(path) else { throw .io(path: path, operation: "read", errno: ENOENT) }
        do { return try JSONFiles.decoder.decode(SubmissionRecord.self, from: data) } catch {
            throw .corrupt(path: path, detail: "not a submission record (\(error))")
        }
    }
}
