import Archive
import Foundation

/// Finds every filed submission and summarises where it stands, reading only `submission.json`,
/// `reviews/assignments.json` and `feedback.json` in each folder.
public enum ArchiveScanner {
    /// Every filed submission (identified or not; never the quarantine), sorted by window then reference.
    ///
    /// The walk lists each folder once with `readdir`, reads the three small JSON files with plain `read`,
    /// and decodes each with one `JSONDecoder` per worker; the folders are shared between the cores.
    public static func summaries(archive: String, now: Date) -> [SubmissionSummary] {
        let root = normalized(archive)
        let folders = submissionFolders(root: root)
        guard !folders.isEmpty else { return [] }
        let workers = Parallel.workers(for: folders.count, minimumPerWorker: 256)
        let parts = Parallel.run(workers: workers) { worker in
            let reader = FolderReader(root: root, now: now)
            var part: [SubmissionSummary] = []
            var index = worker
            while index < folders.count {
                if let summary = reader.summary(relative: folders[index]) { part.append(summary) }
                index += workers
            }
            return part
        }
        return sortedByWindow(parts.flatMap { $0 })
    }

    /// The submission window of a submission period: August to January belong to the window that closes at the
    /// end of January (`2025-01` for August 2024 to January 2025), February to July to the one that closes at the
    /// end of July (`2025-07`).
    public static func window(year: Int, month: Int) -> String {
        switch month {
        case 8...12: return String(format: "%04d-01", year + 1)
        case 2...7: return String(format: "%04d-07", year)
        default: return String(format: "%04d-01", year)
        }
    }

    /// The stage a recognised form names: `1` for `Initial (Stage 1)`, `2`, `3`; `?` otherwise.
    public static func stage(form: String?) -> String {
        guard let form else { return "?" }
        for digit in ["1", "2", "3"] where form.contains("Stage \(digit)") { return digit }
        return "?"
    }

    /// The state of one assignment at `now`: open and past due is overdue.
    public static func state(status: String, due: Date, now: Date) -> ReviewerState {
        switch status {
        case "received": .received
        case "withdrawn": .withdrawn
        default: now > due ? .overdue : .sent
        }
    }

    static func sortedByWindow(_ rows: [SubmissionSummary]) -> [SubmissionSummary] {
        rows.sorted { a, b in
            a.window != b.window ? a.window < b.window : a.reference < b.reference
        }
    }

    static func normalized(_ archive: String) -> String {
        var root = archive
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        return root
    }

    /// The top-level folders that hold submissions: every institution, and `_Unidentified`; not the service's
    /// other `_` folders, nor hidden ones.
    static func holdsSubmissions(_ top: String) -> Bool {
        !top.hasPrefix(".") && (!top.hasPrefix("_") || top == ArchiveLayout.unidentifiedFolder)
    }

    /// `<top>/<year>/<month>/<reference>` for every candidate submission folder, relative to the root.
    static func submissionFolders(root: String) -> [String] {
        var folders: [String] = []
        for top in FastFiles.entries(root) where top.isDirectory && holdsSubmissions(top.name) {
            for year in FastFiles.entries("\(root)/\(top.name)") where year.isDirectory && !year.name.hasPrefix(".") {
                let yearPath = "\(top.name)/\(year.name)"
                for month in FastFiles.entries("\(root)/\(yearPath)")
                where month.isDirectory && !month.name.hasPrefix(".") {
                    let monthPath = "\(yearPath)/\(month.name)"
                    for reference in FastFiles.entries("\(root)/\(monthPath)")
                    where reference.isDirectory && !reference.name.hasPrefix(".") {
                        folders.append("\(monthPath)/\(reference.name)")
                    }
                }
            }
        }
        return folders
    }
}

/// The parts of the service's files the summaries need; everything else in them is skipped. Dates are read as
/// text and parsed by `ISOTime`, which is several times quicker than the decoder's own ISO 8601 parsing.
struct RecordHead: Decodable {
    struct File: Decodable {
        var name: String
        var role: String
    }
    var reference: String
    var institution: String?
    var year: Int
    var month: Int
    var received: Date
    var status: String?
    var prescreen: String?
    var form: String?
    var files: [File]

    enum CodingKeys: String, CodingKey {
        case reference, institution, year, month, received, status, prescreen, form, files
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reference = try container.decode(String.self, forKey: .reference)
        institution = try container.decodeIfPresent(String.self, forKey: .institution)
        year = try container.decode(Int.self, forKey: .year)
        month = try container.decode(Int.self, forKey: .month)
        received = try ISOTime.decode(container, .received)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        prescreen = try container.decodeIfPresent(String.self, forKey: .prescreen)
        form = try container.decodeIfPresent(String.self, forKey: .form)
        files = try container.decode([File].self, forKey: .files)
    }
}

struct AssignmentHead: Decodable {
    var reviewer: String
    var due: Date
    var status: String

    enum CodingKeys: String, CodingKey { case reviewer, due, status }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reviewer = try container.decode(String.self, forKey: .reviewer)
        due = try ISOTime.decode(container, .due)
        status = try container.decode(String.self, forKey: .status)
    }
}

/// ISO 8601 times as the service writes them (`2024-07-30T14:02:03Z`), parsed by hand; anything else (fractions,
/// offsets) goes to Foundation's parser.
enum ISOTime {
    static func decode<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "not an ISO 8601 time: \(text)")
        }
        return date
    }

    static func parse(_ text: String) -> Date? {
        if let fast = fastParse(Array(text.utf8)) { return fast }
        return try? fallback.parse(text)
    }

    private static let fallback = Date.ISO8601FormatStyle()

    /// `YYYY-MM-DDTHH:MM:SSZ` exactly.
    private static func fastParse(_ bytes: [UInt8]) -> Date? {
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A
        else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let days = UKCalendar.daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}

/// `feedback.json`: `{"state": "draft"|"sent", "compiled": ISO date, "sent": ISO date}`; the dates are optional
/// and a malformed one is ignored.
struct FeedbackHead: Decodable {
    var state: String
    var compiled: Date?
    var sent: Date?

    enum CodingKeys: String, CodingKey { case state, compiled, sent }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decode(String.self, forKey: .state)
        compiled = try? container.decodeIfPresent(Date.self, forKey: .compiled)
        sent = try? container.decodeIfPresent(Date.self, forKey: .sent)
    }
}

/// Reads one submission folder into a summary; one per worker, so its decoder is never shared.
struct FolderReader {
    let root: String
    let now: Date
    let decoder: JSONDecoder

    static let reviewsFolder = "reviews"

    init(root: String, now: Date) {
        self.root = root
        self.now = now
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
    }

    func summary(relative: String) -> SubmissionSummary? {
        let folder = "\(root)/\(relative)"
        var names: Set<String> = []
        var hasReviews = false
        for entry in FastFiles.entries(folder) {
            names.insert(entry.name)
            if entry.name == Self.reviewsFolder, entry.isDirectory { hasReviews = true }
        }
        guard names.contains(ArchiveLayout.recordFileName),
            let data = FastFiles.read("\(folder)/\(ArchiveLayout.recordFileName)"),
            let record = try? decoder.decode(RecordHead.self, from: data),
            record.status != "quarantined"
        else { return nil }

        var reviewers: [ReviewerStatus] = []
        var reviewTexts: [String] = []
        if hasReviews {
            var hasAssignments = false
            for entry in FastFiles.entries("\(folder)/\(Self.reviewsFolder)") where !entry.isDirectory {
                if entry.name == "assignments.json" {
                    hasAssignments = true
                } else if entry.name.hasPrefix("review-"), entry.name.hasSuffix(".txt") {
                    reviewTexts.append("\(Self.reviewsFolder)/\(entry.name)")
                }
            }
            reviewTexts.sort()
            if hasAssignments, let data = FastFiles.read("\(folder)/\(Self.reviewsFolder)/assignments.json"),
                let assignments = try? decoder.decode([AssignmentHead].self, from: data)
            {
                reviewers = assignments.map {
                    ReviewerStatus(
                        reviewer: $0.reviewer,
                        state: ArchiveScanner.state(status: $0.status, due: $0.due, now: now), due: $0.due)
                }
            }
        }

        var feedback = "none"
        if names.contains("feedback.json"), let data = FastFiles.read("\(folder)/feedback.json"),
            let head = try? decoder.decode(FeedbackHead.self, from: data)
        {
            feedback = head.state
        }

        var files: [String] = []
        for file in record.files where file.role == "submission" && names.contains(file.name) {
            files.append(file.name)
        }
        if names.contains("prescreen.txt") { files.append("prescreen.txt") }
        files += reviewTexts
        for name in ["feedback.txt", "feedback.pdf"] where names.contains(name) { files.append(name) }

        // An unidentified submission that a coordinator moved into an institution's folder belongs to it, although
        // its record still names none until 'tcreview assign' records it.
        var institution = record.institution
        if institution == nil, let top = relative.split(separator: "/").first, top != ArchiveLayout.unidentifiedFolder {
            institution = String(top)
        }
        let (year, month) = (record.year, record.month)
        return SubmissionSummary(
            reference: record.reference, institution: institution,
            stage: ArchiveScanner.stage(form: record.form), received: record.received, year: year, month: month,
            window: ArchiveScanner.window(year: year, month: month), prescreen: record.prescreen,
            reviewers: reviewers, feedback: feedback, folder: folder, relativeFolder: relative, files: files)
    }
}
