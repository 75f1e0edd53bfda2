/// Which Technician Commitment self-assessment form a submission follows.
public enum FormKind: String, Sendable, Codable {
    case initial = "Initial (Stage 1)"
    case initial2019 = "Initial (Stage 1, 2019 form)"
    case stage2 = "Stage 2"
    case stage3 = "Stage 3"
    case unknown = "not recognised"
}
