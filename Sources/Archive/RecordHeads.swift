import Foundation

// The parts of the archive's records that the views read for every submission, decoded without the
// rest: over 10,000 submissions, skipping the other fields is most of the scan's time. Each is declared
// here, beside its record, with the record's own keys, so a file's schema is still written once.

extension SubmissionRecord {
    /// `submission.json` as the coordinators' view reads it.
    public struct Head: Decodable, Sendable {
        public struct File: Decodable, Sendable {
            public var name: String
            public var role: Role
        }

        public var reference: String
        public var institution: String?
        public var year: Int
        public var month: Int
        public var received: Date
        public var status: Status?
        public var prescreen: String?
        public var form: String?
        public var files: [File]
        private var storedStage: Int?

        /// As `SubmissionRecord.stage`.
        public var stage: Int? { SubmissionRecord.stage(stored: storedStage, form: form) }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            reference = try container.decode(String.self, forKey: .reference)
            institution = try container.decodeIfPresent(String.self, forKey: .institution)
            year = try container.decode(Int.self, forKey: .year)
            month = try container.decode(Int.self, forKey: .month)
            received = try container.decode(Date.self, forKey: .received)
            status = try container.decodeIfPresent(Status.self, forKey: .status)
            prescreen = try container.decodeIfPresent(String.self, forKey: .prescreen)
            form = try container.decodeIfPresent(String.self, forKey: .form)
            storedStage = try container.decodeIfPresent(Int.self, forKey: .storedStage)
            files = try container.decode([File].self, forKey: .files)
        }
    }
}

extension AssignmentRecord {
    /// An entry of `assignments.json` as the coordinators' view reads it.
    public struct Head: Decodable, Sendable {
        public var reviewer: String
        public var due: Date
        public var status: AssignmentStatus
    }
}
