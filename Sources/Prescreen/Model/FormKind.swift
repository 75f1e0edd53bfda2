/// Which Technician Commitment self-assessment form a submission follows.
public enum FormKind: String, Sendable, Codable {
    case initial = "Initial (Stage 1)"
    case initial2019 = "Initial (Stage 1, 2019 form)"
    case stage2 = "Stage 2"
    case stage3 = "Stage 3"
    case unknown = "not recognised"
}

extension FormKind {
    /// The stage the form is for (1, 2 or 3), which picks the review rubric; nil when not recognised.
    public var stage: Int? {
        switch self {
        case .initial, .initial2019: 1
        case .stage2: 2
        case .stage3: 3
        case .unknown: nil
        }
    }
}
