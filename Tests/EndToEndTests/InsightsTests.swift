import Archive
import Foundation
import TestSupport
import Testing

/// Insights across the sector, from an archive the lab filed: three stages of one institution, two of
/// another, reviews and feedback. The counts match what a person counts by hand, the page opens in a real
/// browser with its links resolving and its charts drawing exactly the CSV, and no institution is named
/// unless the configuration says so.
@Suite(.serialized) struct InsightsTests {
    static func stage(
        _ stage: Int, _ organisation: String, rag: [(String, String, String)],
        plan: [(String, String, String, String)]
    ) -> Data {
        PDFFixture.make(pages: FormFixture.stage2(organisation: organisation, rag: rag, plan: plan, stage: stage))
    }

    /// LJMU: Stage 1 (reviewed), Stage 2, Stage 3; Aberystwyth: Stage 1, Stage 2.
    func archive(sections: String = "") throws -> (MailLab, ServiceFixture) {
        let (lab, service, _) = try ServiceFixture.reviewed(sections: sections)
        let aber = PDFFixture.make(pages: FormFixture.initial(organisation: "Prifysgol Aberystwyth"))
        let sends: [(String, Data, String)] = [
            ("ABER July 2024.pdf", aber, "rhian@aber.test"),
            (
                "LJMU July 2027.pdf",
                Self.stage(
                    2, "Liverpool John Moores University",
                    rag: [
                        ("Technician profiles", "Live for all", "Green"), ("Registration", "25 registered", "Green"),
                        ("Apprenticeships", "Paused", "Red"),
                    ],
                    plan: [
                        ("Visibility", "Technician network", "Termly meetings", "2028"),
                        ("Sustainability", "Apprenticeships", "Restart the scheme", "2028"),
                    ]), "jane@ljmu.test"
            ),
            (
                "ABER July 2027.pdf",
                Self.stage(
                    2, "Prifysgol Aberystwyth",
                    rag: [
                        ("Registration", "12 registered", "Amber"), ("Career pathways", "Agreed", "Green"),
                        ("Apprenticeships", "Two a year", "Green"),
                    ],
                    plan: [("Recognition", "Annual awards", "Staff awards", "2028")]), "rhian@aber.test"
            ),
            (
                "LJMU July 2030.pdf",
                Self.stage(
                    3, "Liverpool John Moores University",
                    rag: [("Technician network", "120 members", "Green"), ("Apprenticeships", "Restarted", "Amber")],
                    plan: [("Career Development", "Mentoring", "Pair new staff", "2031")]), "jane@ljmu.test"
            ),
        ]
        for (name, pdf, sender) in sends {
            try lab.send(TestMessage.submission(fileName: name, pdf: pdf, from: sender), from: sender)
            try lab.waitForInbox(count: 1)
            try service.runOnce()
        }
        #expect(try service.records().count == 5)
        return (lab, service)
    }

    func csv(_ service: ServiceFixture) throws -> [[String]] {
        let text = try String(contentsOfFile: "\(service.archive)/insights/insights.csv", encoding: .utf8)
        return text.split(separator: "\r\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func value(_ rows: [[String]], _ section: String, _ group: String, _ key: String) -> String? {
        rows.first { $0.count == 4 && $0[0] == section && $0[1] == group && $0[2] == key }?[3]
    }

    @Test func theCountsAreWhatAPersonCountsTheChartsDrawTheCSVAndNobodyIsNamed() throws {
        let (lab, service) = try archive()
        let run = try service.tcreview(["insights"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("5 submissions from 2 institutions"), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: "\(service.directory)/config/initiatives.txt"), "seeded")
        let rows = try csv(service)

        // Planned actions: each Stage 1 plan has one action per theme (2 plans), then 2, 1 and 1 actions.
        #expect(value(rows, "actions-by-theme", "2024-07", "Visibility") == "2")
        #expect(value(rows, "actions-by-theme", "2027-07", "Sustainability") == "1")
        #expect(value(rows, "actions-by-theme", "2027-07", "Recognition") == "1")
        #expect(value(rows, "actions-by-theme", "2030-07", "Career Development") == "1")
        // Apprenticeships: planned by both (Stage 1 each, and LJMU again at Stage 2): 2 institutions, 3 actions;
        // rated red (LJMU 2027), green (ABER 2027), amber (LJMU 2030).
        #expect(value(rows, "kind", "Apprenticeships", "institutions") == "2")
        #expect(value(rows, "kind", "Apprenticeships", "actions") == "3")
        #expect(value(rows, "rag-by-kind", "Apprenticeships", "green") == "1")
        #expect(value(rows, "rag-by-kind", "Apprenticeships", "amber") == "1")
        #expect(value(rows, "rag-by-kind", "Apprenticeships", "red") == "1")
        #expect(value(rows, "kind", "Technician network", "institutions") == "1")
        #expect(value(rows, "rag-by-kind", "Professional registration", "green") == "1")
        #expect(value(rows, "rag-by-kind", "Professional registration", "amber") == "1")
        // The reviewers' medians (LJMU's Stage 1: 4 and 3).
        #expect(value(rows, "median", "Visibility", "2024-07") == "3.5")
        #expect(!rows.contains { $0.first == "example" }, "no quotes without name-institutions")

        let index = try String(contentsOfFile: "\(service.archive)/index.html", encoding: .utf8)
        #expect(index.contains("href=\"insights/index.html\""), "the archive's index links the insights")

        let browser = try HeadlessBrowser()
        let page = try browser.dom(of: "\(service.archive)/insights/index.html")
        for name in ["Liverpool", "Aberystwyth", "ljmu", "aber.test"] {
            #expect(!page.contains(name), "\(name) is named on the page")
        }
        for link in SiteLinks.links(page) where !link.hasPrefix("#") {
            let target = SiteLinks.resolve(link, from: "insights")
            #expect(FileManager.default.fileExists(atPath: "\(service.archive)/\(target)"), "\(link)")
        }
        // Every bar segment is a CSV row, and every charted CSV row is a segment.
        let segments = try NSRegularExpression(
            pattern: #"data-section="([^"]*)" data-group="([^"]*)" data-key="([^"]*)" data-value="([^"]*)""#)
        let drawn = segments.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
            (1...4).map { String(page[Range(match.range(at: $0), in: page)!]) }.map {
                $0.replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        #expect(!drawn.isEmpty)
        let charted = rows.filter { ["actions-by-theme", "rag-by-kind", "rag-by-theme"].contains($0[0]) }
        #expect(Set(drawn) == Set(charted), "the charts draw exactly the CSV's figures")
        let pdf = try service.tcreview([
            "extract", "--text", "\(service.directory)/insights.txt", "\(service.archive)/insights/insights.pdf",
        ])
        #expect(pdf.status == 0, "the PDF opens with poppler")
        withExtendedLifetime(lab) {}
    }

    @Test func namingInstitutionsIsAChoiceThatAddsExamples() throws {
        let (lab, service) = try archive(sections: "[insights]\nname-institutions = yes\n")
        #expect(try service.tcreview(["insights", "--since", "2027"]).status == 0)
        let rows = try csv(service)
        let examples = rows.filter { $0.first == "example" }
        #expect(examples.contains { $0[2] == "Prifysgol Aberystwyth" && $0[3].hasPrefix("Career pathways") })
        #expect(!rows.contains { $0[0] == "actions-by-theme" && $0[1] == "2024-07" }, "--since 2027 leaves 2024 out")
        #expect(try service.tcreview(["insights", "--window", "2025-03"]).status == 64, "not a window")
        withExtendedLifetime(lab) {}
    }
}
