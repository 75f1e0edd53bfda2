import Foundation
import Review
import Testing

/// The emailed fill-in form, and reading it back once filled in.
@Suite struct ReviewFormTests {
    typealias F = ReplyFixture
    static let form = ReviewForm.render(F.rubric)
    static var lines: [String] { form.components(separatedBy: "\n") }

    @Test func formOpensWithHowToFillItIn() {
        #expect(Self.form.hasPrefix("How to fill in: write each score, a whole number from 1 to 4"))
    }

    @Test func everyScoredCriterionHasItsScoreAndCommentLineInOrder() {
        let formLines = Self.lines.filter { $0.hasSuffix(":") && !$0.hasPrefix("|") && !$0.hasPrefix("How") }
        #expect(
            formLines == [
                "Visibility (1-4):", "Visibility comments:", "Recognition (1-4):", "Recognition comments:",
                "Career Development (1-4):", "Career Development comments:", "Sustainability (1-4):",
                "Sustainability comments:", "Technician voice (1-4):", "Technician voice comments:",
                "Action plan quality (1-4):", "Action plan quality comments:", "Overall comments:",
            ])
    }

    @Test func guidanceIsMarkedAndRequiredCommentsSaySo() {
        #expect(Self.lines.contains("| Authorship, registration, awards."))
        #expect(Self.lines.contains("| Supportive feedback for the institution. A comment is required."))
        #expect(!Self.form.contains("#"))
    }

    @Test func scaleWithLabelsComesLast() {
        let tail = Self.lines.suffix(6)
        #expect(
            Array(tail) == [
                "=== Scale ===", "| 1 = Not yet evident", "| 2 = Partly evident", "| 3 = Evident",
                "| 4 = Strong evidence", "",
            ])
    }

    @Test func longGuidanceIsWrappedWithinSeventyEightColumns() {
        var rubric = F.rubric
        rubric.criteria[0].guidance = String(repeating: "Technicians are visible in strategy documents. ", count: 12)
        let lines = ReviewForm.render(rubric).components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
        let start = lines.firstIndex(of: "=== Visibility ===")! + 1
        let guidance = lines[start...].prefix { $0.hasPrefix("| ") }.map { $0.dropFirst(2) }
        #expect(guidance.count >= 7)
        #expect(guidance.joined(separator: " ") == rubric.criteria[0].guidance.trimmingCharacters(in: .whitespaces))
    }

    @Test func formLinesFollowTheScaleRange() {
        var rubric = F.rubric
        rubric.scale = (0...5).map { ScalePoint(value: $0, label: "L\($0)") }
        let form = ReviewForm.render(rubric)
        #expect(form.contains("\nVisibility (0-5):\n"))
        #expect(form.contains("a whole number from 0 to 5"))
        #expect(ReviewForm.scoreLine(for: rubric.criteria[0], in: rubric) == "Visibility (0-5):")
    }

    @Test func commentLineOfATitleEndingInCommentsIsNotDoubled() {
        let criterion = Criterion(
            id: "x", title: "General Comments", guidance: "", scored: false, commentRequired: false)
        #expect(ReviewForm.commentLine(for: criterion) == "General Comments:")
        #expect(ReviewForm.commentLine(for: F.rubric.criteria[0]) == "Visibility comments:")
    }

    // MARK: - Round trip

    @Test func filledFormReadsBackToTheSameAnswers() throws {
        let answers = ReviewAnswers(
            scores: F.completeScores,
            comments: [
                "visibility": "Technicians feature in the prospectus.",
                "action-plan": "Add dates to the second theme's actions.\nSay who owns each one.",
                "overall": "An encouraging, honest first plan.",
            ])
        var filled: [String] = []
        for line in Self.lines {
            filled.append(line)
            for criterion in F.rubric.criteria {
                if line == ReviewForm.scoreLine(for: criterion, in: F.rubric), let score = answers.scores[criterion.id]
                {
                    filled[filled.count - 1] += " \(score)"
                }
                if line == ReviewForm.commentLine(for: criterion), let comment = answers.comments[criterion.id] {
                    filled += comment.components(separatedBy: "\n")
                }
            }
        }
        let result = ReplyParser.parse(plainText: filled.joined(separator: "\n"), htmlText: nil, rubric: F.rubric)
        #expect(try result.get() == answers)
    }

    @Test func unfilledFormReadsBackAsEveryLineMissing() {
        let result = ReplyParser.parse(plainText: Self.form, htmlText: nil, rubric: F.rubric)
        #expect(
            result
                == .failure(
                    ReplyErrors(
                        problems: F.everyRequiredLine.map {
                            ReplyProblem(
                                line: $0, message: $0.hasSuffix("(1-4):") ? "no score given" : "a comment is required")
                        })))
    }

    @Test func shippedRubricFormsReadBackWhenFilled() throws {
        for rubric in try RubricLibraryTests.shipped().values {
            let form = ReviewForm.render(rubric)
            var answers: [String: String] = [:]
            for criterion in rubric.criteria {
                if criterion.scored { answers[ReviewForm.scoreLine(for: criterion, in: rubric)] = "4" }
                answers[ReviewForm.commentLine(for: criterion)] = "Comment on \(criterion.id)."
            }
            let result = ReplyParser.parse(plainText: F.filled(answers, in: form), htmlText: nil, rubric: rubric)
            let read = try result.get()
            #expect(read.scores.count == rubric.scoredCriteria.count)
            #expect(read.scores.values.allSatisfy { $0 == 4 })
            #expect(read.comments.count == rubric.criteria.count)
            #expect(read.comments.allSatisfy { $0.value == "Comment on \($0.key)." })
        }
    }
}
