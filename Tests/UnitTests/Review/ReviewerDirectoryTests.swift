import Configuration
import Foundation
import Review
import Testing

/// The institutions the reviewer fixtures refer to.
private let institutions = [
    Institution(name: "Liverpool John Moores University", short: "LJMU", aliases: ["John Moores"]),
    Institution(name: "Aberystwyth University", short: "ABER"),
    Institution(name: "University of Bristol", short: "BRIS"),
]

private let header = "name,email,institution,expertise,max-open,active,conflicts\n"

/// Loads `rows` under the standard header from a file called `reviewers.csv`.
private func load(_ rows: String) -> ([Reviewer], [ConfigProblem]) {
    ReviewerDirectory.load(csv: header + rows, file: "reviewers.csv", institutions: institutions)
}

/// Expects exactly one problem, on `line`, whose message contains `text`.
private func expectOneProblem(
    _ problems: [ConfigProblem], line: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(problems.count == 1, "problems: \(problems)", sourceLocation: sourceLocation)
    #expect(problems.first?.file == "reviewers.csv", sourceLocation: sourceLocation)
    #expect(problems.first?.line == line, "\(problems)", sourceLocation: sourceLocation)
    #expect(problems.first?.message.contains(text) == true, "\(problems)", sourceLocation: sourceLocation)
}

private let goodRow = "Ann Reviewer,ann@aber.ac.uk,ABER,recognition,3,yes,\n"

@Suite struct ReviewerDirectoryTests {
    @Test func validRowBecomesAReviewerWithCodesAndLowercasedTags() {
        let row =
            "\"Jo Smith, Dr\",Jo.Smith@Bristol.ac.uk,University of Bristol,"
            + "\"Career Development; technician  voice;RAG\",4,Yes,\"LJMU; aber\"\n"
        let (reviewers, problems) = load(row)
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            reviewers == [
                Reviewer(
                    name: "Jo Smith, Dr", email: "jo.smith@bristol.ac.uk", aliases: [], institution: "BRIS",
                    expertise: ["career development", "technician voice", "rag"], maxOpen: 4, active: true,
                    conflicts: ["LJMU", "ABER"])
            ])
    }

    @Test func institutionMayBeGivenByNameAliasOrCodeInAnyCase() {
        let (reviewers, problems) = load(
            "A,a@x.ac.uk,liverpool john moores university,,1,yes,\n"
                + "B,b@x.ac.uk,John  Moores,,1,yes,\n"
                + "C,c@x.ac.uk,ljmu,,1,yes,\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(reviewers.map(\.institution) == ["LJMU", "LJMU", "LJMU"])
    }

    @Test func conflictsMayBeGivenByNameOrCodeAndAreResolvedToCodes() {
        let (reviewers, problems) = load(
            "A,a@x.ac.uk,,,1,yes,Aberystwyth University;bris;John Moores;ABER\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(reviewers.first?.conflicts == ["ABER", "BRIS", "LJMU"])
    }

    @Test func emptyInstitutionMeansNone() {
        let (reviewers, problems) = load("Independent,ind@example.org,,,2,no,\n")
        #expect(problems.isEmpty)
        #expect(reviewers.first?.institution == nil)
        #expect(reviewers.first?.active == false)
        #expect(reviewers.first?.conflicts == [])
    }

    @Test func severalAddressesMakeTheFirstPrimaryAndTheRestAliases() {
        let (reviewers, problems) = load("Ann,\"Ann@Aber.ac.uk; ann.r@gmail.com ;a.r@aber.ac.uk\",ABER,,3,yes,\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(reviewers.first?.email == "ann@aber.ac.uk")
        #expect(reviewers.first?.aliases == ["ann.r@gmail.com", "a.r@aber.ac.uk"])
    }

    @Test func ownsPrimaryAndAliasesIgnoringCaseButNothingElse() {
        let reviewer = Reviewer(name: "Ann", email: "ann@aber.ac.uk", aliases: ["ann.r@gmail.com"])
        #expect(reviewer.owns(address: "ANN@aber.ac.uk"))
        #expect(reviewer.owns(address: "Ann.R@Gmail.com"))
        #expect(reviewer.owns(address: " <ann.r@gmail.com> "))
        #expect(!reviewer.owns(address: "ann@aber.ac.uk.evil.example"))
        #expect(!reviewer.owns(address: "bob@aber.ac.uk"))
        #expect(!reviewer.owns(address: ""))
    }

    @Test func missingColumnsAreReportedOnLineOne() {
        let (reviewers, problems) = ReviewerDirectory.load(
            csv: "name,email,institution,expertise\nA,a@x.ac.uk,ABER,rag\n", file: "reviewers.csv",
            institutions: institutions)
        #expect(reviewers.isEmpty)
        expectOneProblem(problems, line: 1, containing: "missing: max-open, active, conflicts")
    }

    @Test(arguments: ["ann", "ann@", "ann@aber", "ann smith@aber.ac.uk", "<ann@aber.ac.uk>"])
    func badAddressIsReportedWithItsLine(address: String) {
        let (reviewers, problems) = load(goodRow + "Bad,\"\(address)\",ABER,,3,yes,\n")
        expectOneProblem(problems, line: 3, containing: "is not an email address")
        #expect(reviewers.map(\.name) == ["Ann Reviewer"])
    }

    @Test func badAliasIsReportedToo() {
        expectOneProblem(
            load("Bad,ok@aber.ac.uk;not-an-address,ABER,,3,yes,\n").1, line: 2, containing: "not-an-address")
    }

    @Test func emptyAddressIsReported() {
        expectOneProblem(load(goodRow + "Nobody,,ABER,,3,yes,\n").1, line: 3, containing: "Nobody has no email address")
    }

    @Test func emptyNameIsReported() {
        expectOneProblem(load(",x@aber.ac.uk,ABER,,3,yes,\n").1, line: 2, containing: "the name is empty")
    }

    @Test func unknownInstitutionIsReported() {
        expectOneProblem(
            load(
                goodRow
                    + goodRow.replacingOccurrences(of: "ann@", with: "b@")
                    .replacingOccurrences(of: "ABER", with: "Oxford")
            ).1, line: 3, containing: "unknown institution 'Oxford'")
    }

    @Test func unknownConflictIsReportedAndTheRowDropped() {
        let (reviewers, problems) = load("A,a@x.ac.uk,ABER,,3,yes,LJMU;Camb\n")
        expectOneProblem(problems, line: 2, containing: "unknown conflict 'Camb'")
        #expect(reviewers.isEmpty)
    }

    @Test(arguments: ["0", "-1", "2.5", "three", "", "1e3"])
    func maxOpenThatIsNotAPositiveWholeNumberIsReported(value: String) {
        expectOneProblem(
            load("A,a@x.ac.uk,ABER,,\(value),yes,\n").1, line: 2, containing: "must be a positive whole number")
    }

    @Test(arguments: ["maybe", "", "true", "1", "y"])
    func activeThatIsNotYesOrNoIsReported(value: String) {
        expectOneProblem(load("A,a@x.ac.uk,ABER,,3,\(value),\n").1, line: 2, containing: "must be yes or no")
    }

    @Test func activeIsReadInAnyCase() {
        let (reviewers, problems) = load("A,a@x.ac.uk,,,3,YES,\nB,b@x.ac.uk,,,3,No,\n")
        #expect(problems.isEmpty)
        #expect(reviewers.map(\.active) == [true, false])
    }

    @Test func duplicatePrimaryAddressIsReportedOnTheLaterLine() {
        let (reviewers, problems) = load(goodRow + "B,b@x.ac.uk,,,3,yes,\n" + "Ann Again,ANN@aber.ac.uk,,,3,yes,\n")
        expectOneProblem(problems, line: 4, containing: "ann@aber.ac.uk is already listed on line 2")
        #expect(reviewers.map(\.name) == ["Ann Reviewer", "B"])
    }

    @Test func aliasThatIsAnotherReviewersAddressIsReported() {
        let (_, problems) = load(goodRow + "B,b@x.ac.uk;ann@aber.ac.uk,,,3,yes,\n")
        expectOneProblem(problems, line: 3, containing: "ann@aber.ac.uk is already listed on line 2")
    }

    @Test func everyFaultOfARowIsReportedAndOtherRowsStillLoad() {
        let (reviewers, problems) = load(
            goodRow + "Bad,bad@,Nowhere,,0,perhaps,Elsewhere\n" + "C,c@x.ac.uk,BRIS,,2,yes,\n")
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.allSatisfy { $0.line == 3 })
        #expect(problems.map(\.description).allSatisfy { $0.hasPrefix("reviewers.csv:3: ") })
        #expect(reviewers.map(\.name) == ["Ann Reviewer", "C"])
    }

    @Test func expertiseTagsAreNormalised() {
        let (reviewers, _) = load("A,a@x.ac.uk,,\" Career-Development ;TALENT;talent\",3,yes,\n")
        #expect(reviewers.first?.expertise == ["career development", "talent"])
    }
}
