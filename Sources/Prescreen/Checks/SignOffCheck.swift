/// The two sign-offs: the Nominated Institutional Lead's and the Leader of the Institution's, each with
/// a name (or signature) and a date. Plans must be signed off at leadership level, so a missing or
/// undated leader sign-off is `missing`; the lead's is `attention`.
enum SignOffCheck {
    enum Signatory {
        case lead, leader

        var id: String { self == .lead ? "signoff-lead" : "signoff-leader" }
        var title: String {
            self == .lead ? "Sign-off by the Nominated Institutional Lead" : "Sign-off by the Leader of the Institution"
        }
        var who: String { self == .lead ? "the Nominated Institutional Lead" : "the Leader of the Institution" }
        /// How serious a missing or undated sign-off is.
        var missingLevel: FindingLevel { self == .lead ? .attention : .missing }
        var why: String {
            self == .lead
                ? "please add the lead's name and the date"
                : "action plans must be signed off, and dated, at leadership level (Vice-Chancellor, President or Director)"
        }
    }

    static func check(_ signatory: Signatory, context: ScreenContext) -> Finding {
        guard let reading = context.signOffs else { return checkText(signatory, context: context) }
        guard let block = signatory == .lead ? reading.lead : reading.leader else {
            // Not finding a sign-off may be the reader's failing: the coordinators look.
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "No sign-off by \(signatory.who) was found; \(signatory.why).", certainty: .uncertain)
        }
        let evidence = block.quote
        let signedBy = block.name.map { "\u{201C}\($0)\u{201D}" } ?? (block.image ? "a signature image" : nil)
        switch (signedBy, block.date) {
        case (let name?, let date?):
            return Finding(
                id: signatory.id, level: .ok, title: signatory.title,
                detail: "Signed off by \(signatory.who), \(name), dated \(date).", evidence: evidence, page: block.page)
        case (nil, let date?):
            return Finding(
                id: signatory.id, level: .attention, title: signatory.title,
                detail:
                    "The sign-off by \(signatory.who) is dated \(date), but no name could be read; if the signature is an image, please type the name beside it.",
                evidence: evidence, page: block.page, certainty: .uncertain)
        case (let name?, nil):
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "The sign-off by \(signatory.who) (\(name)) has no date; \(signatory.why).",
                evidence: evidence, page: block.page)
        case (nil, nil):
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "The sign-off by \(signatory.who) is neither signed nor dated; \(signatory.why).",
                evidence: evidence, page: block.page)
        }
    }

    /// The sign-off read from the text alone (no layout): the template's `Signed … (role) Date:` order.
    private static func checkText(_ signatory: Signatory, context: ScreenContext) -> Finding {
        let blocks = context.layout.signOffs
        guard let block = signatory == .lead ? blocks.lead : blocks.leader else {
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "No sign-off by \(signatory.who) was found; \(signatory.why).")
        }
        let reading = SignOffReader.read(block, in: context.document)
        let quote = context.quote(block.range)
        switch (reading.name.map { "\u{201C}\($0)\u{201D}" }, reading.date) {
        case (let name?, let date?):
            return Finding(
                id: signatory.id, level: .ok, title: signatory.title,
                detail: "Signed off by \(signatory.who), \(name), dated \(date).", evidence: quote.evidence,
                page: quote.page)
        case (nil, let date?):
            return Finding(
                id: signatory.id, level: .attention, title: signatory.title,
                detail:
                    "The sign-off by \(signatory.who) is dated \(date), but no name could be read; if the signature is an image, please type the name beside it.",
                evidence: quote.evidence, page: quote.page)
        case (let name?, nil):
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "The sign-off by \(signatory.who) (\(name)) has no date; \(signatory.why).",
                evidence: quote.evidence, page: quote.page)
        case (nil, nil):
            return Finding(
                id: signatory.id, level: signatory.missingLevel, title: signatory.title,
                detail: "The sign-off by \(signatory.who) is neither signed nor dated; \(signatory.why).",
                evidence: quote.evidence, page: quote.page)
        }
    }
}
