import Review
import Testing

/// Quoted text and HTML turned into the reviewer's own plain text.
@Suite struct ReplyTextTests {
    // MARK: - Quoted text

    @Test func quotedLinesAreDroppedAndTopPostKept() {
        let text = "My answer.\n\n> Their question\n>> older\n > indented quote\n"
        #expect(ReplyText.withoutQuotedText(text) == "My answer.")
    }

    @Test func textBetweenQuoteBlocksIsKept() {
        let text = "> Question one?\nAnswer one.\n> Question two?\n\nAnswer two.\n> Closing"
        #expect(ReplyText.withoutQuotedText(text) == "Answer one.\n\nAnswer two.")
    }

    @Test func gmailAttributionIsDropped() {
        let text = "Thanks!\n\nOn Mon, 1 Jul 2024 at 10:00, TC <tc@example.org> wrote:\n\n> Dear Priya\n"
        #expect(ReplyText.withoutQuotedText(text) == "Thanks!")
    }

    @Test func attributionWrappedOverTwoLinesIsDropped() {
        let text =
            "Thanks!\n\nOn Mon, 1 Jul 2024 at 10:00, Technician Commitment Team\n<tc@example.org> wrote:\n> Dear Priya\n"
        #expect(ReplyText.withoutQuotedText(text) == "Thanks!")
    }

    @Test func ownSentenceStartingWithOnIsKept() {
        let text = "On balance the plan is strong. Someone wrote:\nthe rest of my note"
        #expect(ReplyText.withoutQuotedText(text) == text)
    }

    @Test func outlookOriginalMessageSeparatorDropsEverythingBelow() {
        let text = "Scores above.\n\n-----Original Message-----\nFrom: TC\nSent: today\nVisibility (1-4):\n"
        #expect(ReplyText.withoutQuotedText(text) == "Scores above.")
    }

    @Test func outlookHeaderBlockDropsEverythingBelow() {
        let text = """
            Scores above.

            From: Technician Commitment <tc@example.org>
            Sent: Monday, July 1, 2024 10:00 AM
            To: Priya Patel <p.patel@northshire.ac.uk>
            Subject: Review request

            Dear Priya,
            """
        #expect(ReplyText.withoutQuotedText(text) == "Scores above.")
    }

    @Test func boldOutlookHeaderAndUnderscoreSeparatorDropEverythingBelow() {
        let bold = "Fine.\n*From:* TC <tc@example.org>\n*Date:* Monday\n*Subject:* Review\n\nDear Priya"
        #expect(ReplyText.withoutQuotedText(bold) == "Fine.")
        let line = "Fine.\n________________________________\nwhatever follows"
        #expect(ReplyText.withoutQuotedText(line) == "Fine.")
    }

    @Test func aFromLineWithoutAHeaderBlockIsKept() {
        let text = "From: my point of view, the plan is strong.\nIt is well timed."
        #expect(ReplyText.withoutQuotedText(text) == text)
    }

    // MARK: - HTML

    @Test func blockElementsBecomeLineBreaks() {
        let html = "<div>one</div><div>two<br>three</div><p>four</p><ul><li>five</li><li>six</li></ul>"
        #expect(ReplyText.fromHTML(html) == "one\ntwo\nthree\nfour\n\nfive\nsix")
    }

    @Test func tableRowsAreLinesAndCellsAreSeparated() {
        let html =
            "<table><tr><td>Visibility (1-4):</td><td>3</td></tr><tr><td>Recognition (1-4):</td><td>2</td></tr></table>"
        #expect(ReplyText.fromHTML(html) == "Visibility (1-4): 3\nRecognition (1-4): 2")
    }

    @Test func entitiesAreDecoded() {
        let html = "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; f&nbsp;g &#8211; &#x2014; &AMP; &unknown; & h"
        #expect(ReplyText.fromHTML(html) == "a & b <c> \"d\" 'e' f g – — & &unknown; & h")
    }

    @Test func blockquoteStyleScriptHeadAndCommentsAreDropped() {
        let html = """
            <html><head><title>Re: Review</title><style>div > p { color: red }</style></head>
            <body><script type="text/javascript">var x = "<p>no</p>";</script>
            <!-- a comment with <b>tags</b> and > signs -->
            <div>Kept</div><blockquote type="cite">Quoted<blockquote>Nested</blockquote>Still quoted</blockquote>
            <div>Also kept</div></body></html>
            """
        #expect(ReplyText.fromHTML(html) == "Kept\nAlso kept")
    }

    @Test func sourceLineBreaksAndSpacesCollapseLikeABrowser() {
        let html = "<p>Overall\n   comments:    a\tgood\n plan</p>"
        #expect(ReplyText.fromHTML(html) == "Overall comments: a good plan")
    }

    @Test func attributeValuesMayContainAngleBrackets() {
        let html = "<div title=\"a > b\" data-x='<'>Visible</div>"
        #expect(ReplyText.fromHTML(html) == "Visible")
    }

    @Test func aLoneLessThanSignIsText() {
        #expect(ReplyText.fromHTML("<p>score < 4 and 3 > 2</p>") == "score < 4 and 3 > 2")
    }
}
