import Archive
import Foundation
import TestSupport
import Testing

/// Every filed PDF is read and pre-screened; the institution hears at once what needs its attention.
@Suite(.serialized) struct PrescreenTests {
    static let organisation = "Liverpool John Moores University"

    func file(_ pdf: Data, service: ServiceFixture, lab: MailLab) throws -> SubmissionRecord {
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        return try #require(try service.records().first)
    }

    @Test func completeFormIsFiledWithItsTextPlanAndReportAndTheConfirmationSaysItLooksComplete() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let record = try file(
            PDFFixture.make(pages: FormFixture.initial(organisation: Self.organisation)), service: service, lab: lab)
        let folder = service.folder(of: record)

        #expect(record.form == "Initial (Stage 1)")
        #expect(record.prescreen != "missing")
        let text = try String(contentsOfFile: "\(folder)/text.txt", encoding: .utf8)
        #expect(text.components(separatedBy: "\u{0C}").count == 4, "three pages, each ended by a form feed")
        #expect(text.contains("There are 412 technicians"))
        let plan = try String(contentsOfFile: "\(folder)/action-plan.csv", encoding: .utf8)
        for theme in ["Visibility", "Recognition", "Career Development", "Sustainability"] {
            #expect(plan.contains(theme), "the plan has a \(theme) row")
        }
        let report = try String(contentsOfFile: "\(folder)/prescreen.txt", encoding: .utf8)
        #expect(report.contains("Initial (Stage 1)"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/prescreen.json"))
        #expect(
            Set(record.files.map(\.name)).isSuperset(of: [
                "text.txt", "prescreen.txt", "prescreen.json", "action-plan.csv",
            ]))

        let confirmation = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(unfolded(confirmation).contains("Our first check of the form found nothing missing"))
    }

    @Test func undatedLeaderSignOffIsMissingAndTheConfirmationSaysSo() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let pdf = PDFFixture.make(pages: FormFixture.initial(organisation: Self.organisation, leaderDate: nil))
        let record = try file(pdf, service: service, lab: lab)

        #expect(record.prescreen == "missing")
        let confirmation = unfolded(try #require(lab.waitForMessages("jane@ljmu.test").first))
        #expect(confirmation.contains("found some things that need your attention"))
        #expect(confirmation.lowercased().contains("leader"))
    }

    @Test func scannedPDFGetsOneClearFindingAboutText() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let record = try file(PDFFixture.imageOnly(), service: service, lab: lab)

        #expect(record.prescreen == "missing")
        let confirmation = unfolded(try #require(lab.waitForMessages("jane@ljmu.test").first))
        #expect(confirmation.contains("no text could be read"))
        #expect(!confirmation.lowercased().contains("question"), "one finding, not a flood of missing questions")
    }

    @Test func extractionThatOverrunsItsTimeIsKilledAndTheSubmissionStaysFiledAndConfirmed() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, service: ["pdf-timeout = 0.001"])
        let record = try file(
            PDFFixture.make(pages: FormFixture.initial(organisation: Self.organisation)), service: service, lab: lab)

        #expect(record.status == "filed")
        #expect(record.prescreen == nil)
        #expect(!FileManager.default.fileExists(atPath: "\(service.folder(of: record))/prescreen.json"))
        let confirmation = unfolded(try #require(lab.waitForMessages("jane@ljmu.test").first))
        #expect(confirmation.contains("could not be fully checked"))
        #expect(service.sent(to: "coordinator@lab.test").count == 1)
        #expect(service.events("filed").count == 1, "filed once, no retry loop on the same file")
    }

    @Test func checkCommandPrintsTheReportAndFailsWhenSomethingIsMissing() throws {
        let directory = try makeTemporaryDirectory(prefix: "check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let complete = "\(directory)/complete.pdf"
        let undated = "\(directory)/undated.pdf"
        try PDFFixture.make(pages: FormFixture.initial(organisation: Self.organisation)).write(
            to: URL(fileURLWithPath: complete))
        try PDFFixture.make(pages: FormFixture.initial(organisation: Self.organisation, leaderDate: nil))
            .write(to: URL(fileURLWithPath: undated))

        let good = try runProcess(ServiceFixture.executable, ["check", "--institution", Self.organisation, complete])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Initial (Stage 1)"))
        let bad = try runProcess(ServiceFixture.executable, ["check", undated])
        #expect(bad.status == 1)
        #expect(bad.stdout.uppercased().contains("MISSING"))
        let broken = "\(directory)/broken.pdf"
        try PDFFixture.truncated().write(to: URL(fileURLWithPath: broken))
        #expect(try runProcess(ServiceFixture.executable, ["check", broken]).status == 3)
    }

    /// A delivered message's body, decoded, with its line wrapping undone.
    func unfolded(_ message: String) -> String {
        TestMessage.body(of: message).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
