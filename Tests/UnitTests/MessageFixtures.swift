import Foundation
import MIME
import TestSupport

/// Small builders for the raw messages the MIME tests parse.
enum MessageFixtures {
    /// A message as it travels: every line ending CRLF.
    static func wire(_ text: String) -> Data {
        Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// A submission as a lead's mail client sends it: a short text and the PDF attached.
    static func submission(
        pdf: Data, fileName: String = "LJMU self-assessment.pdf", messageID: String = "<form-1@ljmu.test>"
    ) -> Data {
        wire(
            """
            From: Jane Lead <jane@ljmu.test>
            To: tc@example.org
            Subject: LJMU self-assessment
            Message-ID: \(messageID)
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Our self-assessment is attached.
            --b
            Content-Type: application/pdf; name="\(fileName)"
            Content-Disposition: attachment; filename="\(fileName)"
            Content-Transfer-Encoding: base64

            \(base64Lines(pdf))
            --b--

            """)
    }

    /// Base64 in 76-character lines, as mail clients write it.
    static func base64Lines(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    }

    /// Quoted-printable for binary content: every byte outside printable ASCII (and `=`) escaped, soft breaks at 76.
    static func quotedPrintable(_ data: Data) -> String {
        var lines: [String] = []
        var line = ""
        for byte in data {
            let token =
                (33...126).contains(byte) && byte != UInt8(ascii: "=")
                ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
            if line.count + token.count > 75 {
                lines.append(line + "=")
                line = ""
            }
            line += token
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// An RFC 2047 encoded word carrying `text` in base64.
    static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// Writes `message` into `folder` and parses it, extracting parts into a new subfolder.
    static func parse(_ message: Data, in folder: TemporaryDirectory, name: String = "message") throws -> ParsedMessage
    {
        let file = try folder.write(message, to: "\(name).eml")
        let parts = try folder.makeFolder("\(name)-parts")
        return try MessageParser.parse(file: file, extractingTo: parts)
    }

    /// The decoded bytes of an extracted part.
    static func bytes(of part: MessagePart) -> Data? {
        FileManager.default.contents(atPath: part.path)
    }
}
