/// Q6: the action plan is there (in the answer or an appendix), its rows are read, and each of the four
/// themes has at least one action with a time scale.
struct ActionPlanCheck {
    let context: ScreenContext

    struct Result {
        let rows: [ActionPlanRow]
        let findings: [Finding]
        /// How the plan table's columns were read, when it was read from a table.
        let columns: String?
    }

    func check(_ outcome: AnswerCheck.Outcome) -> Result {
        // A plan read from the page's structure: tables with their columns known, or numbered actions
        // under theme headings. What it says is certain only when every action's theme was read, not guessed.
        if let pages = context.pages,
            let reading = PlanTableReader(tables: context.tables).read() ?? NumberedPlanReader(layout: pages).read()
        {
            var findings = [questionFinding(outcome, rows: reading.rows, source: reading.source, appendixFound: nil)]
            findings += Theme.required.map { theme in
                let finding = themeFinding(theme, rows: reading.rows)
                return reading.certain || finding.level == .ok ? finding : finding.unsure()
            }
            return Result(rows: reading.rows, findings: findings, columns: reading.columns)
        }
        return textual(outcome)
    }

    /// The plan read from the text alone, when the layout shows no plan table: a best guess, so what it
    /// finds missing goes to the coordinators, not to the institution.
    private func textual(_ outcome: AnswerCheck.Outcome) -> Result {
        let parser = ActionPlanParser(document: context.document)
        let layout = context.layout
        var rows: [ActionPlanRow] = []
        var source: String?

        switch outcome {
        case .appendix(_, let appendix):
            rows = parser.rows(in: appendix.range)
            source = "Appendix \(appendix.id)"
        case .answered(let section), .placeholder(let section):
            rows = parser.rows(in: section.answer)
            source = "the answer to Question 6"
        default: break
        }
        var appendixFound: Appendix?
        if rows.isEmpty {
            // A plan attached without saying so, or after a question left blank.
            for appendix in layout.appendices where !appendix.isExampleList && !appendix.isPlanReview {
                let found = parser.rows(in: appendix.range)
                if !found.isEmpty {
                    rows = found
                    appendixFound = appendix
                    source = "Appendix \(appendix.id)"
                    break
                }
            }
        }

        var findings = [questionFinding(outcome, rows: rows, source: source, appendixFound: appendixFound)]
        findings += Theme.required.map { theme in
            let finding = themeFinding(theme, rows: rows)
            return finding.level == .ok ? finding : finding.unsure()
        }
        return Result(rows: rows, findings: findings, columns: nil)
    }

    private func questionFinding(
        _ outcome: AnswerCheck.Outcome, rows: [ActionPlanRow], source: String?, appendixFound: Appendix?
    )
        -> Finding
    {
        let question = FormQuestions.plan
        if let appendixFound {
            switch outcome {
            case .notFound, .empty:
                let quote = context.quote(at: appendixFound.range.lowerBound, length: 100)
                return Finding(
                    id: question.findingID, level: .attention, title: question.title,
                    detail:
                        "Question 6 (your action plan) has no answer, though a plan with \(rows.count) actions was found in Appendix \(appendixFound.id); please say in Question 6 where the plan is.",
                    evidence: quote.evidence, page: quote.page)
            default: break
            }
        }
        var finding = AnswerCheck.finding(question, outcome, context: context)
        if finding.level == .ok, let source {
            finding.detail =
                rows.isEmpty
                ? "Question 6 is answered, but no actions could be read from it by theme; a table of theme, activity, description and time scale is easiest to review."
                : "Your action plan is in \(source); \(rows.count) action\(rows.count == 1 ? "" : "s") could be read."
        }
        return finding
    }

    private func themeFinding(_ theme: Theme, rows: [ActionPlanRow]) -> Finding {
        let title = "Action plan: \(theme.rawValue)"
        let actions = rows.filter { $0.theme == theme.rawValue }
        guard let first = actions.first else {
            return Finding(
                id: theme.findingID, level: .missing, title: title,
                detail:
                    "No \(theme.rawValue) actions were found in the action plan; every plan needs actions for Visibility, Recognition, Career Development and Sustainability."
            )
        }
        let kinds = actions.compactMap { TimeScale.cell($0.timescale) ?? TimeScale.last(in: $0.timescale)?.kind }
        let evidence = [first.activity, first.timescale].filter { !$0.isEmpty }.joined(separator: " — ")
        let count = "\(actions.count) \(theme.rawValue) action\(actions.count == 1 ? "" : "s")"
        if kinds.contains(where: { $0 != .ongoing }) || context.form == .initial2019 {
            return Finding(
                id: theme.findingID, level: .ok, title: title,
                detail: "The plan has \(count)\(kinds.isEmpty ? "" : ", with time scales").", evidence: evidence,
                page: first.page)
        }
        if !kinds.isEmpty {
            return Finding(
                id: theme.findingID, level: .attention, title: title,
                detail:
                    "The plan's \(count) are all marked \u{201C}ongoing\u{201D}; please give at least one a date or period.",
                evidence: evidence, page: first.page)
        }
        return Finding(
            id: theme.findingID, level: .attention, title: title,
            detail:
                "The plan has \(count), but none with a time scale; please say when each will be done (e.g. \u{201C}by July 2026\u{201D}).",
            evidence: evidence, page: first.page)
    }
}
