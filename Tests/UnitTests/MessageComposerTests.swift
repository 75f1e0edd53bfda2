import Foundation
import TestSupport
import Testing

@testable import MIME

@Suite struct MessageComposerTests {
    let folder = TemporaryDirectory()

    /// A confirmation as the service sends one; change what a test is about.
    private func confirmation(
        subject: String = "Received: LJMU July 2024", fromName: String? = "Technician Commitment",
        to: MailAddress = MailAddress(name: "Tom Lead", address: "lead@ljmu.ac.uk"),
        body: String = "We have filed your submission.\nReference: LJMU-2024-07-1\n",
        attachments: [OutgoingMessage.Attachment] = []
    ) -> OutgoingMessage {
        OutgoingMessage(
            from: MailAddress(name: fromName, address: "tc@example.org"), to: [to],
            cc: [MailAddress(address: "coord@example.org")], subject: subject, messageID: "confirm-1@example.org",
            date: Date(timeIntervalSince1970: 1_721_035_800), inReplyTo: "sub-1@mail.ljmu.ac.uk",
            references: ["first@ljmu.ac.uk", "sub-1@mail.ljmu.ac.uk"], body: body, attachments: attachments)
    }

    /// The header section of composed bytes, one string per physical line.
    private func headerLines(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return head.components(separatedBy: "\r\n")
    }

    private func readBack(_ data: Data) throws -> ParsedMessage {
        try MessageFixtures.parse(data, in: folder, name: "composed")
    }

    @Test func everyLineEndsInCRLF() throws {
        let data = try MessageComposer.compose(confirmation(body: "one\ntwo\r\nthree\rfour\n"))
        let bytes = [UInt8](data)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at byte \(index)")
        }
    }

    @Test func bodyLinesSurviveTheTripThroughTheParser() throws {
        let data = try MessageComposer.compose(confirmation(body: "one\ntwo\r\nthree\n"))
        let parsed = try readBack(data)
        let lines = parsed.plainText?.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
        #expect(lines == ["one", "two", "three"])
    }

    @Test func nonASCIISubjectAndNamesAreEncodedSoTheMessageIsASCII() throws {
        let outgoing = confirmation(
            subject: "Derbyniwyd: Prifysgol Glyndŵr — Gorffennaf 2024", fromName: "Ymrwymiad Technegwyr",
            to: MailAddress(name: "Siân Jones", address: "sian@glyndwr.ac.uk"), body: "Diolch — café.\n")
        let data = try MessageComposer.compose(outgoing)
        #expect(data.allSatisfy { $0 < 0x80 })
        #expect(headerLines(data).contains { $0.contains("=?") })

        let parsed = try readBack(data)
        #expect(parsed.subject == outgoing.subject)
        #expect(parsed.to.first?.name == "Siân Jones")
        #expect(parsed.from.first == MailAddress(name: "Ymrwymiad Technegwyr", address: "tc@example.org"))
        #expect(parsed.plainText?.hasPrefix("Diolch — café.") == true)
    }

    @Test func lineBreakInTheSubjectCannotAddABccHeader() throws {
        let data = try MessageComposer.compose(confirmation(subject: "LJMU July 2024\r\nBcc: evil@x.example"))
        #expect(!headerLines(data).contains { $0.lowercased().hasPrefix("bcc:") })
        let parsed = try readBack(data)
        #expect(parsed.header("Bcc") == nil)
        #expect(parsed.subject?.contains("Bcc: evil@x.example") == true)
    }

    @Test func lineBreakInADisplayNameCannotAddAHeader() throws {
        let data = try MessageComposer.compose(
            confirmation(to: MailAddress(name: "Tom\r\nBcc: evil@x.example", address: "lead@ljmu.ac.uk")))
        #expect(!headerLines(data).contains { $0.lowercased().hasPrefix("bcc:") })
        #expect(try readBack(data).header("Bcc") == nil)
    }

    @Test(arguments: [
        "lead@ljmu.ac.uk\r\nBcc: evil@x.example", "lead@ljmu.ac.uk\n", "a b@ljmu.ac.uk", "<lead@ljmu.ac.uk>", "",
    ])
    func addressWithLineBreakOrSpaceIsRefused(address: String) {
        #expect(throws: MIMEError.unsafeAddress(address)) {
            try MessageComposer.compose(confirmation(to: MailAddress(address: address)))
        }
    }

    @Test func aUTF8AddressIsAPlainMailboxAndIsWritten() throws {
        let data = try MessageComposer.compose(
            confirmation(to: MailAddress(name: "José García", address: "josé@ljmu.ac.uk")))
        #expect(headerLines(data).contains { $0.hasPrefix("To:") && $0.contains("ljmu.ac.uk") })
    }

    @Test func messageIDWithLineBreakIsRefused() {
        var outgoing = confirmation()
        outgoing.inReplyTo = "sub-1@x\r\nBcc: evil@x.example"
        #expect(throws: MIMEError.unsafeHeader(name: "Message-ID")) {
            try MessageComposer.compose(outgoing)
        }
    }

    @Test func threadingAndAutoSubmittedHeadersArePresent() throws {
        let parsed = try readBack(try MessageComposer.compose(confirmation()))
        #expect(parsed.header("Auto-Submitted") == "auto-replied")
        #expect(parsed.messageID == "confirm-1@example.org")
        #expect(parsed.inReplyTo == "sub-1@mail.ljmu.ac.uk")
        #expect(parsed.references == ["first@ljmu.ac.uk", "sub-1@mail.ljmu.ac.uk"])
        #expect(parsed.cc.map(\.address) == ["coord@example.org"])
        #expect(parsed.date == Date(timeIntervalSince1970: 1_721_035_800))
    }

    @Test func messageWithoutAttachmentsIsASinglePlainTextPart() throws {
        let data = try MessageComposer.compose(confirmation())
        let head = headerLines(data).joined(separator: "\n").lowercased()
        #expect(head.contains("content-type: text/plain"))
        #expect(!head.contains("multipart"))
    }

    @Test func attachmentsMakeAMixedMessageThatParsesBackIdentically() throws {
        let first = PDFFixture.make(pages: ["Feedback for LJMU"])
        let second = PDFFixture.make(pages: ["Rubric", "Scores"], padding: 3000)
        let firstPath = try folder.write(first, to: "feedback.pdf")
        let secondPath = try folder.write(second, to: "rubric.pdf")
        let data = try MessageComposer.compose(
            confirmation(attachments: [
                .init(path: firstPath, fileName: "Feedback LJMU July 2024.pdf"),
                .init(path: secondPath, fileName: "Cyfarwyddyd Glyndŵr.pdf"),
            ]))
        let head = headerLines(data).joined(separator: "\n").lowercased()
        #expect(head.contains("multipart/mixed"))
        #expect(String(decoding: data, as: UTF8.self).lowercased().contains("content-transfer-encoding: base64"))
        #expect(data.allSatisfy { $0 < 0x80 })

        let parsed = try readBack(data)
        try #require(parsed.attachments.count == 2)
        #expect(parsed.attachments.map(\.contentType) == ["application/pdf", "application/pdf"])
        #expect(parsed.attachments.map(\.fileName) == ["Feedback LJMU July 2024.pdf", "Cyfarwyddyd Glyndŵr.pdf"])
        #expect(MessageFixtures.bytes(of: parsed.attachments[0]) == first)
        #expect(MessageFixtures.bytes(of: parsed.attachments[1]) == second)
        #expect(parsed.plainText?.hasPrefix("We have filed your submission.") == true)
    }

    @Test func missingAttachmentFileIsReportedAsUnreadable() {
        let missing = folder.file("gone.pdf")
        let error = #expect(throws: MIMEError.self) {
            try MessageComposer.compose(confirmation(attachments: [.init(path: missing, fileName: "gone.pdf")]))
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == missing)
    }

    @Test func singleLineTurnsControlCharactersIntoSpaces() {
        #expect(MessageComposer.singleLine("a\r\nb\tc\u{0}d") == "a  b c d")
    }

    @Test func safeTokenIsPrintableASCIIWithoutSpacesOrBrackets() {
        #expect(MessageComposer.isSafeToken("confirm-1@example.org"))
        #expect(!MessageComposer.isSafeToken("a b@x"))
        #expect(!MessageComposer.isSafeToken("<a@x>"))
        #expect(!MessageComposer.isSafeToken("sian@glyndŵr.ac.uk"))
        #expect(!MessageComposer.isSafeToken(String(repeating: "a", count: 999)))
        #expect(!MessageComposer.isSafeToken(""))
    }
}
