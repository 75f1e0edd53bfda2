import Archive
import Foundation
import Prescreen

/// How a Stage 2 or 3 form follows through on the institution's previous plan: which of that plan's actions
/// its RAG analysis reports on (and in what colour), which it does not mention, which RAG rows match no earlier
/// action, and how the new plan relates to the old one. Matches are by shared words, each explained; they
/// are for coordinators and reviewers to read, never told to the institution.
///
/// Filed as `followthrough.json` and `followthrough.txt` beside the pre-screen.
public struct FollowThroughReport: Sendable, Codable, Equatable {
    public static let fileName = "followthrough.json"
    public static let textFileName = "followthrough.txt"

    /// An action of the previous plan, by its words.
    public struct Action: Sendable, Codable, Equatable {
        public var theme: String
        public var activity: String
        public var page: Int
    }

    /// A previous action that the RAG analysis reports on.
    public struct Carried: Sendable, Codable, Equatable {
        public var action: Action
        public var ragRow: String
        /// `red`, `amber`, `green`, or `unread`.
        public var status: String
        public var shared: [String]
    }

    /// An action of the new plan that continues one of the previous plan.
    public struct Continued: Sendable, Codable, Equatable {
        public var action: Action
        public var previous: Action
        public var shared: [String]
    }

    public var reference: String
    public var previousReference: String
    public var previousStage: Int?
    public var previousActions: Int
    /// Nil when the form's RAG analysis was not read from a table: nothing can be said of what it mentions.
    public var ragRows: Int?
    public var carried: [Carried]
    public var notMentioned: [Action]
    public var unmatchedRAG: [String]
    public var continued: [Continued]
    public var new: [Action]

    /// Compares the new form with the institution's previous plan. Each list is bounded (a plan of a few
    /// hundred actions at most is read) so a crafted form cannot make this slow.
    public static func compare(
        reference: String, report: PrescreenReport, previousReference: String, previousStage: Int?,
        previous: PrescreenReport
    ) -> FollowThroughReport {
        let old = Array(previous.actionPlan.prefix(limit))
        let plan = Array(report.actionPlan.prefix(limit))
        let oldItems = old.map { PlanMatcher.Item(text: "\($0.activity) \($0.description)", title: $0.activity) }
        var carried: [Carried] = []
        var notMentioned: [Action] = []
        var unmatched: [String] = []
        var rows: Int?
        if let rag = report.ragRows.map({ Array($0.prefix(limit)) }) {
            rows = rag.count
            let pairs = PlanMatcher.pairs(oldItems, rag.map { PlanMatcher.Item(text: $0.action, title: nil) })
            carried = pairs.map {
                Carried(
                    action: action(old[$0.left]), ragRow: rag[$0.right].action, status: rag[$0.right].status,
                    shared: $0.shared)
            }
            let matchedOld = Set(pairs.map(\.left))
            let matchedRAG = Set(pairs.map(\.right))
            notMentioned = old.indices.filter { !matchedOld.contains($0) }.map { action(old[$0]) }
            unmatched = rag.indices.filter { !matchedRAG.contains($0) }.map { rag[$0].action }
        }
        let planPairs = PlanMatcher.pairs(
            plan.map { PlanMatcher.Item(text: "\($0.activity) \($0.description)", title: $0.activity) }, oldItems)
        let continuing = Set(planPairs.map(\.left))
        return FollowThroughReport(
            reference: reference, previousReference: previousReference, previousStage: previousStage,
            previousActions: old.count, ragRows: rows, carried: carried, notMentioned: notMentioned,
            unmatchedRAG: unmatched,
            continued: planPairs.map {
                Continued(action: action(plan[$0.left]), previous: action(old[$0.right]), shared: $0.shared)
            },
            new: plan.indices.filter { !continuing.contains($0) }.map { action(plan[$0]) })
    }

    static let limit = 300

    private static func action(_ row: ActionPlanRow) -> Action {
        Action(theme: row.theme, activity: row.activity.isEmpty ? row.description : row.activity, page: row.page)
    }

    /// The carried actions by colour.
    public var counts: (green: Int, amber: Int, red: Int) {
        (
            carried.filter { $0.status == "green" }.count, carried.filter { $0.status == "amber" }.count,
            carried.filter { $0.status == "red" }.count
        )
    }

    /// A few lines for the reviewers' request, to help them score evidence of impact.
    public var summary: String {
        var lines: [String] = []
        if let rows = ragRows {
            let (green, amber, red) = counts
            lines.append(
                "Of the \(previousActions) actions in the previous plan (\(previousReference)), the RAG analysis reports on \(carried.count) (\(green) green, \(amber) amber, \(red) red); \(notMentioned.count) are not mentioned, and \(unmatchedRAG.count) of its \(rows) rows match no earlier action."
            )
        } else {
            lines.append(
                "The RAG analysis could not be read as a table, so which of the previous plan's \(previousActions) actions (\(previousReference)) it reports on is not known."
            )
        }
        lines.append("The new plan continues \(continued.count) earlier actions and adds \(new.count) new ones.")
        return lines.joined(separator: " ")
    }

    /// `followthrough.txt`: the summary, then every list with the words each match rests on.
    public func renderText() -> String {
        var out = "Follow-through from \(previousReference)"
        out += previousStage.map { " (Stage \($0))" } ?? ""
        out += " to \(reference)\n\n\(summary)\n\n"
        out += "Matches are made by the words two actions share (shown in brackets); please check them before relying\n"
        out += "on them. Nothing here is told to the institution.\n"
        func line(_ action: Action) -> String { "\(action.activity) (\(action.theme), page \(action.page))" }
        if ragRows != nil {
            out += "\nReported on in the RAG analysis (\(carried.count)):\n"
            for item in carried {
                out += "  \(item.status.padding(toLength: 6, withPad: " ", startingAt: 0)) \(line(item.action))\n"
                out += "         as \u{201C}\(item.ragRow)\u{201D} [\(item.shared.joined(separator: ", "))]\n"
            }
            out += "\nNot mentioned in the RAG analysis (\(notMentioned.count)):\n"
            for action in notMentioned { out += "  - \(line(action))\n" }
            out += "\nRAG rows that match no earlier action (\(unmatchedRAG.count)):\n"
            for row in unmatchedRAG { out += "  - \(row)\n" }
        }
        out += "\nThe new plan: continuing earlier actions (\(continued.count)):\n"
        for item in continued {
            out +=
                "  - \(line(item.action)), from \u{201C}\(item.previous.activity)\u{201D} [\(item.shared.joined(separator: ", "))]\n"
        }
        out += "\nThe new plan: new actions (\(new.count)):\n"
        for action in new { out += "  - \(line(action))\n" }
        return out
    }

    /// The report filed in `folder`, if it has one.
    public static func load(folder: String) -> FollowThroughReport? {
        FileSystem.read("\(folder)/\(fileName)").flatMap {
            try? JSONFiles.decoder.decode(FollowThroughReport.self, from: $0)
        }
    }
}
