import Archive
import ArchiveView
import Configuration
import Foundation

/// Who owes which stage in which window: `tcreview due`.
///
/// The rules:
/// - Windows close at the end of January and the end of July (23:59:59 London time on the 31st).
/// - Stage 1 is due in the first window that closes 12 to 18 months after the month of joining, counting whole
///   months (joined 2023-05 → July 2024, 14 months; joined 2023-09 → January 2025, 16 months; joined 2023-01 →
///   January 2024, 12 months, the first of the two that fit).
/// - Stage 2 is due in the same half-year window three years after Stage 1's, Stage 3 three years after Stage 2's.
///   Nothing is listed after Stage 3.
/// - A stage is listed when its window closes no later than a year after `now` (past stages stay listed).
/// - It is `sent` when the institution has a submission filed in its window, or in a later window before the next
///   stage's (sent late), or in an earlier window after the previous stage's (for Stage 1: for a month from joining
///   on) whose form the pre-screen recognised as that stage (sent early); the earliest such submission is the
///   row's reference. Otherwise it is `late` when
///   the window has closed, `due` when the window is the one open now, and `upcoming` after that.
/// - A submission is the institution's when it is filed under its name (or in its folder).
public enum Deadlines {
    public static func rows(institutions: [Institution], summaries: [SubmissionSummary], now: Date) -> [DueRow] {
        let calendar = UKCalendar.calendar
        let horizon = calendar.date(byAdding: .year, value: 1, to: now) ?? now.addingTimeInterval(366 * 86_400)
        let today = calendar.dateComponents([.year, .month], from: now)
        let current = ArchiveScanner.window(year: today.year ?? 0, month: today.month ?? 1)
        var byInstitution: [String: [SubmissionSummary]] = [:]
        for summary in summaries {
            if let name = summary.institution { byInstitution[name, default: []].append(summary) }
        }

        var rows: [DueRow] = []
        for institution in institutions {
            guard let joined = institution.joined.flatMap(yearMonth) else { continue }
            let folderName = SafeName.component(institution.name, fallback: institution.name)
            let theirs =
                (byInstitution[institution.name] ?? [])
                + (folderName == institution.name ? [] : byInstitution[folderName] ?? [])
            let first = stageOneWindow(joinedYear: joined.year, joinedMonth: joined.month)
            let windows = (0..<3).map { (year: first.year + 3 * $0, month: first.month) }
            let keys = windows.map { String(format: "%04d-%02d", $0.year, $0.month) }
            for stage in 1...3 {
                let window = windows[stage - 1]
                let key = keys[stage - 1]
                let closes = closing(year: window.year, month: window.month)
                guard closes <= horizon else { break }
                let next = stage < 3 ? keys[stage] : nil
                let previous = stage > 1 ? keys[stage - 2] : nil
                let onTimeOrLate = theirs.filter { $0.window >= key && (next == nil || $0.window < next!) }
                // Early: after the previous stage's window (Stage 1: from the month of joining on).
                let early = theirs.filter { summary in
                    guard summary.window < key, summary.stage == "\(stage)" else { return false }
                    if let previous { return summary.window > previous }
                    return summary.year * 12 + summary.month >= joined.year * 12 + joined.month
                }
                let match = earliest(onTimeOrLate) ?? earliest(early)
                let state =
                    match != nil ? "sent" : closes < now ? "late" : key == current ? "due" : "upcoming"
                rows.append(
                    DueRow(
                        institution: institution.name, short: institution.short, stage: stage, window: key,
                        windowCloses: closes, state: state, reference: match?.reference))
            }
        }
        return rows.sorted { a, b in
            a.window != b.window
                ? a.window < b.window
                : a.institution != b.institution ? a.institution < b.institution : a.stage < b.stage
        }
    }

    /// An aligned table: window, closing day, institution, stage, state, the submission that counts.
    public static func render(_ rows: [DueRow]) -> String {
        guard !rows.isEmpty else {
            return
                "Nothing is due up to a year ahead. Stages are worked out from the 'joined' column (YYYY-MM) of institutions.csv.\n"
        }
        let header = ["WINDOW", "CLOSES", "INSTITUTION", "STAGE", "STATE", "SUBMISSION"]
        var table = [header]
        for row in rows {
            table.append([
                row.window, UKCalendar.dayString(row.windowCloses), "\(row.institution) (\(row.short))", "\(row.stage)",
                row.state, row.reference ?? "-",
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in table {
            for (column, cell) in line.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var out = ""
        for line in table {
            for (column, cell) in line.enumerated() {
                out += cell
                if column < line.count - 1 { out += String(repeating: " ", count: widths[column] - cell.count + 2) }
            }
            out += "\n"
        }
        let late = rows.filter { $0.state == "late" }.count
        let due = rows.filter { $0.state == "due" }.count
        out += "\n\(due) due in the open window, \(late) late.\n"
        return out
    }

    /// The first window (year, 1 or 7) that closes 12 to 18 whole months after the month of joining.
    public static func stageOneWindow(joinedYear: Int, joinedMonth: Int) -> (year: Int, month: Int) {
        let joined = joinedYear * 12 + joinedMonth
        for year in joinedYear...(joinedYear + 2) {
            for month in [1, 7] where (12...18).contains(year * 12 + month - joined) { return (year, month) }
        }
        return (joinedYear + 1, joinedMonth <= 7 ? 7 : 1)  // not reached: every 7 months hold a closing month
    }

    /// The last second of a window: 23:59:59 London time on the last day of its month.
    public static func closing(year: Int, month: Int) -> Date { UKCalendar.endOfMonth(year: year, month: month) }

    /// `2023-05` (or `2023-05-14`) as year and month.
    static func yearMonth(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            return nil
        }
        return (year, month)
    }

    static func earliest(_ summaries: [SubmissionSummary]) -> SubmissionSummary? {
        summaries.min { a, b in a.window != b.window ? a.window < b.window : a.received < b.received }
    }
}

/// One stage an institution owes (or has sent) in one window.
public struct DueRow: Sendable, Equatable {
    public var institution: String
    public var short: String
    public var stage: Int
    /// The window, e.g. `2025-01`.
    public var window: String
    /// The last second of the window (23:59:59 London time on 31 January or 31 July).
    public var windowCloses: Date
    /// `sent`, `due` (the window is open now), `late` (it closed without one) or `upcoming`.
    public var state: String
    /// The submission that counts, when sent.
    public var reference: String?

    public init(
        institution: String, short: String, stage: Int, window: String, windowCloses: Date, state: String,
        reference: String?
    ) {
        self.institution = institution
        self.short = short
        self.stage = stage
        self.window = window
        self.windowCloses = windowCloses
        self.state = state
        self.reference = reference
    }
}
