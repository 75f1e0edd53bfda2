import Foundation
import MIME
import TestSupport
import Testing

@Suite struct MessageParserTests {
    let folder = TemporaryDirectory()
    let pdf = PDFFixture.make(pages: ["Liverpool John Moores University", "Action plan"], title: "LJMU July 2024")

    private func parse(_ text: String) throws -> ParsedMessage {
        try MessageFixtures.parse(MessageFixtures.wire(text), in: folder)
    }

    /// A mixed message: a text part, then one attachment part with the given headers and body.
    private func mixed(attachmentHeaders: String, attachmentBody: String, subject: String = "LJMU July 2024") -> String
    {
        """
        From: Tom Lead <lead@ljmu.ac.uk>
        To: tc@example.org
        Subject: \(subject)
        Date: Mon, 15 Jul 2024 10:30:00 +0100
        Message-ID: <sub-1@mail.ljmu.ac.uk>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Please find our self-assessment attached.
        --b1
        \(attachmentHeaders)

        \(attachmentBody)
        --b1--

        """
    }

    @Test func base64PDFAttachmentIsDecodedToItsOriginalBytes() throws {
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/pdf; name="LJMU_07_2024.pdf"
                    Content-Disposition: attachment; filename="LJMU_07_2024.pdf"
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(pdf)))
        try #require(message.attachments.count == 1)
        let part = message.attachments[0]
        #expect(part.contentType == "application/pdf")
        #expect(part.fileName == "LJMU_07_2024.pdf")
        #expect(part.path == folder.file("message-parts/part-1"))
        #expect(part.size == pdf.count)
        #expect(part.hasPDFSignature)
        #expect(MessageFixtures.bytes(of: part) == pdf)
        #expect(message.plainText?.hasPrefix("Please find our self-assessment attached.") == true)
    }

    @Test func octetStreamNamedPDFKeepsItsNameAndType() throws {
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/octet-stream; name="LJMU July 2024.pdf"
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(pdf)))
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].contentType == "application/octet-stream")
        #expect(message.attachments[0].fileName == "LJMU July 2024.pdf")
        #expect(MessageFixtures.bytes(of: message.attachments[0]) == pdf)
    }

    @Test func unnamedOctetStreamIsRecognisedByItsPDFSignature() throws {
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/octet-stream
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(pdf)))
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].fileName == nil)
        #expect(message.attachments[0].hasPDFSignature)
        #expect(MessageFixtures.bytes(of: message.attachments[0]) == pdf)
    }

    @Test func attachmentWithoutThePDFHeaderHasNoPDFSignature() throws {
        let notPDF = Data("PK\u{3}\u{4} a zip file, not a PDF".utf8)
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/pdf; name="plan.pdf"
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(notPDF)))
        try #require(message.attachments.count == 1)
        #expect(!message.attachments[0].hasPDFSignature)
        #expect(message.attachments[0].size == notPDF.count)
    }

    @Test func alternativeInsideMixedGivesBothBodiesAndTheAttachment() throws {
        let message = try parse(
            """
            From: lead@ljmu.ac.uk
            To: tc@example.org
            Subject: LJMU July 2024
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Plain words.
            --alt
            Content-Type: text/html; charset=utf-8

            <p>HTML words.</p>
            --alt--
            --outer
            Content-Type: application/pdf; name="LJMU_07_2024.pdf"
            Content-Transfer-Encoding: base64

            \(MessageFixtures.base64Lines(pdf))
            --outer--
            """)
        #expect(message.plainText?.hasPrefix("Plain words.") == true)
        #expect(message.htmlText?.contains("<p>HTML words.</p>") == true)
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].fileName == "LJMU_07_2024.pdf")
        #expect(MessageFixtures.bytes(of: message.attachments[0]) == pdf)
    }

    @Test func pdfInsideAForwardedMessageIsFound() throws {
        let message = try parse(
            """
            From: Forwarder <office@ljmu.ac.uk>
            To: tc@example.org
            Subject: Fwd: LJMU July 2024
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Forwarding our lead's submission.
            --outer
            Content-Type: message/rfc822

            From: Tom Lead <lead@ljmu.ac.uk>
            Subject: LJMU July 2024
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            The inner message.
            --inner
            Content-Type: application/pdf; name="LJMU_07_2024.pdf"
            Content-Disposition: attachment; filename="LJMU_07_2024.pdf"
            Content-Transfer-Encoding: base64

            \(MessageFixtures.base64Lines(pdf))
            --inner--
            --outer--
            """)
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].fileName == "LJMU_07_2024.pdf")
        #expect(MessageFixtures.bytes(of: message.attachments[0]) == pdf)
        #expect(message.plainText?.hasPrefix("Forwarding") == true)
        #expect(message.from.first?.address == "office@ljmu.ac.uk")
    }

    /// A PDF inside `levels` forwarded messages, each a message/rfc822 part of the one around it.
    private func forwarded(levels: Int) -> String {
        var inner = """
            From: Tom Lead <lead@ljmu.ac.uk>
            Subject: LJMU July 2024
            MIME-Version: 1.0
            Content-Type: application/pdf; name="LJMU_07_2024.pdf"
            Content-Disposition: attachment; filename="LJMU_07_2024.pdf"
            Content-Transfer-Encoding: base64

            \(MessageFixtures.base64Lines(pdf))
            """
        for level in 0..<levels {
            inner = """
                From: Forwarder \(level) <office@ljmu.ac.uk>
                Subject: Fwd
                MIME-Version: 1.0
                Content-Type: message/rfc822

                \(inner)
                """
        }
        return inner
    }

    @Test func aPDFForwardedTwentyTimesIsStillFound() throws {
        let message = try parse(forwarded(levels: 20))
        #expect(message.attachments.count == 1)
        #expect(!message.nestedTooDeep)
    }

    @Test func partsNestedDeeperThanTheParserOpensAreReportedNotTakenForNoAttachment() throws {
        let message = try parse(forwarded(levels: 60))
        #expect(message.attachments.isEmpty)
        #expect(message.nestedTooDeep)
    }

    @Test func quotedPrintableTextIsDecodedToUTF8() throws {
        let message = try parse(
            """
            From: lead@aber.ac.uk
            Subject: Hunanasesiad
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Diolch yn fawr =E2=80=94 caf=C3=A9 and a soft=
             break.
            """)
        #expect(message.plainText?.hasPrefix("Diolch yn fawr — café and a soft break.") == true)
    }

    @Test func quotedPrintablePDFIsDecodedToItsOriginalBytes() throws {
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/pdf; name="plan.pdf"
                    Content-Transfer-Encoding: quoted-printable
                    """,
                attachmentBody: MessageFixtures.quotedPrintable(pdf)))
        try #require(message.attachments.count == 1)
        #expect(MessageFixtures.bytes(of: message.attachments[0]) == pdf)
    }

    @Test func latin1TextIsDecodedToUTF8() throws {
        let message = try parse(
            """
            From: lead@aber.ac.uk
            Subject: Latin-1
            MIME-Version: 1.0
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Caf=E9
            """)
        #expect(message.plainText?.hasPrefix("Café") == true)
    }

    @Test func encodedWordSubjectIsDecoded() throws {
        let subject = "Prifysgol Glyndŵr — Gorffennaf 2024"
        let message = try parse(
            mixed(
                attachmentHeaders: "Content-Type: application/pdf; name=\"a.pdf\"\nContent-Transfer-Encoding: base64",
                attachmentBody: MessageFixtures.base64Lines(pdf), subject: MessageFixtures.encodedWord(subject)))
        #expect(message.subject == subject)
    }

    @Test func encodedWordFileNameIsDecoded() throws {
        let name = "Hunanasesiad Glyndŵr Gorffennaf 2024.pdf"
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/pdf; name="\(MessageFixtures.encodedWord(name))"
                    Content-Disposition: attachment; filename="\(MessageFixtures.encodedWord(name))"
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(pdf)))
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].fileName == name)
    }

    @Test func rfc2231FileNameIsDecoded() throws {
        let message = try parse(
            mixed(
                attachmentHeaders: """
                    Content-Type: application/pdf
                    Content-Disposition: attachment; filename*=UTF-8''Prifysgol%20Aberystwyth%20Gorffennaf%202024.pdf
                    Content-Transfer-Encoding: base64
                    """,
                attachmentBody: MessageFixtures.base64Lines(pdf)))
        try #require(message.attachments.count == 1)
        #expect(message.attachments[0].fileName == "Prifysgol Aberystwyth Gorffennaf 2024.pdf")
    }

    @Test func envelopeFieldsAreRead() throws {
        let message = try parse(
            """
            From: =?UTF-8?Q?Si=C3=A2n_Jones?= <sian@aber.ac.uk>
            To: tc@example.org
            Cc: "Lead, Deputy" <deputy@aber.ac.uk>
            Reply-To: office@aber.ac.uk
            Subject: Aberystwyth July 2024
            Date: Mon, 15 Jul 2024 10:30:00 +0100
            Message-ID: <CAB123.456@mail.aber.ac.uk>
            MIME-Version: 1.0
            Content-Type: text/plain

            Hello.
            """)
        #expect(message.from == [MailAddress(name: "Siân Jones", address: "sian@aber.ac.uk")])
        #expect(message.to.map(\.address) == ["tc@example.org"])
        #expect(message.cc == [MailAddress(name: "Lead, Deputy", address: "deputy@aber.ac.uk")])
        #expect(message.replyTo.map(\.address) == ["office@aber.ac.uk"])
        #expect(message.messageID == "CAB123.456@mail.aber.ac.uk")
        #expect(message.date == Date(timeIntervalSince1970: 1_721_035_800))
    }

    @Test func groupAddressesAreFlattenedToTheirMembers() throws {
        let message = try parse(
            """
            From: lead@aber.ac.uk
            To: Coordinators: one@example.org, two@example.org;
            Subject: Group
            Content-Type: text/plain

            Hello.
            """)
        #expect(message.to.map(\.address) == ["one@example.org", "two@example.org"])
    }

    @Test func referencesAndInReplyToAreReadWithoutBrackets() throws {
        let message = try parse(
            """
            From: lead@ljmu.ac.uk
            To: tc@example.org
            Subject: Re: Received: LJMU July 2024
            Message-ID: <reply-2@ljmu.ac.uk>
            In-Reply-To: <confirm-1@example.org>
            References: <sub-1@ljmu.ac.uk>
             <confirm-1@example.org>
            Content-Type: text/plain

            Thanks.
            """)
        #expect(message.inReplyTo == "confirm-1@example.org")
        #expect(message.references == ["sub-1@ljmu.ac.uk", "confirm-1@example.org"])
    }

    @Test func messageWithoutAttachmentHasOnlyItsText() throws {
        let message = try parse(
            """
            From: lead@ljmu.ac.uk
            To: tc@example.org
            Subject: When is the deadline?
            Content-Type: text/plain; charset=utf-8

            Could you tell us the July deadline?
            """)
        #expect(message.attachments.isEmpty)
        #expect(message.plainText?.hasPrefix("Could you tell us the July deadline?") == true)
        #expect(folder.contents(of: "message-parts").isEmpty)
    }

    @Test func everyTopLevelHeaderIsKeptInOrder() throws {
        let message = try parse(
            """
            Return-Path: <lead@ljmu.ac.uk>
            From: lead@ljmu.ac.uk
            Auto-Submitted: auto-replied
            Subject: Out of office
            Content-Type: text/plain

            Away.
            """)
        #expect(message.headers.map(\.name).prefix(4) == ["Return-Path", "From", "Auto-Submitted", "Subject"])
        #expect(message.header("auto-submitted") == "auto-replied")
        #expect(message.header("X-Missing") == nil)
    }

    @Test func headersAloneAreReadWithoutExtractingParts() throws {
        let file = try folder.write(
            MessageFixtures.wire(
                mixed(
                    attachmentHeaders:
                        "Content-Type: application/pdf; name=\"a.pdf\"\nContent-Transfer-Encoding: base64",
                    attachmentBody: MessageFixtures.base64Lines(pdf))), to: "only-headers.eml")
        let message = try MessageParser.headers(file: file)
        #expect(message.subject == "LJMU July 2024")
        #expect(message.messageID == "sub-1@mail.ljmu.ac.uk")
        #expect(message.attachments.isEmpty)
        #expect(folder.contents() == ["only-headers.eml"])
    }

    @Test func missingFileIsReportedAsUnreadable() throws {
        let missing = folder.file("no-such.eml")
        let error = #expect(throws: MIMEError.self) {
            try MessageParser.parse(file: missing, extractingTo: folder.path)
        }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == missing)
    }

    @Test func messageIDsAreTakenFromAngleBrackets() {
        #expect(MessageParser.messageIDs(in: "<a@x> junk <b@y>  <>") == ["a@x", "b@y"])
        #expect(MessageParser.messageIDs(in: "no brackets").isEmpty)
    }
}
