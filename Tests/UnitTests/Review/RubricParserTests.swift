import Configuration
import Foundation
import Review
import Testing

/// The rubric file format: a valid file, and every fault reported at its line.
@Suite struct RubricParserTests {
    /// A small valid rubric; tests change one line and check the message names that line.
    static let valid = """
        # comment line
        stage = 2
        title = Stage 2 review
        reviewers = 3
        days = 14
        scale = 1: Not yet evident | 2: Partly evident |
            3: Evident | 4: Strong evidence

        [criterion visibility]
        title = Visibility
        guidance = Are technicians identifiable
            and visible?
        score = yes
        comment = optional

        [criterion overall]
        title = Overall comments
        guidance = Be encouraging.
        score = no
        comment = required

        """

    /// The problems of `valid` with line `number` (1-based) replaced by `replacement` (nil: removed).
    static func problems(replacingLine number: Int, with replacement: String?) -> [ConfigProblem] {
        var lines = valid.components(separatedBy: "\n")
        if let replacement { lines[number - 1] = replacement } else { lines[number - 1] = "" }
        return RubricParser.parse(lines.joined(separator: "\n"), file: "s.rubric").1
    }

    static func parse(_ text: String) -> (Rubric?, [ConfigProblem]) { RubricParser.parse(text, file: "s.rubric") }

    @Test func validFileGivesTheRubricWithCriteriaInFileOrder() throws {
        let (rubric, problems) = Self.parse(Self.valid)
        #expect(problems.isEmpty)
        let parsed = try #require(rubric)
        #expect(parsed.stage == 2)
        #expect(parsed.title == "Stage 2 review")
        #expect(parsed.reviewersPerSubmission == 3)
        #expect(parsed.daysToReview == 14)
        #expect(parsed.scale.map(\.value) == [1, 2, 3, 4])
        #expect(parsed.scale.map(\.label) == ["Not yet evident", "Partly evident", "Evident", "Strong evidence"])
        #expect(parsed.minScore == 1 && parsed.maxScore == 4)
        #expect(parsed.criteria.map(\.id) == ["visibility", "overall"])
        #expect(parsed.criteria[0].guidance == "Are technicians identifiable and visible?")
        #expect(parsed.criteria[0].scored && !parsed.criteria[0].commentRequired)
        #expect(!parsed.criteria[1].scored && parsed.criteria[1].commentRequired)
    }

    @Test func criteriaKeepFileOrderEvenWhenIdsSortOtherwise() throws {
        let text = """
            stage = 1
            title = T
            scale = 0: None | 1: Some
            [criterion zeta]
            title = Zeta
            [criterion alpha]
            title = Alpha
            [criterion mid]
            title = Mid
            """
        let rubric = try #require(Self.parse(text).0)
        #expect(rubric.criteria.map(\.id) == ["zeta", "alpha", "mid"])
        #expect(rubric.minScore == 0 && rubric.maxScore == 1)
    }

    @Test func reviewersAndDaysDefaultToTwoAndTwentyOne() throws {
        let text = "stage = 1\ntitle = T\nscale = 1: A | 2: B\n[criterion a]\ntitle = A\n"
        let rubric = try #require(Self.parse(text).0)
        #expect(rubric.reviewersPerSubmission == 2)
        #expect(rubric.daysToReview == 21)
        #expect(rubric.criteria[0].scored && !rubric.criteria[0].commentRequired)
    }

    @Test func crlfFileReadsLikeLF() throws {
        let text = Self.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let (rubric, problems) = Self.parse(text)
        #expect(problems.isEmpty)
        #expect(rubric?.criteria[0].guidance == "Are technicians identifiable and visible?")
    }

    // MARK: - One fault each, at its line

    @Test func unknownHeaderKeyIsReportedAtItsLine() {
        let problems = Self.problems(replacingLine: 5, with: "deadline = 14")
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message.contains("unknown key 'deadline'") == true)
    }

    @Test func unknownCriterionKeyIsReportedAtItsLine() {
        let problems = Self.problems(replacingLine: 13, with: "scored = yes")
        #expect(problems.map(\.line) == [13])
        #expect(problems.first?.message.contains("unknown key 'scored' in [criterion visibility]") == true)
    }

    @Test func headerKeyInsideACriterionSaysWhereItBelongs() {
        let problems = Self.problems(replacingLine: 14, with: "days = 3")
        #expect(problems.map(\.line) == [14])
        #expect(problems.first?.message.contains("belong above the first [criterion]") == true)
    }

    @Test func missingTitleIsReportedForTheWholeFile() {
        let problems = Self.problems(replacingLine: 3, with: nil)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 0)
        #expect(problems.first?.message.contains("no title") == true)
        #expect(problems.first?.description == "s.rubric: the rubric has no title; write 'title = …' in the header")
    }

    @Test func emptyTitleIsReportedAtItsLine() {
        let problems = Self.problems(replacingLine: 3, with: "title =")
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("no title") == true)
    }

    @Test func missingStageIsReported() {
        let problems = Self.problems(replacingLine: 2, with: nil)
        #expect(problems.map(\.line) == [0])
        #expect(problems.first?.message.contains("stage") == true)
    }

    @Test(arguments: ["4", "0", "two"])
    func stageOutsideOneToThreeIsReportedAtItsLine(value: String) {
        let problems = Self.problems(replacingLine: 2, with: "stage = \(value)")
        #expect(problems.map(\.line) == [2])
        #expect(problems.first?.message == "stage must be 1, 2 or 3, not '\(value)'")
    }

    @Test(arguments: ["0", "-1", "many"])
    func reviewersBelowOneIsReportedAtItsLine(value: String) {
        let problems = Self.problems(replacingLine: 4, with: "reviewers = \(value)")
        #expect(problems.map(\.line) == [4])
        #expect(problems.first?.message.contains("reviewers must be a whole number of at least 1") == true)
    }

    @Test func daysBelowOneIsReportedAtItsLine() {
        let problems = Self.problems(replacingLine: 5, with: "days = 0")
        #expect(problems.map(\.line) == [5])
        #expect(problems.first?.message.contains("days must be a whole number of at least 1") == true)
    }

    @Test func emptyScaleIsReportedAtItsLine() {
        var lines = Self.valid.components(separatedBy: "\n")
        lines[5] = "scale ="
        lines[6] = ""
        let problems = Self.parse(lines.joined(separator: "\n")).1
        #expect(problems.map(\.line) == [6])
        #expect(problems.first?.message.contains("the scale is empty") == true)
    }

    @Test func missingScaleIsReported() {
        let problems = Self.parse("stage = 1\ntitle = T\n[criterion a]\ntitle = A\n").1
        #expect(problems.map(\.line) == [0])
        #expect(problems.first?.message.contains("no scale") == true)
    }

    @Test func nonAscendingScaleIsReportedAtItsLine() {
        let problems = Self.parse("stage = 1\ntitle = T\nscale = 4: D | 3: C | 2: B | 1: A\n[criterion a]\ntitle = A\n")
            .1
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message == "the scale must go up: 3 comes after 4")
    }

    @Test func scaleWithAGapIsReported() {
        let problems = Self.parse("stage = 1\ntitle = T\nscale = 1: A | 2: B | 4: D\n[criterion a]\ntitle = A\n").1
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("skips from 2 to 4") == true)
    }

    @Test func scalePointWithoutNumberOrLabelIsReported() {
        let problems = Self.parse("stage = 1\ntitle = T\nscale = 1: A | Good | 3:\n[criterion a]\ntitle = A\n").1
        #expect(problems.map(\.line) == [3, 3])
        #expect(problems[0].message.contains("'Good' must be written '<whole number>: <label>'"))
        #expect(problems[1].message == "the scale point 3 has no label")
    }

    @Test func singlePointScaleIsReported() {
        let problems = Self.parse("stage = 1\ntitle = T\nscale = 1: Only\n[criterion a]\ntitle = A\n").1
        #expect(problems.map(\.message) == ["the scale needs at least two points"])
    }

    @Test func duplicateCriterionIdIsReportedAtTheSecondSection() {
        let text = Self.valid + "[criterion Visibility]\ntitle = Visibility again\n"
        let problems = Self.parse(text).1
        #expect(problems.map(\.line) == [21])
        #expect(
            problems.first?.message
                == "criterion 'visibility' is already defined on line 9; give each criterion its own id")
    }

    @Test func criterionWithoutTitleIsReportedAtItsSection() {
        let problems = Self.problems(replacingLine: 10, with: "# no title")
        #expect(problems.map(\.line) == [9])
        #expect(problems.first?.message == "[criterion visibility] has no title; write 'title = …' under it")
    }

    @Test func twoCriteriaWithTheSameTitleAreReported() {
        let problems = Self.problems(replacingLine: 17, with: "title = visibility")
        #expect(problems.map(\.line) == [17])
        #expect(problems.first?.message.contains("already used by [criterion visibility] (line 10)") == true)
    }

    @Test(arguments: ["Action: plan", "Plan (quality)", String(repeating: "Long ", count: 13)])
    func titleThatCannotBeAFormLineIsReported(title: String) {
        let problems = Self.problems(replacingLine: 10, with: "title = \(title)")
        #expect(problems.map(\.line) == [10])
    }

    @Test func scoredCriterionTitleEndingInCommentsIsReported() {
        let problems = Self.problems(replacingLine: 10, with: "title = Visibility comments")
        #expect(problems.map(\.line) == [10])
        #expect(problems.first?.message.contains("cannot end in 'comments'") == true)
    }

    @Test func badScoreAndCommentValuesAreReportedAtTheirLines() {
        var lines = Self.valid.components(separatedBy: "\n")
        lines[12] = "score = maybe"
        lines[13] = "comment = sometimes"
        let problems = Self.parse(lines.joined(separator: "\n")).1
        #expect(problems.map(\.line) == [13, 14])
        #expect(problems[0].message == "score must be yes or no, not 'maybe'")
        #expect(problems[1].message == "comment must be required or optional, not 'sometimes'")
    }

    @Test func noCriteriaIsReported() {
        let problems = Self.parse("stage = 1\ntitle = T\nscale = 1: A | 2: B\n").1
        #expect(problems.map(\.message) == ["the rubric has no criteria; add a [criterion <id>] section for each"])
    }

    @Test func unknownSectionIsReportedOnceAndItsKeysIgnored() {
        let text = Self.valid + "[criteria extra]\ntitle = Extra\nfoo = bar\n"
        let problems = Self.parse(text).1
        #expect(problems.map(\.line) == [21])
        #expect(problems.first?.message.contains("unknown section [criteria extra]") == true)
    }

    @Test func keySetTwiceIsReportedAtTheSecondLine() {
        let problems = Self.problems(replacingLine: 13, with: "title = Visibility")
        #expect(problems.map(\.line) == [13])
        #expect(problems.first?.message == "'title' is set twice (first on line 10)")
    }

    @Test func lineWithoutEqualsSignIsReported() {
        let problems = Self.problems(replacingLine: 8, with: "Guidance goes here")
        #expect(problems.map(\.line) == [8])
        #expect(problems.first?.message.contains("expected 'key = value'") == true)
    }

    @Test func indentedLineAfterABlankLineIsReported() {
        let text = Self.valid.replacingOccurrences(of: "score = yes\n", with: "score = yes\n\n    stray text\n")
        let problems = Self.parse(text).1
        #expect(problems.map(\.line) == [15])
        #expect(problems.first?.message.contains("continues the value above it, but there is none") == true)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let text = """
            stage = 9
            reviewers = 0
            scale = 2: B | 1: A
            [criterion a]
            score = perhaps
            [criterion a]
            """
        let (rubric, problems) = Self.parse(text)
        #expect(rubric == nil)
        #expect(problems.map(\.line).sorted() == [0, 1, 2, 3, 4, 5, 6])
    }
}
