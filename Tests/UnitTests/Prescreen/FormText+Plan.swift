extension FormText {
    /// How an action plan table came out of the PDF.
    enum PlanLayout {
        /// One row per line, cells separated by tabs, with a header row.
        case tabs
        /// One cell per line (poppler on some tables).
        case cellPerLine
        /// Theme headings followed by bullet lists.
        case bullets
        /// Each row's cells run together on one line, separated by spaces.
        case runTogether
    }

    /// Where the action plan is.
    enum PlanPlacement {
        /// In the answer to Question 6.
        case inAnswer
        /// In Appendix B, with "Please see Appendix B" as the answer to Question 6.
        case appendixB
        /// "Please see Appendix B" as the answer, but no appendix.
        case referencedButMissing
        /// No plan table: Question 6 holds `answers[6]`, blank by default.
        case none
    }

    /// An action of a plan as the builders write it.
    struct Action {
        var theme: String
        var activity: String
        var description: String
        var timescale: String
    }

    static let actions: [Action] = [
        Action(
            theme: "Visibility", activity: "Technician profiles",
            description: "Publish profiles of technicians on the website", timescale: "December 2024"),
        Action(
            theme: "Visibility", activity: "Technician network",
            description: "Launch a network with termly meetings and a mailing list", timescale: "Q1 2025"),
        Action(
            theme: "Recognition", activity: "Professional registration",
            description: "Fund registration fees for 20 technicians a year", timescale: "by July 2025"),
        Action(
            theme: "Career Development", activity: "Career pathways",
            description: "Publish a technical career framework with grade descriptors", timescale: "2025-26"),
        Action(
            theme: "Sustainability", activity: "Apprenticeships",
            description: "Recruit four technician apprentices each year", timescale: "12 months"),
    ]

    /// The plan's text in a layout.
    static func plan(_ actions: [Action], layout: PlanLayout) -> String {
        switch layout {
        case .tabs:
            var lines = ["Theme\tActivity\tDescription\tTime scale"]
            var previous = ""
            for action in actions {
                // Merged theme cells: the theme only on a group's first row.
                lines.append(
                    [
                        action.theme == previous ? "" : action.theme, action.activity, action.description,
                        action.timescale,
                    ]
                    .joined(separator: "\t"))
                previous = action.theme
            }
            return lines.joined(separator: "\n")
        case .cellPerLine:
            var lines = ["Theme", "Activity", "Description", "Time scale"]
            var previous = ""
            for action in actions {
                if action.theme != previous { lines.append(action.theme) }
                lines += [action.activity, action.description, action.timescale]
                previous = action.theme
            }
            return lines.joined(separator: "\n")
        case .bullets:
            var lines: [String] = []
            var previous = ""
            for action in actions {
                if action.theme != previous { lines.append(action.theme + ":") }
                lines.append("• \(action.activity) – \(action.description) (\(action.timescale))")
                previous = action.theme
            }
            return lines.joined(separator: "\n")
        case .runTogether:
            return
                (["Theme Activity Description Time scale"]
                + actions.map { "\($0.theme) \($0.activity) \($0.description) \($0.timescale)" })
                .joined(separator: "\n")
        }
    }
}
