/// Q8: the address of the page where the institution publishes its status and plan, well formed
/// (`http`/`https`, a dotted host). No network access: whether the page exists is for a person to see.
enum URLCheck {
    static let id = "url"
    static let title = FormQuestions.url.title

    static func check(context: ScreenContext, answer: AnswerCheck.Outcome) -> Finding {
        let document = context.document
        let range: Range<Int>
        let whereFound: String
        if let section = answer.section {
            range = section.answer
            whereFound = "Question 8"
        } else {
            range = context.layout.formStart..<document.length
            whereFound = "the form"
        }
        let candidates = addresses(in: document.text, range: range)
        let quote = context.quote(answer.section?.answer ?? range)

        guard let best = candidates.first(where: { $0.kind == .wellFormed }) ?? candidates.first else {
            let said = answer.section.map { Evidence.quote($0.answerText) } ?? ""
            let detail =
                said.isEmpty
                ? "No web address was given for the page where your Technician Commitment status and action plan are published; please publish them and give the URL in Question 8."
                : "\(whereFound) gives no web address (it says \u{201C}\(said)\u{201D}); please publish your status and action plan and give the page's URL."
            return Finding(
                id: id, level: .missing, title: title, detail: detail,
                evidence: said.isEmpty ? nil : quote.evidence, page: answer.section == nil ? nil : quote.page)
        }
        let page = document.page(at: best.range.lowerBound)
        switch best.kind {
        case .wellFormed:
            return Finding(
                id: id, level: .ok, title: title, detail: "Your status and plan are published at \(best.text).",
                evidence: best.text, page: page)
        case .noScheme:
            return Finding(
                id: id, level: .attention, title: title,
                detail:
                    "The address \(best.text) has no https:// in front; please give the full URL (https://\(best.text)).",
                evidence: best.text, page: page)
        case .malformed:
            return Finding(
                id: id, level: .attention, title: title,
                detail: "The address \(best.text) does not look like a complete public web address; please check it.",
                evidence: best.text, page: page)
        }
    }

    struct Address {
        enum Kind { case wellFormed, noScheme, malformed }
        let text: String
        let range: Range<Int>
        let kind: Kind
    }

    /// The web addresses in a range, in order, leaving out the Technician Commitment's own sites.
    static func addresses(in text: String, range: Range<Int>) -> [Address] {
        var found: [Address] = []
        var taken: [Range<Int>] = []
        for (pattern, hasScheme) in [(withScheme, true), (withoutScheme, false)] {
            for match in pattern.matches(in: text, range: range) {
                guard !taken.contains(where: { $0.overlaps(match.range) }) else { continue }
                var address = text.text(match.range)
                while let last = address.last, ".,;:)]}'\"".contains(last) { address.removeLast() }
                let end = match.range.lowerBound + address.utf16Length
                let host = hostName(address)
                guard !ownSites.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else { continue }
                let kind: Address.Kind
                if hasScheme {
                    kind = isGoodHost(host) ? .wellFormed : .malformed
                } else {
                    kind = isGoodHost(host) ? .noScheme : .malformed
                }
                found.append(Address(text: address, range: match.range.lowerBound..<end, kind: kind))
                taken.append(match.range)
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func hostName(_ address: String) -> String {
        var rest = Substring(address.lowercased())
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { !"/?#:".contains($0) })
    }

    /// A public host name: dotted labels of letters, digits and hyphens, ending in a letters-only label.
    private static func isGoodHost(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && label.first != "-"
                && label.last != "-"
        }
    }

    /// The Technician Commitment's and the TALENT Commission's sites, quoted by the forms themselves.
    private static let ownSites = [
        "techniciancommitment.org.uk", "technicians.org.uk", "itss.org.uk", "mitalent.ac.uk",
    ]

    private static let withScheme = Pattern(#"\bhttps?:/{0,3}[^\s<>"]+"#)
    /// `www.x.ac.uk/…`, or a bare `x.ac.uk/…` on a common ending; not part of an e-mail address.
    private static let withoutScheme = Pattern(
        #"(?<![@\w.\-/])(?:www\.[^\s<>"]+|(?:[a-z0-9-]+\.)+(?:ac\.uk|org\.uk|co\.uk|gov\.uk|nhs\.uk|com|org|net|edu|uk|ie|eu)(?:/[^\s<>"]*)?)(?![\w@])"#
    )
}
