import Foundation
import Review
import Testing

/// What a reply must hold, and the problems that name the exact lines to fix.
@Suite struct ReplyValidationTests {
    typealias F = ReplyFixture

    static func reply(_ changes: [String: String]) -> String {
        F.filled(F.completeAnswers.merging(changes) { $1 })
    }

    @Test func completeReplyGivesEveryScoreAndComment() throws {
        let answers = try #require(F.answers(plain: Self.reply([:])))
        #expect(
            answers
                == ReviewAnswers(scores: F.completeScores, comments: ["overall": "A thoughtful first plan; well done."])
        )
    }

    @Test(arguments: [7, 0, 5, -1])
    func scoreOutsideTheScaleIsNamedWithItsLine(score: Int) {
        let problems = F.problems(plain: Self.reply(["Recognition (1-4):": "\(score)"]))
        #expect(problems == [ReplyProblem(line: "Recognition (1-4):", message: "the score \(score) is outside 1-4")])
    }

    @Test(arguments: ["3.5", "three", "3-4", "3 or 4", "2,5", "2 to 3", "3/5", "x", "Three (evident)", "4x"])
    func scoreThatIsNotAWholeNumberOnTheScaleIsNamed(written: String) {
        let problems = F.problems(plain: Self.reply(["Sustainability (1-4):": written]))
        #expect(problems.map(\.line) == ["Sustainability (1-4):"])
        #expect(problems.first?.message.hasSuffix("is not a whole number from 1 to 4") == true)
    }

    @Test func missingRequiredCommentIsNamed() {
        let problems = F.problems(plain: Self.reply(["Overall comments:": ""]))
        #expect(problems == [ReplyProblem(line: "Overall comments:", message: "a comment is required")])
    }

    @Test func whitespaceOnlyCommentCountsAsMissing() {
        let problems = F.problems(plain: Self.reply(["Overall comments:": "\n   \n\t\n"]))
        #expect(problems.map(\.line) == ["Overall comments:"])
    }

    @Test func partialReplyListsExactlyTheMissingLinesInFormOrder() {
        let reply = """
            Visibility (1-4): 3
            Career Development (1-4): 2
            Action plan quality (1-4): 4
            Overall comments: More to follow.
            """
        let problems = F.problems(plain: reply)
        #expect(problems.map(\.line) == ["Recognition (1-4):", "Sustainability (1-4):", "Technician voice (1-4):"])
        #expect(problems.allSatisfy { $0.message == "no score given" })
    }

    @Test func everyProblemIsListedNotJustTheFirst() {
        let problems = F.problems(
            plain: Self.reply([
                "Visibility (1-4):": "9", "Recognition (1-4):": "", "Career Development (1-4):": "2.5",
                "Overall comments:": "",
            ]))
        #expect(
            problems == [
                ReplyProblem(line: "Visibility (1-4):", message: "the score 9 is outside 1-4"),
                ReplyProblem(line: "Recognition (1-4):", message: "no score given"),
                ReplyProblem(line: "Career Development (1-4):", message: "\"2.5\" is not a whole number from 1 to 4"),
                ReplyProblem(line: "Overall comments:", message: "a comment is required"),
            ])
    }

    @Test func twoDifferentScoresForOneCriterionAreAProblem() {
        let reply = Self.reply([:]) + "\nVisibility: 4\n"
        let problems = F.problems(plain: reply)
        #expect(problems.map(\.line) == ["Visibility (1-4):"])
        #expect(problems.first?.message.contains("different scores given (3 and 4)") == true)
    }

    @Test func theSameScoreGivenTwiceIsFine() {
        let reply = Self.reply([:]) + "\nVisibility: 3\n"
        #expect(F.answers(plain: reply)?.scores["visibility"] == 3)
    }

    @Test(arguments: ["Visibility: the network is the highlight.", "Recognition: two awards this year."])
    func wordsAfterABareTitleStayInTheCommentAndDoNotCountAsAScore(sentence: String) {
        let reply = Self.reply(["Overall comments:": "\n" + sentence])
        #expect(F.answers(plain: reply)?.comments["overall"] == sentence)
    }

    @Test func numberInWordsAfterABareTitleIsAScoreToFix() {
        let problems = F.problems(plain: Self.reply([:]) + "\nRecognition: three (evident)\n")
        #expect(
            problems == [
                ReplyProblem(
                    line: "Recognition (1-4):", message: "\"three (evident)\" is not a whole number from 1 to 4")
            ])
    }

    @Test func problemsReadAsFormLineThenMessage() {
        let errors = ReplyErrors(problems: [
            ReplyProblem(line: "Visibility (1-4):", message: "no score given"),
            ReplyProblem(line: "Overall comments:", message: "a comment is required"),
        ])
        #expect(errors.description == "Visibility (1-4): no score given\nOverall comments: a comment is required")
    }

    @Test func commentOnlyRubricNeedsNoScores() throws {
        var rubric = F.rubric
        rubric.criteria = rubric.criteria.filter { !$0.scored }
        let result = ReplyParser.parse(plainText: "Overall comments: Fine.", htmlText: nil, rubric: rubric)
        #expect(try result.get() == ReviewAnswers(scores: [:], comments: ["overall": "Fine."]))
    }

    @Test func scaleFromZeroAcceptsZeroAndNamesItsRange() {
        var rubric = F.rubric
        rubric.scale = [
            ScalePoint(value: 0, label: "None"), ScalePoint(value: 1, label: "Some"),
            ScalePoint(value: 2, label: "Much"),
        ]
        rubric.criteria = [rubric.criteria[0]]
        let ok = ReplyParser.parse(plainText: "Visibility (0-2): 0", htmlText: nil, rubric: rubric)
        #expect((try? ok.get())?.scores == ["visibility": 0])
        let bad = ReplyParser.parse(plainText: "Visibility (0-2): 3", htmlText: nil, rubric: rubric)
        #expect(
            bad
                == .failure(
                    ReplyErrors(problems: [
                        ReplyProblem(line: "Visibility (0-2):", message: "the score 3 is outside 0-2")
                    ])))
    }
}
