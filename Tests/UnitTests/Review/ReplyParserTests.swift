import Foundation
import Review
import Testing

/// Replies in the shapes real mail clients and reviewers produce, all read to the same answers.
@Suite struct ReplyParserTests {
    typealias F = ReplyFixture

    // MARK: - Writing the score

    @Test(arguments: [
        ("3", 3), ("3/4", 3), ("3 / 4", 3), ("3 - good", 3), ("3 – good progress", 3), ("3 (Evident)", 3),
        ("**3**", 3), ("[3]", 3), ("Evident", 3), ("strong evidence", 4), ("4.", 4), ("1 (not yet evident)", 1),
    ])
    func scoreIsReadInItsCommonForms(written: String, score: Int) {
        let reply = F.filled(F.completeAnswers.merging(["Visibility (1-4):": written]) { $1 })
        #expect(F.answers(plain: reply)?.scores["visibility"] == score)
    }

    @Test func scoreOnTheLineBelowItsFormLineIsRead() {
        let reply = F.filled(F.completeAnswers.merging(["Visibility (1-4):": "\n\n\n   3  \n"]) { $1 })
        #expect(F.answers(plain: reply)?.scores["visibility"] == 3)
    }

    @Test func titleWithoutRangeAndInAnyCaseIsRead() {
        let reply = """
            VISIBILITY: 3
            recognition:2
            Career development : 4
            Sustainability:     1
            technician VOICE (1 - 4): 3
            Action Plan Quality(1-4):2

            overall comments: Good.
            """
        #expect(F.answers(plain: reply)?.scores == F.completeScores)
    }

    @Test func extraBlankLinesBetweenFormLinesAreIgnored() {
        let spaced = F.filled(F.completeAnswers).replacingOccurrences(of: "\n", with: "\n\n\n")
        #expect(F.answers(plain: spaced)?.scores == F.completeScores)
    }

    @Test func crlfReplyIsRead() {
        let reply = F.filled(F.completeAnswers).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(F.answers(plain: reply)?.scores == F.completeScores)
    }

    // MARK: - Comments

    @Test func commentRunsFromItsLineToTheNextFormLineAndIsTrimmed() throws {
        let reply = """
            Visibility (1-4): 3
            Visibility comments:   The technician network is a real strength.
              Job descriptions are being reviewed.

            Recognition (1-4): 2
            Recognition comments:
            Career Development (1-4): 4
            Sustainability (1-4): 1
            Technician voice (1-4): 3
            Action plan quality (1-4): 2
            Overall comments:

            An encouraging first submission.

            Recognition: more could be said about awards.
            """
        let answers = try #require(F.answers(plain: reply))
        #expect(
            answers.comments["visibility"]
                == "The technician network is a real strength.\n  Job descriptions are being reviewed.")
        #expect(answers.comments["recognition"] == nil)
        #expect(
            answers.comments["overall"]
                == "An encouraging first submission.\n\nRecognition: more could be said about awards.")
        #expect(answers.scores["recognition"] == 2)
    }

    @Test func guidanceScaleAndSignOffAroundACopiedFormAreNotReadAsComments() throws {
        let reply = F.filled(
            F.completeAnswers.merging(["Overall comments:": "\nClear and honest.\n", "Visibility comments:": "Good."]) {
                $1
            })
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.comments == ["visibility": "Good.", "overall": "Clear and honest."])
    }

    @Test func signatureAfterTheDashLineIsNotPartOfTheComment() throws {
        let reply = """
            Visibility: 3
            Recognition: 2
            Career Development: 4
            Sustainability: 1
            Technician voice: 3
            Action plan quality: 2
            Overall comments: A clear plan.

            --
            Dr Priya Patel | Technical Services Manager
            """
        #expect(F.answers(plain: reply)?.comments["overall"] == "A clear plan.")
    }

    @Test func guidanceLineEndsACommentEvenWithoutItsHeading() throws {
        let reply =
            Self.allScores + """

                Visibility comments: Good.
                | Are technicians identifiable?
                Overall comments: Fine.
                | Supportive feedback for the institution.
                """
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.comments == ["visibility": "Good.", "overall": "Fine."])
    }

    @Test(arguments: ["Kind regards,", "Best wishes", "Thanks!", "Sent from my iPhone", "Get Outlook for iOS"])
    func signOffEndsTheLastComment(signOff: String) {
        let reply = Self.allScores + "\nOverall comments: A clear plan.\nWell timed.\n\n\(signOff)\nPriya Patel\n"
        #expect(F.answers(plain: reply)?.comments["overall"] == "A clear plan.\nWell timed.")
    }

    static let allScores = """
        Visibility: 3
        Recognition: 2
        Career Development: 4
        Sustainability: 1
        Technician voice: 3
        Action plan quality: 2
        """

    // MARK: - Quoting

    @Test func gmailTopPostAboveTheQuotedEmptyFormReadsOnlyTheReviewersLines() throws {
        let reply = """
            Visibility: 3
            Recognition: 2
            Career Development: 4
            Sustainability: 1
            Technician voice: 3
            Action plan quality: 2
            Overall comments: Lovely to read; the voice of technicians comes through clearly.

            Best wishes,
            Priya

            \(F.gmailAttribution)

            \(F.quoted(F.request))
            """
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments["overall"] == "Lovely to read; the voice of technicians comes through clearly.")
    }

    @Test func gmailInlineAnswersInTheQuotedFormAreRead() throws {
        let filledQuote = F.quoted(
            F.filled(F.completeAnswers.merging(["Overall comments:": "Strong plan overall."]) { $1 }))
        let reply = "Hi, my scores are in the form below.\n\nPriya\n\n\(F.gmailAttribution)\n\n\(filledQuote)\n"
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments == ["overall": "Strong plan overall."])
    }

    @Test func commentTypedOnNewLinesInsideTheQuotedFormIsRead() throws {
        var quote = F.quoted(F.filled(F.completeAnswers))
        quote = quote.replacingOccurrences(
            of: "> Visibility comments:\n", with: "> Visibility comments:\n> Good network;\n> clear roles.\n")
        let answers = try #require(F.answers(plain: "See below.\n\n\(F.gmailAttribution)\n\n\(quote)"))
        #expect(answers.comments["visibility"] == "Good network;\nclear roles.")
    }

    @Test func answersTypedBetweenQuoteBlocksAreRead() throws {
        // Apple Mail / Thunderbird style: the reviewer splits the quote and types below each form line.
        var lines: [String] = ["On 1 Jul 2024, at 10:00, Technician Commitment <tc@example.org> wrote:", ""]
        for line in F.request.components(separatedBy: "\n") {
            lines.append(line.isEmpty ? ">" : "> " + line)
            if let answer = F.completeAnswers[line] { lines += ["", answer, ""] }
        }
        let answers = try #require(F.answers(plain: lines.joined(separator: "\n")))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments["overall"] == "A thoughtful first plan; well done.")
    }

    @Test func gmailAttributionWrappedOverTwoLinesIsDropped() throws {
        let reply = """
            Visibility: 3
            Recognition: 2
            Career Development: 4
            Sustainability: 1
            Technician voice: 3
            Action plan quality: 2
            Overall comments: Good.

            On Mon, 1 Jul 2024 at 10:00, Technician Commitment Coordinators <tc@example.org>
            wrote:

            \(F.quoted(F.filled(["Overall comments:": "QUOTED TEXT"])))
            """
        #expect(F.answers(plain: reply)?.comments["overall"] == "Good.")
    }

    @Test func outlookTopPostAboveTheOriginalMessageIsRead() throws {
        let reply = """
            Visibility (1-4): 3
            Recognition (1-4): 2
            Career Development (1-4): 4
            Sustainability (1-4): 1
            Technician voice (1-4): 3
            Action plan quality (1-4): 2
            Overall comments: Good work.

            Kind regards
            Priya

            \(F.outlookHeader)

            \(F.filled(["Overall comments:": "ORIGINAL TEXT"]))
            """
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments["overall"]?.hasPrefix("Good work.") == true)
        #expect(answers.comments["overall"]?.contains("ORIGINAL") == false)
    }

    @Test func outlookFilledInTheUnquotedOriginalIsRead() throws {
        let reply = """
            Please see my review in the form below.

            Priya

            -----Original Message-----
            From: Technician Commitment <tc@example.org>
            Sent: 01 July 2024 10:00
            To: Patel, Priya <p.patel@northshire.ac.uk>
            Subject: Review request: TC-2024-07-0012 [review:k3J9xQ]

            \(F.filled(F.completeAnswers))
            """
        let answers = try #require(F.answers(plain: reply))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments == ["overall": "A thoughtful first plan; well done."])
    }

    // MARK: - HTML

    @Test func htmlOnlyGmailReplyIsReadWithoutItsBlockquote() throws {
        let html = """
            <div dir="ltr"><div>Visibility (1-4): 3</div><div>Recognition (1-4):&nbsp;2</div>
            <div>Career Development (1-4): <b>4</b></div><div>Sustainability (1-4): 1</div>
            <div>Technician voice (1-4): 3</div><div>Action plan quality (1-4): 2/4</div><div><br></div>
            <div>Overall comments: Clear &amp; well evidenced;<br>plan &lt;24 months&gt; is realistic.</div></div>
            <br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">\(F.gmailAttribution)<br></div>
            <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">
            \(F.filled(["Visibility (1-4):": "1", "Overall comments:": "QUOTED"]).replacingOccurrences(of: "\n", with: "<br>\n"))
            </blockquote></div>
            """
        let answers = try #require(F.answers(plain: nil, html: html))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments["overall"] == "Clear & well evidenced;\nplan <24 months> is realistic.")
    }

    @Test func htmlOnlyOutlookReplyWithScoresInParagraphsIsRead() throws {
        let html = """
            <html><head><style>p.MsoNormal { margin: 0 }</style></head><body>
            <p class="MsoNormal">Visibility: 3</p><p class="MsoNormal">Recognition: 2</p>
            <p class="MsoNormal">Career Development: 4</p><p class="MsoNormal">Sustainability: 1</p>
            <p class="MsoNormal">Technician voice: 3</p><p class="MsoNormal">Action plan quality: 2</p>
            <p class="MsoNormal">Overall comments: It&#39;s a good plan.</p>
            <div id="appendonsend"></div><hr style="display:inline-block;width:98%">
            <div id="divRplyFwdMsg"><b>From:</b> Technician Commitment &lt;tc@example.org&gt;<br>
            <b>Sent:</b> Monday, July 1, 2024 10:00 AM<br><b>To:</b> Priya Patel<br>
            <b>Subject:</b> Review request</div>
            <div>\(F.request.replacingOccurrences(of: "\n", with: "<br>"))</div></body></html>
            """
        let answers = try #require(F.answers(plain: nil, html: html))
        #expect(answers.scores == F.completeScores)
        #expect(answers.comments["overall"] == "It's a good plan.")
    }

    @Test func plainTextIsPreferredOverHTML() {
        let plain = F.filled(F.completeAnswers)
        let html = "<p>Visibility (1-4): 1</p>"
        #expect(F.answers(plain: plain, html: html)?.scores["visibility"] == 3)
    }

    @Test func emptyPlainTextFallsBackToHTML() {
        let html = "<p>" + F.filled(F.completeAnswers).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        #expect(F.answers(plain: "\n  \n", html: html)?.scores == F.completeScores)
    }

    // MARK: - Not filled in

    @Test func topPostedThanksAboveTheQuotedEmptyFormIsMissingEveryAnswer() {
        let reply = """
            Thanks, I will send my review next week.

            Priya

            \(F.gmailAttribution)

            \(F.quoted(F.request))
            """
        let problems = F.problems(plain: reply)
        #expect(problems.map(\.line) == F.everyRequiredLine)
        #expect(problems.dropLast().allSatisfy { $0.message == "no score given" })
        #expect(problems.last?.message == "a comment is required")
    }

    @Test func outlookThanksAboveTheEmptyOriginalIsMissingEveryAnswer() {
        let reply = "Thanks – will do.\n\n\(F.outlookHeader)\n\n\(F.request)"
        #expect(F.problems(plain: reply).map(\.line) == F.everyRequiredLine)
    }

    @Test func htmlThanksWithTheFormInABlockquoteIsMissingEveryAnswer() {
        let html =
            "<div>Thanks!</div><blockquote>\(F.request.replacingOccurrences(of: "\n", with: "<br>"))</blockquote>"
        #expect(F.problems(plain: nil, html: html).map(\.line) == F.everyRequiredLine)
    }

    @Test func emptyReplyIsMissingEveryAnswer() {
        #expect(F.problems(plain: nil, html: nil).map(\.line) == F.everyRequiredLine)
    }

    @Test func ownScoresAreNotMixedWithScoresInTheQuotedOriginal() {
        // The reviewer answers only Visibility above a quote that holds an earlier, filled reply.
        let earlier = F.quoted(F.filled(F.completeAnswers))
        let reply = "Visibility (1-4): 4\n\n\(F.gmailAttribution)\n\n\(earlier)"
        let problems = F.problems(plain: reply)
        #expect(!problems.map(\.line).contains("Visibility (1-4):"))
        #expect(problems.map(\.line) == Array(F.everyRequiredLine.dropFirst()))
    }

    @Test func replyToACorrectionRequestDoesNotReadItsQuotedListAsAnswers() {
        let correction = """
            Dear Priya,

            We could not store it yet, because some lines of the form need another look:

              Visibility (1-4): the score 7 is outside 1-4
              Recognition (1-4): no score given
              Career Development (1-4): "3.5" is not a whole number from 1 to 4
            """
        let reply = "Sorry, will redo it.\n\n\(F.gmailAttribution)\n\n\(F.quoted(correction))"
        let problems = F.problems(plain: reply)
        #expect(problems.map(\.line) == F.everyRequiredLine)
        #expect(problems.dropLast().allSatisfy { $0.message == "no score given" })
    }

    @Test func answersInASecondLevelQuoteAreNotRead() {
        let old = F.quoted(F.quoted(F.filled(F.completeAnswers)))
        let reply = "Thanks.\n\n\(F.gmailAttribution)\n\n> Please check your review.\n>\n\(old)"
        #expect(F.problems(plain: reply).map(\.line) == F.everyRequiredLine)
    }
}
