import Archive
import FollowThrough
import Foundation
import Prescreen
import Review

/// `tcreview history INSTITUTION`: every submission of one institution over time, with the size of its plan
/// by theme, its RAG outcome, how it followed through on the plan before, and the reviewers' medians.
public enum InstitutionHistory {
    /// One submission, as the history shows it.
    public struct Entry: Sendable, Equatable {
        public var reference: String
        public var stage: String
        public var received: Date
        /// Actions by theme, in the order themes first appear.
        public var planByTheme: [(theme: String, actions: Int)]
        public var rag: RAGCounts?
        public var followThrough: String?
        /// Median score by criterion id, in the rubric's order where known.
        public var medians: [(criterion: String, median: Double)]
        public var feedback: String

        public static func == (a: Entry, b: Entry) -> Bool {
            a.reference == b.reference && a.stage == b.stage && a.received == b.received
                && a.planByTheme.map(\.theme) == b.planByTheme.map(\.theme)
                && a.planByTheme.map(\.actions) == b.planByTheme.map(\.actions) && a.rag == b.rag
                && a.followThrough == b.followThrough && a.medians.map(\.criterion) == b.medians.map(\.criterion)
                && a.medians.map(\.median) == b.medians.map(\.median) && a.feedback == b.feedback
        }
    }

    /// The institution's submissions, oldest first.
    public static func entries(archive: String, institution: String, rubrics: [Int: Rubric], now: Date) -> [Entry] {
        ArchiveScanner.summaries(archive: archive, now: now).filter { $0.institution == institution }
            .sorted { $0.received < $1.received }
            .map { row in
                let report = PrescreenReport.load(folder: row.folder)
                var themes: [(theme: String, actions: Int)] = []
                for action in report?.actionPlan ?? [] {
                    if let index = themes.firstIndex(where: { $0.theme == action.theme }) {
                        themes[index].actions += 1
                    } else {
                        themes.append((action.theme, 1))
                    }
                }
                let follow = FollowThroughReport.load(folder: row.folder).map { report -> String in
                    guard report.ragRows != nil else { return "RAG analysis not read as a table" }
                    let (green, amber, red) = report.counts
                    return
                        "\(report.carried.count) of \(report.previousActions) actions of \(report.previousReference) reported (\(green) green, \(amber) amber, \(red) red), \(report.notMentioned.count) not mentioned"
                }
                let reviews = ReviewFiles.currentReviews(in: row.folder)
                let rubric = RubricLibrary.rubric(forStage: Int(row.stage), in: rubrics)
                let ids =
                    rubric?.scoredCriteria.map(\.id)
                    ?? Set(reviews.flatMap { $0.scores.keys }).sorted()
                let medians = ids.compactMap { id -> (String, Double)? in
                    ScoreMedian.of(reviews.compactMap { $0.scores[id] }).map {
                        (rubric?.criterion(id)?.title ?? id, $0)
                    }
                }
                return Entry(
                    reference: row.reference, stage: row.stage, received: row.received, planByTheme: themes,
                    rag: report?.rag, followThrough: follow, medians: medians, feedback: row.feedback)
            }
    }

    /// The history as text, a block per submission.
    public static func render(institution: String, entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "No submissions from \(institution) are in the archive.\n" }
        var days = LondonFormat()
        var out = "\(institution): \(entries.count) submission\(entries.count == 1 ? "" : "s")\n"
        for entry in entries {
            out += "\n\(entry.reference)  Stage \(entry.stage)  received \(days.day(entry.received))\n"
            let plan = entry.planByTheme.map { "\($0.theme) \($0.actions)" }.joined(separator: ", ")
            let total = entry.planByTheme.reduce(0) { $0 + $1.actions }
            out += "  Plan:           \(total == 0 ? "not read" : "\(total) actions (\(plan))")\n"
            if let rag = entry.rag {
                out += "  RAG analysis:   \(rag.green) green, \(rag.amber) amber, \(rag.red) red\n"
            }
            if let follow = entry.followThrough { out += "  Follow-through: \(follow)\n" }
            if !entry.medians.isEmpty {
                let scores = entry.medians.map { "\($0.criterion) \(String(format: "%g", $0.median))" }
                out += "  Medians:        \(scores.joined(separator: ", "))\n"
            }
            out += "  Feedback:       \(entry.feedback)\n"
        }
        return out
    }
}
