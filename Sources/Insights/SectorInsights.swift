import Archive
import ArchiveView
import FollowThrough
import Foundation
import Prescreen
import Review

/// What the archive says across the sector: planned actions by theme and window, how many institutions
/// plan each kind of initiative, how the RAG analyses rate each kind and theme (what gets done, what
/// stalls), green examples, and the reviewers' medians by criterion over time. Aggregated: institutions are
/// named only beside examples, and only when `[insights] name-institutions = yes`.
public struct SectorInsights: Sendable, Equatable {
    /// Which submissions count.
    public struct Filter: Sendable, Equatable {
        /// One submission window, e.g. `2025-01`.
        public var window: String?
        /// Windows from this year's January on.
        public var sinceYear: Int?

        public init(window: String? = nil, sinceYear: Int? = nil) {
            self.window = window
            self.sinceYear = sinceYear
        }

        func admits(_ window: String) -> Bool {
            if let wanted = self.window, wanted != window { return false }
            if let sinceYear, let year = Int(window.prefix(4)), year < sinceYear { return false }
            return true
        }
    }

    /// Green, amber and red counts.
    public struct Outcome: Sendable, Equatable {
        public var green = 0
        public var amber = 0
        public var red = 0
        public var total: Int { green + amber + red }

        mutating func add(_ status: String) {
            switch status {
            case "green": green += 1
            case "amber": amber += 1
            case "red": red += 1
            default: break
            }
        }
    }

    /// One kind of initiative across the sector.
    public struct KindRow: Sendable, Equatable {
        public var kind: String
        /// Institutions whose plans have at least one action of this kind.
        public var institutions: Int
        public var actions: Int
        /// How RAG analyses rated actions of this kind.
        public var outcome: Outcome
    }

    /// A green action, quoted, with its institution: only with `name-institutions = yes`.
    public struct Example: Sendable, Equatable {
        public var kind: String
        public var text: String
        public var institution: String
    }

    public var filter: Filter
    public var submissions = 0
    public var institutions = 0
    /// Windows, oldest first.
    public var windows: [String] = []
    /// Themes in the order the form gives them, then any other.
    public var themes: [String] = []
    /// Planned actions by window, then theme.
    public var actionsByTheme: [String: [String: Int]] = [:]
    public var kinds: [KindRow] = []
    /// RAG outcomes by the theme of the previous plan's action they match (from the follow-through).
    public var outcomeByTheme: [String: Outcome] = [:]
    /// What no kind matched, most frequent first: with `name-institutions`, each action as written and how
    /// often it was planned; without, only the words such actions use in two or more institutions' plans and
    /// in how many (an action's own wording can say whose it is).
    public var unmatched: [(text: String, count: Int)] = []
    /// Whether `unmatched` holds words rather than whole actions.
    public var unmatchedAreWords = false
    public var examples: [Example] = []
    /// Criterion titles in the rubric's order.
    public var criteria: [String] = []
    /// The median score by criterion, then window (`all` for every window together).
    public var medians: [String: [String: Double]] = [:]

    public static func == (a: SectorInsights, b: SectorInsights) -> Bool {
        a.filter == b.filter && a.submissions == b.submissions && a.institutions == b.institutions
            && a.windows == b.windows && a.actionsByTheme == b.actionsByTheme && a.kinds == b.kinds
            && a.outcomeByTheme == b.outcomeByTheme && a.unmatched.map(\.text) == b.unmatched.map(\.text)
            && a.examples == b.examples && a.medians == b.medians
    }

    static let formThemes = ["Visibility", "Recognition", "Career Development", "Sustainability"]

    /// The words of an action that could name a kind: four letters or more, lower case, not the words every
    /// plan uses.
    static func words(_ text: String) -> Set<String> {
        Set(
            text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter {
                $0.count >= 4 && !commonWords.contains($0)
            })
    }

    static let commonWords: Set<String> = [
        "with", "from", "into", "their", "them", "this", "that", "will", "across", "through", "technician",
        "technicians", "technical", "staff", "university", "institution", "develop", "development", "ensure",
        "support", "improve", "increase", "review", "plan", "action", "actions", "annual", "year", "years",
    ]

    /// Reads every filed submission that passes `filter`: its pre-screen (plan, RAG rows), follow-through and
    /// reviews.
    public static func compute(
        archive: String, filter: Filter, vocabulary: InitiativeVocabulary, rubrics: [Int: Rubric],
        nameInstitutions: Bool, now: Date
    ) -> SectorInsights {
        var insights = SectorInsights(filter: filter)
        let root = ArchiveScanner.normalized(archive)
        let key = InsightsCache.key(vocabulary: vocabulary, rubrics: rubrics)
        let cached = InsightsCache.load(root: root, key: key)
        // A folder's facts are read again only when one of its files changed; the rest come from the cache.
        let all = Parallel.map(ArchiveScanner.submissionFolders(root: root), minimumPerWorker: 64) { relative in
            let stamp = SubmissionFacts.stamp(folder: "\(root)/\(relative)")
            if let known = cached[relative], known.stamp == stamp { return known }
            return SubmissionFacts(
                root: root, relative: relative, stamp: stamp, vocabulary: vocabulary, rubrics: rubrics)
        }
        // Written again only when a folder was read anew or is gone.
        if all.count != cached.count || all.contains(where: { cached[$0.folder] != $0 }) {
            try? InsightsCache.save(all, root: root, key: key)
        }
        let facts = all.filter { $0.filed && $0.institution != nil && filter.admits($0.window) }
        insights.submissions = facts.count
        insights.institutions = Set(facts.compactMap(\.institution)).count
        insights.windows = Set(facts.map(\.window)).sorted()
        var kindInstitutions: [String: Set<String>] = [:]
        var kindActions: [String: Int] = [:]
        var kindOutcomes: [String: Outcome] = [:]
        var unmatched: [String: Int] = [:]
        var unmatchedWords: [String: Set<String>] = [:]
        var scores: [String: [String: [Int]]] = [:]
        var themes: Set<String> = []
        var criterionOrder: [String] = []
        for fact in facts {
            for action in fact.actions {
                themes.insert(action.theme)
                insights.actionsByTheme[fact.window, default: [:]][action.theme, default: 0] += 1
                kindInstitutions[action.kind, default: []].insert(fact.institution ?? "")
                kindActions[action.kind, default: 0] += 1
                if action.kind == InitiativeVocabulary.other {
                    unmatched[action.name, default: 0] += 1
                    for word in Self.words(action.name) {
                        unmatchedWords[word, default: []].insert(fact.institution ?? "")
                    }
                }
            }
            for rag in fact.rag {
                kindOutcomes[rag.kind, default: Outcome()].add(rag.status)
                // Quotes only where institutions may be named: a quote alone can say whose it is.
                if nameInstitutions, rag.status == "green", insights.examples.count < 200 {
                    insights.examples.append(
                        Example(kind: rag.kind, text: rag.text, institution: fact.institution ?? ""))
                }
            }
            for carried in fact.carried {
                insights.outcomeByTheme[carried.theme, default: Outcome()].add(carried.status)
            }
            for score in fact.scores {
                if !criterionOrder.contains(score.criterion) { criterionOrder.append(score.criterion) }
                scores[score.criterion, default: [:]][fact.window, default: []].append(score.value)
                scores[score.criterion, default: [:]]["all", default: []].append(score.value)
            }
        }
        let known = formThemes.filter(themes.contains)
        insights.themes = known + themes.subtracting(known).sorted()
        let names = vocabulary.kinds.map(\.name) + [InitiativeVocabulary.other]
        insights.kinds = names.compactMap { name in
            let actions = kindActions[name] ?? 0
            let outcome = kindOutcomes[name] ?? Outcome()
            guard actions > 0 || outcome.total > 0 else { return nil }
            return KindRow(
                kind: name, institutions: kindInstitutions[name]?.count ?? 0, actions: actions, outcome: outcome)
        }
        insights.unmatchedAreWords = !nameInstitutions
        let listed =
            nameInstitutions
            ? unmatched.map { ($0.key, $0.value) }
            : unmatchedWords.filter { $0.value.count >= 2 }.map { ($0.key, $0.value.count) }
        insights.unmatched = listed.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        let ordered = rubrics.keys.sorted().flatMap { rubrics[$0]?.scoredCriteria.map(\.title) ?? [] }
        insights.criteria =
            ordered.reduce(into: []) { if !$0.contains($1), criterionOrder.contains($1) { $0.append($1) } }
            + criterionOrder.filter { !ordered.contains($0) }
        for (criterion, byWindow) in scores {
            for (window, values) in byWindow {
                insights.medians[criterion, default: [:]][window] = ScoreMedian.of(values)
            }
        }
        return insights
    }
}

/// What one submission adds to the insights, read from its folder, and the stamp of the files it was read from.
struct SubmissionFacts: Sendable, Equatable {
    struct Action: Sendable, Equatable {
        var theme: String
        var kind: String
        /// The activity (or description), for the list of actions no kind matched.
        var name: String
    }

    struct Rated: Sendable, Equatable {
        var kind: String
        var status: String
        var text: String
    }

    struct Score: Sendable, Equatable {
        var criterion: String
        var value: Int
    }

    struct Carried: Sendable, Equatable {
        var theme: String
        var status: String
    }

    /// The folder from the archive root.
    var folder: String
    var stamp: String
    /// False for a folder without a readable `submission.json` of a filed submission.
    var filed = false
    var window = ""
    var institution: String?
    var actions: [Action] = []
    var rag: [Rated] = []
    var carried: [Carried] = []
    var scores: [Score] = []

    /// The files whose change changes the facts: the record, the pre-screen, the follow-through, the reviews.
    static func stamp(folder: String) -> String {
        [
            ArchiveLayout.recordFileName, PrescreenReport.fileName, FollowThroughReport.fileName,
            "\(AssignmentRecord.folderName)/\(AssignmentRecord.fileName)", AssignmentRecord.folderName,
        ].map { FileSystem.stamp("\(folder)/\($0)") }.joined(separator: " ")
    }

    init(folder: String, stamp: String) {
        self.folder = folder
        self.stamp = stamp
    }

    init(root: String, relative: String, stamp: String, vocabulary: InitiativeVocabulary, rubrics: [Int: Rubric]) {
        self.init(folder: relative, stamp: stamp)
        let folder = "\(root)/\(relative)"
        guard let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)"),
            record.status == .filed
        else { return }
        filed = true
        window = ArchiveScanner.window(year: record.year, month: record.month)
        // A submission a coordinator moved under an institution is that institution's (as the scanner says).
        let top = relative.split(separator: "/").first.map(String.init) ?? ""
        institution = record.institution ?? (top == ArchiveLayout.unidentifiedFolder ? nil : top)
        let report = PrescreenReport.load(folder: folder)
        actions = (report?.actionPlan ?? []).map { action in
            let name = action.activity.isEmpty ? action.description : action.activity
            return Action(
                theme: action.theme, kind: vocabulary.kind(of: "\(action.activity) \(action.description)"),
                name: String(name.prefix(80)))
        }
        rag = (report?.ragRows ?? []).map {
            Rated(kind: vocabulary.kind(of: $0.action), status: $0.status, text: String($0.action.prefix(200)))
        }
        carried = (FollowThroughReport.load(folder: folder)?.carried ?? []).map {
            Carried(theme: $0.action.theme, status: $0.status)
        }
        let rubric = RubricLibrary.rubric(forStage: record.stage, in: rubrics)
        for answers in ReviewFiles.currentReviews(in: folder) {
            let ids = rubric?.scoredCriteria.map(\.id) ?? answers.scores.keys.sorted()
            for id in ids {
                if let score = answers.scores[id] {
                    scores.append(Score(criterion: rubric?.criterion(id)?.title ?? id, value: score))
                }
            }
        }
    }
}
