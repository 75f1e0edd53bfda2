/// What a column of an action-plan table holds, read from its header cell.
enum PlanColumn: Equatable {
    case theme, activity, description, timescale, status, other

    /// How the report names it.
    var name: String {
        switch self {
        case .theme: "theme"
        case .activity: "action"
        case .description: "description"
        case .timescale: "time scale"
        case .status: "status"
        case .other: "not read"
        }
    }

    /// The columns of a header row, or nil when the row is not a header.
    static func header(_ cells: [String]) -> [PlanColumn]? {
        let roles = cells.map { role($0) }
        let known = zip(cells, roles).filter { !$0.0.isEmpty && $0.1 != nil }.count
        let filled = cells.filter { !$0.isEmpty }.count
        guard known >= 2, known * 2 >= filled else { return nil }
        return roles.map { $0 ?? .other }
    }

    /// A cell's role; a bilingual header ("Amserlen / Time scale") by either of its halves.
    private static func role(_ cell: String) -> PlanColumn? {
        guard !cell.isEmpty, cell.utf16.count <= 90 else { return nil }
        if let whole = role(of: cell) { return whole }
        let halves = cell.split(whereSeparator: { $0 == "/" || $0 == "\n" })
        guard halves.count == 2 else { return nil }
        return halves.lazy.compactMap { role(of: String($0)) }.first
    }

    private static func role(of cell: String) -> PlanColumn? {
        let key = ScreenText.keys(cell).joined(separator: " ")
        guard !key.isEmpty, key.split(separator: " ").count <= 8 else { return nil }
        // The longest name the cell starts with decides: "what success looks like" is a description,
        // though "what" alone is an action.
        var best: (role: PlanColumn, length: Int)?
        for (role, names) in names {
            for name in names where key == name || key.hasPrefix(name + " ") {
                if name.count > (best?.length ?? -1) { best = (role, name.count) }
            }
        }
        return best?.role
    }

    private static let names: [(PlanColumn, [String])] = [
        (
            .timescale,
            [
                "time scale", "time scales", "timescale", "timescales", "timeframe", "time frame", "timeline",
                "deadline",
                "date", "target date", "when", "by when", "completion date", "milestone", "milestones", "due",
            ]
        ),
        (.theme, ["theme", "themes", "commitment theme", "tc theme", "technician commitment theme"]),
        (
            .activity,
            [
                "activity", "activities", "action", "actions", "objective", "objectives", "initiative", "initiatives",
                "aim", "aims", "what", "planned action", "planned actions", "proposed action", "proposed actions",
            ]
        ),
        (
            .description,
            [
                "description", "detail", "details", "how", "outcome", "outcomes", "success measure", "success measures",
                "measure of success", "measures of success", "success criteria", "impact", "evidence", "kpi", "kpis",
                "how impact will be evidenced", "intended outcome", "expected outcome", "what success looks like",
                "success", "measure", "measures", "measure s", "evidence of success", "key performance indicators",
                "deliverables", "deliverable", "outputs", "output",
            ]
        ),
        (
            .status,
            [
                "status", "rag", "rag status", "rag rating", "current status", "rating", "red amber green", "r a g",
                "rag rating status",
            ]
        ),
        (
            .other,
            [
                "lead", "leads", "owner", "owners", "responsible", "responsibility", "resources", "progress", "who",
                "lead s", "ref", "no", "number", "comments", "commentary", "update", "progress to date", "notes",
            ]
        ),
    ]
}
