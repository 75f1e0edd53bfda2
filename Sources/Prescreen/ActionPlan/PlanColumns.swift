/// What a column of an action-plan table holds, read from its header cell.
enum PlanColumn: Equatable {
    case theme, activity, description, timescale, other

    /// The columns of a header row, or nil when the row is not a header.
    static func header(_ cells: [String]) -> [PlanColumn]? {
        let roles = cells.map(role)
        let known = zip(cells, roles).filter { !$0.0.isEmpty && $0.1 != nil }.count
        let filled = cells.filter { !$0.isEmpty }.count
        guard known >= 2, known * 2 >= filled else { return nil }
        return roles.map { $0 ?? .other }
    }

    private static func role(_ cell: String) -> PlanColumn? {
        guard !cell.isEmpty, cell.utf16.count <= 60 else { return nil }
        let key = ScreenText.keys(cell).joined(separator: " ")
        guard !key.isEmpty, key.split(separator: " ").count <= 8 else { return nil }
        for (role, names) in names where names.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) {
            return role
        }
        return nil
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
                "how impact will be evidenced", "intended outcome", "expected outcome",
            ]
        ),
        (
            .other,
            [
                "lead", "leads", "owner", "owners", "responsible", "responsibility", "status", "rag", "resources",
                "progress", "who", "lead s", "ref", "no", "number",
            ]
        ),
    ]
}
