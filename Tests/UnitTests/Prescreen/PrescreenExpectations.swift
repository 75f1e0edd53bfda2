import Foundation
import Testing

@testable import Prescreen

/// Helpers shared by the pre-screen tests.
enum Screening {
    /// The institution the made-up submissions are filed under: its name, an alias and its short code.
    static let example = ["University of Example", "Example University", "UoE"]

    static func screen(_ pages: [String], names: [String] = example) -> PrescreenReport {
        Prescreener.screen(DocumentText(pages: pages), institutionNames: names)
    }

    /// Each finding's level by id.
    static func levels(_ report: PrescreenReport) -> [String: FindingLevel] {
        Dictionary(report.findings.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
    }

    /// The blank 2024 template, copied from the Technician Commitment's published form.
    static func blankTemplate() throws -> String {
        let url = try #require(
            Bundle.module.url(
                forResource: "blank-initial-template-2024", withExtension: "txt", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// Expects each listed finding to be there at that level, naming the finding's detail when not.
func expectFindings(
    _ report: PrescreenReport, _ expected: [String: FindingLevel], sourceLocation: SourceLocation = #_sourceLocation
) {
    for (id, level) in expected.sorted(by: { $0.key < $1.key }) {
        let finding = report.finding(id)
        #expect(
            finding?.level == level,
            "\(id) should be \(level): \(finding.map { "\($0.level) — \($0.detail)" } ?? "no finding")",
            sourceLocation: sourceLocation)
    }
}

/// Expects every finding to be ok, listing those that are not.
func expectAllOK(_ report: PrescreenReport, sourceLocation: SourceLocation = #_sourceLocation) {
    let notOK = report.findings.filter { $0.level != .ok }.map { "\($0.id) \($0.level): \($0.detail)" }
    #expect(notOK.isEmpty, "\(notOK.joined(separator: "\n"))", sourceLocation: sourceLocation)
}
