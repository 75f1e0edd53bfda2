extension PrescreenReport {
    /// Short, friendly lines for the institution's confirmation email: one per finding that needs
    /// attention or is missing and that the reader is certain of, in plain language; empty when
    /// everything is ok. What it could not read with certainty is never told to the institution: it is in
    /// `coordinatorLines()`.
    ///
    /// A finding that follows from another already listed is left out (no "profile too long" under
    /// "no profile", no four theme lines under "no action plan").
    public func attentionLines() -> [String] {
        findings.filter { $0.level != .ok && $0.certainty == .certain && !isExplainedByAnother($0) }.map(\.detail)
    }

    /// Lines for the coordinators: what the reader could not be sure of, with the page to look at.
    public func coordinatorLines() -> [String] {
        findings.filter { $0.level != .ok && $0.certainty == .uncertain }.map { finding in
            "Please look: \(finding.title) — \(finding.detail)" + (finding.page.map { " (page \($0))" } ?? "")
        }
    }

    /// Whether the pre-screen left something for a coordinator to look at.
    public var needsCoordinator: Bool { findings.contains { $0.level != .ok && $0.certainty == .uncertain } }

    /// Whether something certain is missing: what the institution is told.
    public var hasCertainMissing: Bool { findings.contains { $0.level == .missing && $0.certainty == .certain } }

    /// Whether a finding only repeats what another finding listed already says.
    private func isExplainedByAnother(_ finding: Finding) -> Bool {
        guard let cause = Self.followsFrom[finding.id], let explaining = self.finding(cause) else { return false }
        if finding.id.hasPrefix("plan-theme-") { return explaining.level != .ok && actionPlan.isEmpty }
        return explaining.level == .missing
    }

    /// Findings that add nothing when the one they depend on is already listed.
    private static let followsFrom: [String: String] = [
        "q1-word-limit": "q1-answered",
        "plan-theme-visibility": "q6-answered",
        "plan-theme-recognition": "q6-answered",
        "plan-theme-career-development": "q6-answered",
        "plan-theme-sustainability": "q6-answered",
        "technician-count": "q3-answered",
    ]
}
