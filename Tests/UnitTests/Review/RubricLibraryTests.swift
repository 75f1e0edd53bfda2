import Configuration
import Foundation
import Review
import TestSupport
import Testing

/// The rubrics shipped in `Rubrics/`, and loading a folder of rubric files.
@Suite struct RubricLibraryTests {
    /// The repository's `Rubrics` folder, found from this file's place in `Tests/UnitTests/Review/`.
    static let shippedFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rubrics").path

    static let themes = ["visibility", "recognition", "career-development", "sustainability"]

    static func shipped() throws -> [Int: Rubric] {
        let (rubrics, problems) = RubricLibrary.load(folder: shippedFolder)
        #expect(problems.isEmpty, "\(problems)")
        return rubrics
    }

    @Test func shippedFolderHasAValidRubricForEachStage() throws {
        let rubrics = try Self.shipped()
        #expect(rubrics.keys.sorted() == [1, 2, 3])
        for rubric in rubrics.values {
            #expect(rubric.reviewersPerSubmission == 2)
            #expect(rubric.daysToReview == 21)
            #expect(rubric.scale.map(\.value) == [1, 2, 3, 4])
            #expect(rubric.criteria.allSatisfy { !$0.guidance.isEmpty })
            #expect(rubric.criteria.last?.id == "overall")
            #expect(rubric.criteria.last?.scored == false)
            #expect(rubric.criteria.last?.commentRequired == true)
        }
    }

    @Test func stageOneScoresTheFourThemesVoiceAndPlan() throws {
        let rubric = try #require(try Self.shipped()[1])
        #expect(rubric.criteria.map(\.id) == Self.themes + ["technician-voice", "action-plan", "overall"])
        #expect(
            rubric.criteria.map(\.title).prefix(4) == [
                "Visibility", "Recognition", "Career Development", "Sustainability",
            ])
        let plan = try #require(rubric.criterion("action-plan"))
        #expect(plan.guidance.contains("specific") && plan.guidance.contains("timed"))
        #expect(plan.guidance.contains("impact will be evidenced"))
    }

    @Test func stageTwoAddsTheRAGAnalysis() throws {
        let rubric = try #require(try Self.shipped()[2])
        #expect(rubric.criteria.map(\.id) == Self.themes + ["rag", "technician-voice", "action-plan", "overall"])
        #expect(rubric.criterion("rag")?.title == "RAG analysis of the previous plan")
    }

    @Test func stageThreeAddsEvidenceOfImpactAndTheTALENTCommission() throws {
        let rubric = try #require(try Self.shipped()[3])
        #expect(
            rubric.criteria.map(\.id)
                == Self.themes + ["rag", "impact", "talent", "technician-voice", "action-plan", "overall"])
        #expect(rubric.criterion("impact")?.title == "Evidence of impact")
        #expect(rubric.criterion("talent")?.guidance.contains("TALENT Commission") == true)
    }

    @Test func shippedFormsFitInSeventyEightColumns() throws {
        for rubric in try Self.shipped().values {
            let long = ReviewForm.render(rubric).split(separator: "\n").filter { $0.count > 78 }
            #expect(long.isEmpty, "stage \(rubric.stage): \(long)")
        }
    }

    @Test func readmeExampleIsValidAndItsFormIsWhatRenderGives() throws {
        let readme = try String(contentsOfFile: Self.shippedFolder + "/README.md", encoding: .utf8)
        let blocks = readme.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element.drop { $0 != "\n" }.dropFirst())
        }
        try #require(blocks.count == 2)
        let (rubric, problems) = RubricParser.parse(blocks[0], file: "README.md")
        #expect(problems.isEmpty)
        #expect(ReviewForm.render(try #require(rubric)) == blocks[1])
    }

    // MARK: - Loading a folder

    static let minimal = "stage = %d\ntitle = T\nscale = 1: A | 2: B\n[criterion a]\ntitle = A\n"

    @Test func everyRubricFileIsLoadedAndOtherFilesIgnored() throws {
        let folder = TemporaryDirectory()
        try folder.write(String(format: Self.minimal, 1), to: "stage-1.rubric")
        try folder.write(String(format: Self.minimal, 3), to: "later.rubric")
        try folder.write("not a rubric", to: "README.md")
        try folder.write("stage = 9", to: "stage-2.rubric~")
        let (rubrics, problems) = RubricLibrary.load(folder: folder.path)
        #expect(problems.isEmpty)
        #expect(rubrics.keys.sorted() == [1, 3])
    }

    @Test func problemsNameTheFileAndLine() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write(
            "stage = 1\ntitle = T\nscale = 1: A | 2: B\nreviewers = 0\n[criterion a]\ntitle = A\n", to: "stage-1.rubric"
        )
        let (rubrics, problems) = RubricLibrary.load(folder: folder.path)
        #expect(rubrics.isEmpty)
        #expect(
            problems.map(\.description) == [
                "\(path):4: reviewers must be a whole number of at least 1 (reviewers per submission), not '0'"
            ])
    }

    @Test func stageDefinedTwiceIsReportedAtTheSecondFilesStageLine() throws {
        let folder = TemporaryDirectory()
        try folder.write(String(format: Self.minimal, 2), to: "a.rubric")
        let second = try folder.write("# copy\n" + String(format: Self.minimal, 2), to: "b.rubric")
        let (rubrics, problems) = RubricLibrary.load(folder: folder.path)
        #expect(rubrics.keys.sorted() == [2])
        #expect(problems.count == 1)
        #expect(problems.first?.file == second)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("stage 2 is already defined by a.rubric") == true)
    }

    @Test func missingFolderIsOneProblem() {
        let (rubrics, problems) = RubricLibrary.load(folder: "/nonexistent/Rubrics")
        #expect(rubrics.isEmpty)
        #expect(
            problems == [
                ConfigProblem(file: "/nonexistent/Rubrics", line: 0, message: "cannot read the rubrics folder")
            ])
    }

    @Test func fileThatIsNotUTF8IsReported() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write(Data([0x73, 0x74, 0xFF, 0xFE, 0x0A]), to: "stage-1.rubric")
        let problems = RubricLibrary.load(folder: folder.path).problems
        #expect(problems.map(\.file) == [path])
        #expect(problems.first?.message.contains("UTF-8") == true)
    }

    @Test func rubricSurvivesAJSONRoundTrip() throws {
        let rubric = try #require(try Self.shipped()[3])
        let data = try JSONEncoder().encode(rubric)
        #expect(try JSONDecoder().decode(Rubric.self, from: data) == rubric)
    }
}
