import Foundation

/// One action of an action plan, as read from the PDF.
public struct ActionPlanRow: Sendable, Codable, Equatable {
    /// One of the Technician Commitment themes, e.g. `Career Development`.
    public var theme: String
    public var activity: String
    public var description: String
    /// As written, e.g. `July 2026`, `Q3 2025`, `ongoing`; empty when the action has none.
    public var timescale: String
    public var page: Int

    public init(theme: String, activity: String, description: String, timescale: String, page: Int) {
        self.theme = theme
        self.activity = activity
        self.description = description
        self.timescale = timescale
        self.page = page
    }
}

/// How many actions of the previous plan a RAG analysis marks red, amber and green.
public struct RAGCounts: Sendable, Codable, Equatable {
    public var red: Int
    public var amber: Int
    public var green: Int

    public init(red: Int, amber: Int, green: Int) {
        self.red = red
        self.amber = amber
        self.green = green
    }

    public var total: Int { red + amber + green }
}

/// One row of a RAG analysis: an action of the previous plan as the new form names it, and its status.
public struct RAGRow: Sendable, Codable, Equatable {
    /// The row's action and description cells, joined.
    public var action: String
    /// `red`, `amber` or `green`; `unread` when the status could not be read.
    public var status: String
    public var page: Int

    public init(action: String, status: String, page: Int) {
        self.action = action
        self.status = status
        self.page = page
    }
}

/// Everything the pre-screen found in one submission.
public struct PrescreenReport: Sendable, Codable, Equatable {
    public var form: FormKind
    public var findings: [Finding]
    public var actionPlan: [ActionPlanRow]
    /// The number of words in the Q1 profile, when the form has one and it is answered.
    public var profileWordCount: Int?
    public var rag: RAGCounts?
    /// The organisation as named in the PDF.
    public var organisation: String?
    /// False for scanned, image-only PDFs.
    public var hasText: Bool
    /// How the plan table's columns were read, e.g. `Time scale (time scale) | Action (action) | …`;
    /// nil when the plan was not read from a table.
    public var planColumns: String?
    /// The status words of the RAG analysis and the colour each was counted as, e.g. `Complete → green`.
    public var ragMapping: [String]?
    /// The rows of the RAG analysis, when it was read from a table: what follow-through matches against the
    /// previous plan.
    public var ragRows: [RAGRow]?

    public init(
        form: FormKind, findings: [Finding], actionPlan: [ActionPlanRow] = [], profileWordCount: Int? = nil,
        rag: RAGCounts? = nil, organisation: String? = nil, hasText: Bool = true, planColumns: String? = nil,
        ragMapping: [String]? = nil, ragRows: [RAGRow]? = nil
    ) {
        self.ragRows = ragRows
        self.planColumns = planColumns
        self.ragMapping = ragMapping
        self.form = form
        self.findings = findings
        self.actionPlan = actionPlan
        self.profileWordCount = profileWordCount
        self.rag = rag
        self.organisation = organisation
        self.hasText = hasText
    }

    /// Whether any finding is `missing`.
    public var hasMissing: Bool { findings.contains { $0.level == .missing } }

    /// The most serious level among the findings; `ok` when there are none.
    public var worstLevel: FindingLevel { findings.map(\.level).max() ?? .ok }

    /// The finding with this id, if the pre-screen made one.
    public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}

extension PrescreenReport {
    /// The report's file in a submission folder.
    public static let fileName = "prescreen.json"

    /// The report filed in `folder`, if it has one.
    public static func load(folder: String) -> PrescreenReport? {
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(fileName)") else { return nil }
        return try? JSONDecoder().decode(PrescreenReport.self, from: data)
    }
}
