import Archive
import Foundation
import TestSupport
import Testing

/// The coordinator's view of an archive the service filed through the real lab.
@Suite(.serialized) struct CoordinatorViewTests {
    func filed() throws -> (MailLab, ServiceFixture, SubmissionRecord) { try ServiceFixture.withFiledForm() }

    @Test func statusAndShowDescribeTheSubmission() throws {
        let (_, service, record) = try filed()
        let status = try service.tcreview(["status", "--all"])
        #expect(status.status == 0)
        #expect(status.stdout.contains(record.reference))
        #expect(status.stdout.contains("Liverpool John Moores University"))
        #expect(status.stdout.contains("ben@reviewers.test"))
        #expect(!status.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        let show = try service.tcreview(["show", record.reference])
        #expect(show.status == 0)
        #expect(show.stdout.contains("jane@ljmu.test"))
        #expect(show.stdout.contains("filed"), "the journal")
        #expect(try service.tcreview(["show", "TC-1999-01-NONE"]).status == 1)
    }

    @Test func indexPagesListTheSubmissionWithLinksThatResolve() throws {
        let (_, service, record) = try filed()
        let front = try String(contentsOfFile: "\(service.archive)/index.html", encoding: .utf8)
        let window = SubmissionWindow(containing: record.year, month: record.month).description
        #expect(front.contains("href=\"windows/\(window).html\""), "the window's page, from the front page")
        let html = try String(contentsOfFile: "\(service.archive)/windows/\(window).html", encoding: .utf8)
        #expect(html.contains(record.reference))
        #expect(html.lowercased().components(separatedBy: "<script").count == 2, "only the script that sorts tables")
        #expect(
            FileManager.default.fileExists(atPath: "\(service.folder(of: record))/index.html"), "its page, by serve")
        var links = 0
        for match in html.matches(of: /href="([^"#]+)"/) {
            let target = String(match.1).removingPercentEncoding ?? String(match.1)
            #expect(
                FileManager.default.fileExists(atPath: "\(service.archive)/windows/\(target)"), "\(target) exists")
            links += 1
        }
        #expect(links >= 4, "links to the submission's page, its institution's, the PDF and the pre-screen")
        let csv = try String(contentsOfFile: "\(service.archive)/index.csv", encoding: .utf8)
        #expect(csv.contains(record.reference))
        #expect(FileManager.default.fileExists(atPath: "\(service.folder(of: record))/summary.txt"))
    }

    @Test func verifyCatchesAnAlteredFileAndAMissingOne() throws {
        let (_, service, record) = try filed()
        #expect(try service.tcreview(["verify"]).status == 0)
        let folder = service.folder(of: record)
        let pdf = try #require(record.files.first { $0.role == "submission" })
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(pdf.name)"))
        try FileManager.default.removeItem(atPath: "\(folder)/text.txt")
        let result = try service.tcreview(["verify"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(pdf.name): altered"))
        #expect(result.stdout.contains("text.txt: missing"))
    }

    @Test func dueOnAFixedClockShowsWhoSentTheirStageAndWhoIsLate() throws {
        let (_, service, record) = try filed()
        // LJMU joined 2017-05: Stage 1 in the July 2018 window, Stage 2 July 2021, Stage 3 July 2024.
        let result = try service.tcreview(["due", "--now", "2024-09-01T09:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let ljmu = result.stdout.split(separator: "\n").filter { $0.contains("(LJMU)") && $0.contains("2024-07") }
        #expect(ljmu.count == 1)
        #expect(ljmu.first?.contains("sent") == true)
        #expect(ljmu.first?.contains(record.reference) == true)
        #expect(result.stdout.contains("late"), "other institutions sent nothing")
    }
}

/// Leads are reminded before a window closes, once, when their institution owes a stage.
@Suite struct LeadReminderTests {
    @Test func leadWhoOwesAStageIsRemindedOnceBeforeTheWindowCloses() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, sections: "[deadlines]\nremind-leads-weeks = 4\n")
        // LJMU joined 2017-05, so Stage 3 is due in the window that closes at the end of July 2024.
        for day in ["2024-06-20", "2024-07-05", "2024-07-06"] {
            let result = try service.tcreview(["remind", "--now", "\(day)T09:00:00Z"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let mails = service.sent(to: "lead@ljmu.test")
        #expect(mails.count == 1, "once, and not before four weeks ahead")
        #expect(TestMessage.header("Subject", in: mails.first ?? "")?.contains("Stage 3") == true)
        #expect(service.sent(to: "arweinydd@aber.test").isEmpty, "Aberystwyth owes nothing in that window")
        #expect(lab.waitForMessages("lead@ljmu.test").count >= 1, "and it arrives")
    }
}
