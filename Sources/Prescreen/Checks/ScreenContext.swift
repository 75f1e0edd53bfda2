import Layout

/// What every check reads: the normalised text, the form it follows and where its parts are.
struct ScreenContext {
    let document: ScreenText
    let form: FormKind
    let layout: FormLayout
    /// The PDF's tables, read from its layout; empty when there is no layout.
    var tables: [ReadTable] = []
    /// The PDF's page layout, when the extraction child wrote one.
    var pages: DocumentLayout?
    /// The two sign-offs read from the layout (read once, for both checks); nil without a layout.
    var signOffs: SignOffReading?

    /// A short quote starting at an offset, and its page.
    func quote(at offset: Int, length: Int = 160) -> (evidence: String, page: Int) {
        quote(offset..<min(document.length, offset + length))
    }

    /// A quote of a range (its first few hundred characters), with its page; leading white space skipped.
    func quote(_ range: Range<Int>) -> (evidence: String, page: Int) {
        var start = range.lowerBound
        let lead = document.text(start..<min(range.upperBound, start + 200)).utf16.prefix {
            $0 == 32 || $0 == 10 || $0 == 9
        }
        start += lead.count
        let clipped = start..<min(range.upperBound, start + 320)
        return (Evidence.quote(document.text(clipped)), document.page(at: start))
    }

    /// The appendix an answer refers to ("Please see Appendix B", "See 'Appendix A' below"), if it does.
    func appendixReference(in answer: String) -> String? {
        guard let match = appendixReferencePattern.firstMatch(in: answer), let id = match.group(1) else { return nil }
        return answer.text(id).uppercased()
    }

    /// Whether an answer only points elsewhere ("see attached", "attached as an appendix").
    func refersToAttachment(_ answer: String) -> Bool { attachmentPattern.contains(answer) }

    private let appendixReferencePattern = Pattern(#"\bappendix\s*['"]?\s*([a-z]|\d{1,2})\b"#)
    private let attachmentPattern = Pattern(
        #"\b(?:see|please see|refer to)\s+(?:the\s+)?attache?d\b|\battached\s+(?:as|in)\s+an?\s+appendix\b|\bsee\s+(?:the\s+)?appendix\b"#
    )
}
