import Archive
import Foundation
import TestSupport
import Testing

/// Messages that cannot be filed are kept, explained politely to the sender, and reported to the coordinators.
@Suite(.serialized) struct QuarantineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var attachments: [TestMessage.Attachment]
        var reasonInSubject: String
        var adviceInBody: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "no attachment", attachments: [], reasonInSubject: "no attachment",
            adviceInBody: "attached as a single PDF file"),
        Case(
            name: "a Word document",
            attachments: [
                .init(
                    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    disposition: "attachment; filename=\"LJMU July 2024.docx\"",
                    data: Data("PK\u{3}\u{4} not really word".utf8))
            ],
            reasonInSubject: "not a PDF", adviceInBody: "export the form as a PDF"),
        Case(
            name: "an encrypted PDF",
            attachments: [
                .init(
                    contentType: "application/pdf", disposition: "attachment; filename=\"LJMU July 2024.pdf\"",
                    data: PDFFixture.encrypted())
            ],
            reasonInSubject: "password-protected", adviceInBody: "without a password"),
        Case(
            name: "a truncated PDF",
            attachments: [
                .init(
                    contentType: "application/pdf", disposition: "attachment; filename=\"LJMU July 2024.pdf\"",
                    data: PDFFixture.truncated())
            ],
            reasonInSubject: "could not be opened", adviceInBody: "export the PDF again"),
    ]

    @Test(arguments: cases)
    func unfileableMessageIsKeptExplainedAndReported(_ testCase: Case) throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.make(messageID: "<q@ljmu.test>", attachments: testCase.attachments)
        try lab.send(message, from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        #expect(try service.records().isEmpty)
        let kept = try #require(try service.quarantined().first)
        #expect(kept.status == "quarantined")
        let folder =
            ArchiveLayout(root: service.archive).quarantineFolder(year: kept.year, month: kept.month)
            + "/\(kept.reference)"
        let eml = try String(contentsOfFile: "\(folder)/message.eml", encoding: .utf8)
        #expect(eml.contains("Message-ID: <q@ljmu.test>"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/reason.txt"))
        #expect(try lab.uids(in: "INBOX").isEmpty, "the message is marked processed on the server")

        let reply = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(TestMessage.header("Subject", in: reply)?.contains(testCase.reasonInSubject) == true)
        #expect(
            reply.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: " ").contains(
                testCase.adviceInBody))
        #expect(TestMessage.header("In-Reply-To", in: reply) == "<q@ljmu.test>")
        let notice = try #require(lab.waitForMessages("coordinator@lab.test").first)
        #expect(notice.contains(kept.reference))
        #expect(notice.contains("Kept in quarantine"))
    }

    @Test func messageOverTheSizeLimitStaysOnTheServerAndItsHeaderIsKept() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, service: ["max-message-size = 20000"])
        let big = PDFFixture.make(pages: ["Big"], padding: 60_000)
        try lab.send(TestMessage.submission(pdf: big, messageID: "<big@ljmu.test>"), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let kept = try #require(try service.quarantined().first)
        #expect(kept.files.map(\.name) == ["headers.eml"])
        #expect(kept.files[0].size < 20000)
        #expect(try lab.uids(in: "Filed").count == 1, "the whole message is still on the server")
        let reply = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(TestMessage.header("Subject", in: reply)?.contains("too large") == true)
    }

    @Test func pdfBesideAPasswordProtectedOneIsFiledAndTheOtherIsMentioned() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.make(attachments: [
            .init(
                contentType: "application/pdf", disposition: "attachment; filename=\"LJMU July 2024.pdf\"",
                data: PDFFixture.make(pages: ["Plan"])),
            .init(
                contentType: "application/pdf", disposition: "attachment; filename=\"Appendix B.pdf\"",
                data: PDFFixture.encrypted()),
        ])
        try lab.send(message, from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let record = try #require(try service.records().first)
        #expect(record.files.filter { $0.role == "submission" }.map(\.name) == ["LJMU July 2024.pdf"])
        let confirmation = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(TestMessage.body(of: confirmation).contains("Appendix B.pdf is protected by a password"))
    }
}
