import Foundation

extension PrescreenReport {
    /// The action plan rows as CSV (`action-plan.csv`): a header, RFC 4180 quoting, CRLF line ends.
    public func actionPlanCSV() -> String {
        var lines = [["theme", "activity", "description", "time scale", "page"]]
        lines += actionPlan.map { [$0.theme, $0.activity, $0.description, $0.timescale, String($0.page)] }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled).
    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
