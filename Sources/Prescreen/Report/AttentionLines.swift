extension PrescreenReport {
    /// Short, friendly lines for the institution's confirmation email: one per finding that needs
    /// attention or is missing, in plain language; empty when everything is ok.
    ///
    /// A finding that follows from another already listed is left out (no "profile too long" under
    /// "no profile", no four theme lines under "no action plan").
    public func attentionLines() -> [String] {
        findings.filter { $0.level != .ok && !isExplainedByAnother($0) }.map(\.detail)
    }

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
