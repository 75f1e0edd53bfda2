extension PrescreenReport {
    /// The readable report (`prescreen.txt`) for coordinators and reviewers: the form, each finding with
    /// its evidence and page, then the action plan grouped by theme.
    public func renderText(reference: String?) -> String {
        var lines: [String] = []
        lines.append("Pre-screen" + (reference.map { " of \($0)" } ?? ""))
        lines.append("Form: \(form.rawValue)")
        if let organisation { lines.append("Organisation (as named in the PDF): \(organisation)") }
        if let profileWordCount { lines.append("Q1 profile: \(profileWordCount) words") }
        if let rag { lines.append("RAG analysis: \(rag.red) red, \(rag.amber) amber, \(rag.green) green") }
        lines.append("Verdict: \(verdict)")
        lines.append("")
        lines.append("Findings")
        for finding in findings { lines.append(Self.line(finding)) }

        if hasText {
            lines.append("")
            lines.append("Action plan (\(actionPlan.count) action\(actionPlan.count == 1 ? "" : "s") read)")
            let themes =
                Theme.allCases.map(\.rawValue)
                + Set(actionPlan.map(\.theme)).subtracting(Theme.allCases.map(\.rawValue)).sorted()
            for theme in themes {
                let rows = actionPlan.filter { $0.theme == theme }
                guard !rows.isEmpty || Theme.required.map(\.rawValue).contains(theme) else { continue }
                lines.append("  \(theme.isEmpty ? "(no theme)" : theme)")
                if rows.isEmpty { lines.append("    (no actions)") }
                for row in rows {
                    var text = "    - \(row.activity)"
                    if !row.description.isEmpty { text += " — \(row.description)" }
                    text += " [\(row.timescale.isEmpty ? "no time scale" : row.timescale); page \(row.page)]"
                    lines.append(text)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `ok`, `attention` or `missing`, with how many findings need something.
    var verdict: String {
        let missing = findings.filter { $0.level == .missing }.count
        let attention = findings.filter { $0.level == .attention }.count
        switch worstLevel {
        case .ok: return "ok — nothing missing"
        case .attention: return "attention — \(attention) to look at"
        case .missing: return "missing — \(missing) missing, \(attention) to look at"
        }
    }

    /// `[MISSING] Title — detail (page N: “evidence”)`.
    static func line(_ finding: Finding) -> String {
        let unsure =
            finding.certainty == .uncertain && finding.level != .ok ? " (not sure — for a coordinator to check)" : ""
        var line = "[\(finding.level.rawValue.uppercased())]\(unsure) \(finding.title) — \(finding.detail)"
        switch (finding.page, finding.evidence) {
        case (let page?, let evidence?) where !evidence.isEmpty: line += " (page \(page): \u{201C}\(evidence)\u{201D})"
        case (let page?, _): line += " (page \(page))"
        case (nil, let evidence?) where !evidence.isEmpty: line += " (\u{201C}\(evidence)\u{201D})"
        default: break
        }
        return line
    }
}
