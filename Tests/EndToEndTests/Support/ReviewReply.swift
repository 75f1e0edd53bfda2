import Foundation

/// Reviewers' replies, built from the form in the request email they received, shaped as mail clients send them.
enum ReviewReply {
    /// The form lines of a request body: each score line `Title (min-max):` and each `… comments:` line.
    static func formLines(in body: String) -> [String] {
        body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init).filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.range(of: #"^.+ \(\d+-\d+\):$"#, options: .regularExpression) != nil
                || trimmed.lowercased().hasSuffix("comments:")
        }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The form filled in: each score line with `score(min, max)` after it, each comment line with `comment`.
    static func filled(
        _ body: String, score: (Int, Int) -> String = { _, max in "\(max)" },
        comment: String = "A clear, well-evidenced plan."
    )
        -> String
    {
        formLines(in: body).map { line in
            if let match = line.range(of: #"\((\d+)-(\d+)\):$"#, options: .regularExpression) {
                let numbers = line[match].dropFirst().dropLast(2).split(separator: "-").compactMap { Int($0) }
                return "\(line) \(score(numbers[0], numbers[1]))"
            }
            return "\(line) \(comment)"
        }.joined(separator: "\n")
    }

    /// A reply to `request` (the delivered request email) from `from`, with `text` above Gmail-style quoting.
    static func message(
        to request: String, from: String, text: String, quoting: Quoting = .gmail, html: Bool = false,
        subject: String? = nil, extraHeaders: [String] = [], date: String = "Tue, 02 Jul 2024 09:00:00 +0100",
        threaded: Bool = true
    ) -> Data {
        let body = TestMessage.body(of: request)
        let requestSubject = TestMessage.header("Subject", in: request) ?? ""
        let requestID = TestMessage.header("Message-Id", in: request) ?? ""
        let quoted: String
        switch quoting {
        case .gmail:
            quoted =
                "\n\nOn Mon, 1 Jul 2024 at 10:00, Technician Commitment <tc@lab.test> wrote:\n"
                + body.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(
                    separator: "\n")
        case .outlook:
            quoted =
                "\n\n________________________________\nFrom: Technician Commitment <tc@lab.test>\nSent: 01 July 2024 10:00\nTo: Reviewer\nSubject: \(requestSubject)\n\n"
                + body
        }
        var lines =
            [
                "From: \(from)", "To: tc@lab.test", "Subject: \(subject ?? "Re: \(requestSubject)")",
                "Date: \(date)", "Message-ID: <\(UUID().uuidString)@reviewers.test>",
                "MIME-Version: 1.0",
            ] + (threaded ? ["In-Reply-To: \(requestID)", "References: \(requestID)"] : []) + extraHeaders
        if html {
            let htmlBody =
                "<html><body><div>"
                + text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
                .joined(separator: "<br>\n") + "</div><blockquote>quoted original</blockquote></body></html>"
            lines += ["Content-Type: text/html; charset=utf-8", "", htmlBody]
        } else {
            lines += ["Content-Type: text/plain; charset=utf-8", "", text + quoted]
        }
        return Data((lines.joined(separator: "\n") + "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    enum Quoting {
        case gmail
        case outlook
    }
}
