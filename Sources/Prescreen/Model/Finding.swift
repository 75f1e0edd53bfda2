/// How much a finding needs the institution's attention; `ok < attention < missing`.
public enum FindingLevel: String, Sendable, Codable, Comparable {
    case ok
    case attention
    case missing

    private var rank: Int {
        switch self {
        case .ok: 0
        case .attention: 1
        case .missing: 2
        }
    }

    public static func < (lhs: FindingLevel, rhs: FindingLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One result of the pre-screen: what was checked, how it came out, and where in the PDF.
public struct Finding: Sendable, Codable, Equatable {
    /// Stable identifier, e.g. `q1-answered`, `url`, `signoff-leader`, `plan-theme-visibility`.
    public var id: String
    public var level: FindingLevel
    /// A short title, e.g. "Q1 profile within 250 words".
    public var title: String
    /// One friendly, precise sentence an institution's lead understands.
    public var detail: String
    /// A short quote from the text (at most 200 characters, on one line).
    public var evidence: String?
    /// The 1-based page the evidence is on.
    public var page: Int?

    public init(
        id: String, level: FindingLevel, title: String, detail: String, evidence: String? = nil, page: Int? = nil
    ) {
        self.id = id
        self.level = level
        self.title = title
        self.detail = detail
        self.evidence = evidence.map(Evidence.quote)
        self.page = page
    }
}
