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

/// How sure the pre-screen is of a finding. Only `certain` findings reach the institution; an
/// `uncertain` one (a table it could not read, a question it could not find) goes to the coordinators.
public enum Certainty: String, Sendable, Codable {
    case certain
    case uncertain
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
    /// Whether the reader is sure; reports written before certainty existed decode as `certain`.
    public var certainty: Certainty

    public init(
        id: String, level: FindingLevel, title: String, detail: String, evidence: String? = nil, page: Int? = nil,
        certainty: Certainty = .certain
    ) {
        self.id = id
        self.level = level
        self.title = title
        self.detail = detail
        self.evidence = evidence.map(Evidence.quote)
        self.page = page
        self.certainty = certainty
    }

    /// The same finding, marked as not certain: it goes to the coordinators, not to the institution.
    func unsure() -> Finding {
        var copy = self
        copy.certainty = .uncertain
        return copy
    }

    private enum CodingKeys: String, CodingKey {
        case id, level, title, detail, evidence, page, certainty
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        level = try container.decode(FindingLevel.self, forKey: .level)
        title = try container.decode(String.self, forKey: .title)
        detail = try container.decode(String.self, forKey: .detail)
        evidence = try container.decodeIfPresent(String.self, forKey: .evidence)
        page = try container.decodeIfPresent(Int.self, forKey: .page)
        certainty = try container.decodeIfPresent(Certainty.self, forKey: .certainty) ?? .certain
    }
}
