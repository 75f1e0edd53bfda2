import Foundation
import Testing

@testable import Prescreen

/// The report as text (`prescreen.txt`), CSV (`action-plan.csv`), JSON, and email lines.
@Suite struct PrescreenReportOutputTests {
    static let sample = PrescreenReport(
        form: .initial,
        findings: [
            Finding(
                id: "q1-answered", level: .ok, title: "Q1 organisation profile", detail: "Answered.",
                evidence: "We are", page: 2),
            Finding(
                id: "signoff-leader", level: .missing, title: "Sign-off by the Leader of the Institution",
                detail: "The sign-off has no date.", evidence: "Signed  Sam\nLeader", page: 3),
            Finding(id: "url", level: .attention, title: "Q8 URL", detail: "Add https://.", evidence: nil, page: nil),
        ],
        actionPlan: [
            ActionPlanRow(
                theme: "Visibility", activity: "Profiles, and more", description: "Say \"hello\"",
                timescale: "July 2025", page: 4),
            ActionPlanRow(
                theme: "Recognition", activity: "Awards", description: "Line one\nline two", timescale: "", page: 5),
        ],
        profileWordCount: 120, organisation: "University of Example")

    @Test func textReportShowsFormFindingsWithEvidenceAndThePlanByTheme() {
        let text = Self.sample.renderText(reference: "TC-2025-07-UOE")
        #expect(text.hasPrefix("Pre-screen of TC-2025-07-UOE\nForm: Initial (Stage 1)\n"))
        #expect(
            text.contains(
                "[MISSING] Sign-off by the Leader of the Institution — The sign-off has no date. (page 3: “Signed Sam Leader”)"
            ))
        #expect(text.contains("[OK] Q1 organisation profile — Answered. (page 2: “We are”)"))
        #expect(text.contains("[ATTENTION] Q8 URL — Add https://.\n"))
        #expect(text.contains("  Visibility\n    - Profiles, and more — Say \"hello\" [July 2025; page 4]"))
        #expect(text.contains("  Career Development\n    (no actions)"))
        #expect(text.contains("Verdict: missing"))
    }

    @Test func csvHasItsHeaderQuotesFieldsAndEndsLinesWithCRLF() {
        let csv = Self.sample.actionPlanCSV()
        #expect(
            csv == "theme,activity,description,time scale,page\r\n"
                + "Visibility,\"Profiles, and more\",\"Say \"\"hello\"\"\",July 2025,4\r\n"
                + "Recognition,Awards,\"Line one\nline two\",,5\r\n")
    }

    @Test func emptyPlanIsJustTheHeader() {
        #expect(
            PrescreenReport(form: .unknown, findings: []).actionPlanCSV()
                == "theme,activity,description,time scale,page\r\n")
    }

    @Test func attentionLinesArePlainDetailsOfWhatIsNotOK() {
        #expect(Self.sample.attentionLines() == ["The sign-off has no date.", "Add https://."])
        #expect(Self.sample.attentionLines().allSatisfy { !$0.contains("signoff") && !$0.contains("url") })
    }

    @Test func attentionLinesAreEmptyWhenEverythingIsOK() {
        var report = Self.sample
        report.findings = report.findings.map {
            var finding = $0; finding.level = .ok; return finding
        }
        #expect(report.attentionLines().isEmpty)
        #expect(report.worstLevel == .ok)
        #expect(!report.hasMissing)
    }

    @Test func levelsAreOrderedOKAttentionMissing() {
        #expect(FindingLevel.ok < .attention)
        #expect(FindingLevel.attention < .missing)
        #expect(Self.sample.worstLevel == .missing)
        #expect(Self.sample.hasMissing)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = Screening.screen(FormText.Stage3().pages())
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(PrescreenReport.self, from: data) == report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"form\":\"Stage 3\""))
    }

    @Test func evidenceIsOneLineOfAtMost200Characters() {
        let finding = Finding(
            id: "x", level: .ok, title: "T", detail: "D", evidence: String(repeating: "word\n", count: 100))
        #expect((finding.evidence?.count ?? 0) <= 200)
        #expect(finding.evidence?.contains("\n") == false)
        #expect(finding.evidence?.hasSuffix("…") == true)
    }
}
