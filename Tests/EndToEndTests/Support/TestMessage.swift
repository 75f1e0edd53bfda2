import Foundation

/// Raw test messages, shaped as mail clients send them, with CRLF line endings.
enum TestMessage {
    struct Attachment {
        var contentType: String
        /// The complete Content-Disposition value, e.g. `attachment; filename="plan.pdf"`.
        var disposition: String?
        var data: Data
        /// A `name=` parameter on Content-Type.
        var nameParameter: String? = nil
        /// Embed the bytes as they are (a `message/rfc822` part) instead of base64.
        var verbatim = false
    }

    static func make(
        from: String = "Jane Smith <jane@ljmu.test>", to: String = "tc@lab.test", subject: String = "Self-assessment",
        messageID: String? = "<\(UUID().uuidString)@ljmu.test>", date: String = "Mon, 01 Jul 2024 10:00:00 +0100",
        extraHeaders: [String] = [], body: String = "Please find our self-assessment attached.\nBest wishes",
        attachments: [Attachment] = []
    ) -> Data {
        var lines = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: \(date)", "MIME-Version: 1.0"]
        if let messageID { lines.append("Message-ID: \(messageID)") }
        lines += extraHeaders
        if attachments.isEmpty {
            lines += ["Content-Type: text/plain; charset=utf-8", "", body]
        } else {
            let boundary = "b-\(UUID().uuidString)"
            lines += [
                "Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)",
                "Content-Type: text/plain; charset=utf-8", "", body,
            ]
            for attachment in attachments {
                lines.append("--\(boundary)")
                lines.append(
                    "Content-Type: \(attachment.contentType)"
                        + (attachment.nameParameter.map { "; name=\"\($0)\"" } ?? ""))
                if let disposition = attachment.disposition { lines.append("Content-Disposition: \(disposition)") }
                if attachment.verbatim {
                    lines += [
                        "",
                        String(decoding: attachment.data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
                    ]
                    continue
                }
                lines += ["Content-Transfer-Encoding: base64", ""]
                lines += attachment.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
                    .split(separator: "\n").map(String.init)
            }
            lines.append("--\(boundary)--")
        }
        let text = lines.joined(separator: "\n") + "\n"
        return Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// A message with one PDF attached under `fileName`.
    static func submission(
        fileName: String = "Liverpool John Moores University July 2024.pdf", pdf: Data,
        from: String = "Jane Smith <jane@ljmu.test>",
        subject: String = "Self-assessment", messageID: String? = "<\(UUID().uuidString)@ljmu.test>",
        extraHeaders: [String] = []
    ) -> Data {
        make(
            from: from, subject: subject, messageID: messageID, extraHeaders: extraHeaders,
            attachments: [
                Attachment(
                    contentType: "application/pdf", disposition: "attachment; filename=\"\(fileName)\"", data: pdf)
            ])
    }

    /// The value of a header in a raw delivered message (first occurrence, unfolded).
    static func header(_ name: String, in message: String) -> String? {
        let unfolded = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n ", with: " ")
            .replacingOccurrences(of: "\n\t", with: " ")
        let head = unfolded.components(separatedBy: "\n\n").first ?? ""
        for line in head.split(separator: "\n") where line.lowercased().hasPrefix(name.lowercased() + ":") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The body of a delivered single-part message as a reader sees it: quoted-printable decoded.
    static func body(of message: String) -> String {
        let normalized = message.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalized.range(of: "\n\n") else { return "" }
        let body = String(normalized[split.upperBound...])
        guard header("Content-Transfer-Encoding", in: message)?.lowercased() == "quoted-printable" else { return body }
        var bytes: [UInt8] = []
        let source = Array(body.replacingOccurrences(of: "=\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
