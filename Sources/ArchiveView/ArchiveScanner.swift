import Archive
import Foundation
import POSIX

/// Finds every filed submission and summarises where it stands, reading only `submission.json`,
/// `reviews/assignments.json` and `feedback.json` in each folder.
public enum ArchiveScanner {
    /// Every filed submission (identified or not; never the quarantine), sorted by window then reference.
    ///
    /// The walk lists each folder once with `readdir`, reads the three small JSON files with plain `read`,
    /// and decodes each with one `JSONDecoder` per worker; the folders are shared between the cores.
    ///
    /// A folder whose files have not changed since the last scan is not decoded again: its summary comes from
    /// `_State/summaries.tsv` (`SummaryCache`), which the scan rewrites when a folder changed.
    public static func summaries(archive: String, now: Date) -> [SubmissionSummary] {
        let root = normalized(archive)
        let folders = submissionFolders(root: root)
        guard !folders.isEmpty else { return [] }
        let cached = SummaryCache.load(root: root, now: now)
        let workers = Parallel.workers(for: folders.count, minimumPerWorker: 256)
        let parts = Parallel.run(workers: workers) { worker in
            let reader = FolderReader(root: root, now: now)
            var part: [(folder: String, entry: SummaryCache.Entry, fresh: Bool)] = []
            var index = worker
            while index < folders.count {
                let relative = folders[index]
                index += workers
                let stamp = SummaryCache.stamp(folder: "\(root)/\(relative)")
                if let known = cached[relative], known.stamp == stamp {
                    part.append((relative, known, false))
                } else {
                    part.append((relative, .init(stamp: stamp, summary: reader.summary(relative: relative)), true))
                }
            }
            return part
        }
        let entries = parts.flatMap { $0 }
        if entries.count != cached.count || entries.contains(where: \.fresh) {
            try? SummaryCache.save(entries.map { ($0.folder, $0.entry) }, root: root)
        }
        return sortedByWindow(entries.compactMap(\.entry.summary))
    }

    /// The submission window of a submission period, as summaries name it (`SubmissionWindow`).
    public static func window(year: Int, month: Int) -> String {
        SubmissionWindow(containing: year, month: month).description
    }

    /// The state of one assignment at `now`: open and past due is overdue.
    public static func state(status: AssignmentStatus, due: Date, now: Date) -> ReviewerState {
        switch status {
        case .received: .received
        case .withdrawn: .withdrawn
        case .open: now > due ? .overdue : .sent
        }
    }

    static func sortedByWindow(_ rows: [SubmissionSummary]) -> [SubmissionSummary] {
        rows.sorted { a, b in
            a.window != b.window ? a.window < b.window : a.reference < b.reference
        }
    }

    public static func normalized(_ archive: String) -> String {
        var root = archive
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        return root
    }

    /// The top-level folders that hold submissions: every institution, and `_Unidentified`; not the service's
    /// other `_` folders, nor hidden ones.
    public static func holdsSubmissions(_ top: String) -> Bool {
        !top.hasPrefix(".") && (!top.hasPrefix("_") || top == ArchiveLayout.unidentifiedFolder)
    }

    /// `<top>/<year>/<month>/<reference>` for every candidate submission folder, relative to the root.
    public static func submissionFolders(root: String) -> [String] {
        var folders: [String] = []
        for top in Paths.entries(root) where top.isDirectory && holdsSubmissions(top.name) {
            for year in Paths.entries("\(root)/\(top.name)") where year.isDirectory && !year.name.hasPrefix(".") {
                let yearPath = "\(top.name)/\(year.name)"
                for month in Paths.entries("\(root)/\(yearPath)")
                where month.isDirectory && !month.name.hasPrefix(".") {
                    let monthPath = "\(yearPath)/\(month.name)"
                    for reference in Paths.entries("\(root)/\(monthPath)")
                    where reference.isDirectory && !reference.name.hasPrefix(".") {
                        folders.append("\(monthPath)/\(reference.name)")
                    }
                }
            }
        }
        return folders
    }
}

/// Reads one submission folder into a summary; one per worker, so its decoder is never shared.
struct FolderReader {
    let root: String
    let now: Date
    let decoder: JSONDecoder

    static let reviewsFolder = AssignmentRecord.folderName

    init(root: String, now: Date) {
        self.root = root
        self.now = now
        decoder = JSONFiles.makeDecoder()
    }

    func summary(relative: String) -> SubmissionSummary? {
        let folder = "\(root)/\(relative)"
        var names: Set<String> = []
        var hasReviews = false
        for entry in Paths.entries(folder) {
            names.insert(entry.name)
            if entry.name == Self.reviewsFolder, entry.isDirectory { hasReviews = true }
        }
        guard names.contains(ArchiveLayout.recordFileName),
            let data = FileSystem.read("\(folder)/\(ArchiveLayout.recordFileName)"),
            let record = try? decoder.decode(SubmissionRecord.Head.self, from: data),
            record.status != .quarantined
        else { return nil }

        var reviewers: [ReviewerStatus] = []
        var reviewTexts: [String] = []
        if hasReviews {
            var hasAssignments = false
            for entry in Paths.entries("\(folder)/\(Self.reviewsFolder)") where !entry.isDirectory {
                if entry.name == AssignmentRecord.fileName {
                    hasAssignments = true
                } else if entry.name.hasPrefix("review-"), entry.name.hasSuffix(".txt") {
                    reviewTexts.append("\(Self.reviewsFolder)/\(entry.name)")
                }
            }
            reviewTexts.sort()
            if hasAssignments,
                let data = FileSystem.read("\(folder)/\(Self.reviewsFolder)/\(AssignmentRecord.fileName)"),
                let assignments = try? decoder.decode([AssignmentRecord.Head].self, from: data)
            {
                reviewers = assignments.map {
                    ReviewerStatus(
                        reviewer: $0.reviewer,
                        state: ArchiveScanner.state(status: $0.status, due: $0.due, now: now), due: $0.due)
                }
            }
        }

        var feedback = "none"
        if names.contains(FeedbackState.fileName), let data = FileSystem.read("\(folder)/\(FeedbackState.fileName)"),
            let state = try? decoder.decode(FeedbackState.self, from: data)
        {
            feedback = state.state.rawValue
        }

        var files: [String] = []
        for file in record.files where file.role == .submission && names.contains(file.name) {
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
            stage: record.stage.map(String.init) ?? "?", received: record.received, year: year, month: month,
            window: ArchiveScanner.window(year: year, month: month), prescreen: record.prescreen,
            reviewers: reviewers, feedback: feedback, folder: folder, relativeFolder: relative, files: files)
    }
}
