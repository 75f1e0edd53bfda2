import Archive
import Foundation
import TestSupport
import Testing

/// A submission emailed to tc@ is filed by institution, year and month, and confirmed: through real servers.
@Suite(.serialized) struct FilingTests {
    let pdf = PDFFixture.make(pages: ["Organisation: Liverpool John Moores University", "Action plan"])

    @Test func submissionIsFiledByInstitutionYearMonthAndConfirmedInThread() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(pdf: pdf, messageID: "<first@ljmu.test>"), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let records = try service.records()
        try #require(records.count == 1)
        let record = records[0]
        #expect(record.reference == "TC-2024-07-LJMU")
        #expect(record.institution == "Liverpool John Moores University")
        #expect(record.identifiedBy == "file name")
        #expect(record.periodFrom == "title")
        let folder = service.folder(of: record)
        #expect(folder.hasSuffix("/Liverpool John Moores University/2024/07-July/TC-2024-07-LJMU"))
        let filedPDF = try Data(
            contentsOf: URL(fileURLWithPath: "\(folder)/Liverpool John Moores University July 2024.pdf"))
        #expect(filedPDF == pdf)
        let pdfEntry = try #require(record.files.first { $0.role == "submission" })
        #expect(pdfEntry.pages == 2)
        #expect(pdfEntry.sha256 == (try SHA256Hex.of(filedPDF)))

        // The .eml is the message byte for byte as the server holds it, and it moved to Filed.
        #expect(try lab.uids(in: "INBOX").isEmpty)
        let filedUID = try #require(try lab.uids(in: "Filed").first)
        let onServer = try lab.fetch(uid: filedUID, mailbox: "Filed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/message.eml")) == onServer)

        let confirmation = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(TestMessage.header("Subject", in: confirmation)?.contains("[TC-2024-07-LJMU]") == true)
        #expect(TestMessage.header("In-Reply-To", in: confirmation) == "<first@ljmu.test>")
        #expect(TestMessage.header("References", in: confirmation) == "<first@ljmu.test>")
        #expect(TestMessage.header("Auto-Submitted", in: confirmation) == "auto-replied")
        #expect(TestMessage.header("Cc", in: confirmation) == "lead@ljmu.test")
        let body = TestMessage.body(of: confirmation)
        #expect(body.contains("Liverpool John Moores University July 2024.pdf"))
        #expect(body.contains("SHA-256 \(pdfEntry.sha256)"))
        #expect(body.contains("2 pages"))
        #expect(service.sent(to: "lead@ljmu.test").count == 1)
        // Nothing needed a coordinator.
        #expect(lab.messages(for: "coordinator@lab.test").isEmpty)
    }

    @Test func shortCodeFileNameAndSubjectTitleAndSenderDomainEachIdentify() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(fileName: "LJMU_07_2024.pdf", pdf: pdf), from: "jane@ljmu.test")
        try lab.send(
            TestMessage.submission(
                fileName: "plan.pdf", pdf: pdf, from: "Owain <owain@gmail.test>", subject: "ABER/January/2025"),
            from: "owain@gmail.test")
        try lab.send(
            TestMessage.submission(
                fileName: "self assessment final.pdf", pdf: pdf, from: "Sam <sam@staff.testshire.test>"),
            from: "sam@staff.testshire.test")
        try lab.waitForInbox(count: 3)
        try service.runOnce()

        let byReference = Dictionary(uniqueKeysWithValues: try service.records().map { ($0.reference, $0) })
        #expect(byReference["TC-2024-07-LJMU"]?.identifiedBy == "file name")
        #expect(byReference["TC-2025-01-ABER"]?.identifiedBy == "subject")
        let bySender = try #require(byReference.values.first { $0.institutionShort == "UOT" })
        #expect(bySender.identifiedBy == "sender domain")
        #expect(bySender.periodFrom == "received")
    }

    @Test func welshNameInRFC2231FileNameAndEncodedSubjectIsFiledUnderItsInstitution() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.make(
            from: "=?UTF-8?Q?Si=C3=A2n_Jones?= <sian@aber.test>",
            subject: "=?UTF-8?B?\(Data("Hunanasesiad – Prifysgol Aberystwyth".utf8).base64EncodedString())?=",
            attachments: [
                .init(
                    contentType: "application/octet-stream",
                    disposition:
                        "attachment; filename*=UTF-8''Prifysgol%20Aberystwyth%20Gorffennaf%202024%20%E2%80%93%20terfynol.pdf",
                    data: pdf)
            ])
        try lab.send(message, from: "sian@aber.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let record = try #require(try service.records().first)
        #expect(record.reference == "TC-2024-07-ABER")
        #expect(record.senderName == "Siân Jones")
        #expect(record.subject == "Hunanasesiad – Prifysgol Aberystwyth")
        let pdfName = try #require(record.files.first { $0.role == "submission" }?.name)
        #expect(pdfName == "Prifysgol Aberystwyth Gorffennaf 2024 – terfynol.pdf")
        #expect(FileManager.default.fileExists(atPath: "\(service.folder(of: record))/\(pdfName)"))
        let confirmation = try #require(lab.waitForMessages("sian@aber.test").first)
        // The name is encoded (RFC 2047), not sent as raw UTF-8 in the header.
        #expect(TestMessage.header("To", in: confirmation)?.contains("=?") == true)
        #expect(TestMessage.body(of: confirmation).contains("Dear Siân Jones"))
    }

    @Test func pdfsInsideForwardedMessagesAndUntypedAttachmentsAreFound() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let inner = TestMessage.submission(fileName: "LJMU July 2024.pdf", pdf: pdf)
        let forwarded = TestMessage.make(
            subject: "Fwd: our submission",
            attachments: [.init(contentType: "message/rfc822", disposition: "inline", data: inner, verbatim: true)])
        try lab.send(forwarded, from: "jane@ljmu.test")
        let untyped = TestMessage.make(
            from: "Sam <sam@testshire.test>", subject: "University of Testshire July 2024",
            attachments: [.init(contentType: "application/octet-stream", disposition: nil, data: pdf)])
        try lab.send(untyped, from: "sam@testshire.test")
        try lab.waitForInbox(count: 2)
        try service.runOnce()

        let references = Set(try service.records().map(\.reference))
        #expect(references == ["TC-2024-07-LJMU", "TC-2024-07-UOT"])
    }

    @Test func unrecognisedSubmissionIsFiledAsUnidentifiedAndCoordinatorsAreTold() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(
            TestMessage.submission(fileName: "Self assessment July 2024.pdf", pdf: pdf, from: "x@elsewhere.test"),
            from: "x@elsewhere.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let record = try #require(try service.records().first)
        #expect(record.institution == nil)
        #expect(record.reference.hasPrefix("TC-2024-07-UNIDENTIFIED-"))
        #expect(service.folder(of: record).contains("/_Unidentified/2024/07-July/"))
        let notice = try #require(lab.waitForMessages("coordinator@lab.test").first)
        #expect(notice.contains("institution not recognised"))
        #expect(notice.contains(record.reference))
        let confirmation = try #require(lab.waitForMessages("x@elsewhere.test").first)
        #expect(TestMessage.body(of: confirmation).contains("not yet recognised"))
    }

    @Test func secondSubmissionInTheSameMonthBecomesVersionTwoAndKeepsTheFirst() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let corrected = PDFFixture.make(pages: ["Organisation: Liverpool John Moores University", "Corrected plan"])
        try lab.send(TestMessage.submission(pdf: corrected), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let records = try service.records().sorted { $0.version < $1.version }
        #expect(records.map(\.reference) == ["TC-2024-07-LJMU", "TC-2024-07-LJMU-v2"])
        #expect(records.map(\.version) == [1, 2])
        let first = try Data(
            contentsOf: URL(
                fileURLWithPath: "\(service.folder(of: records[0]))/Liverpool John Moores University July 2024.pdf"))
        #expect(first == pdf)
        let confirmations = lab.waitForMessages("jane@ljmu.test", count: 2)
        #expect(confirmations.count == 2)
        #expect(confirmations.contains { $0.contains("Version:            2") })
    }

    @Test func keywordModeMarksMessagesInPlaceAndDoesNotRefileThem() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, filedFolder: nil)
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        try service.runOnce()

        #expect(try service.records().count == 1)
        #expect(try lab.uids(in: "INBOX").count == 1)
        let flagged = try lab.imap("UID SEARCH KEYWORD $TCReviewFiled")
        #expect(flagged.contains("SEARCH 1"))
        #expect(service.sent(to: "jane@ljmu.test").count == 1)
    }
}
