import Configuration
import Testing

private let header = "name,short,domains,aliases,lead,joined\n"

/// Loads `rows` under the standard header from a file called `institutions.csv`.
private func load(_ rows: String) -> ([Institution], [ConfigProblem]) {
    Institution.load(csv: header + rows, file: "institutions.csv")
}

/// Expects exactly one problem, on `line`, whose message contains `text`.
private func expectOneProblem(
    _ problems: [ConfigProblem], line: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(problems.count == 1, "problems: \(problems)", sourceLocation: sourceLocation)
    #expect(problems.first?.file == "institutions.csv", sourceLocation: sourceLocation)
    #expect(problems.first?.line == line, sourceLocation: sourceLocation)
    #expect(problems.first?.message.contains(text) == true, "\(problems)", sourceLocation: sourceLocation)
}

@Suite struct InstitutionCSVTests {
    @Test func validRowBecomesAnInstitution() {
        let row =
            "Liverpool John Moores University,ljmu,LJMU.ac.uk; staff.ljmu.ac.uk,"
            + "\"John Moores; LJMU Liverpool\",lead@ljmu.ac.uk,2017-05\n"
        let (institutions, problems) = load(row)
        #expect(problems.isEmpty)
        #expect(
            institutions == [
                Institution(
                    name: "Liverpool John Moores University", short: "LJMU",
                    domains: ["ljmu.ac.uk", "staff.ljmu.ac.uk"],
                    aliases: ["John Moores", "LJMU Liverpool"], lead: "lead@ljmu.ac.uk", joined: "2017-05")
            ])
    }

    @Test func optionalColumnsMayBeEmpty() {
        let (institutions, problems) = load("Aberystwyth University,ABER,,,,\n")
        #expect(problems.isEmpty)
        #expect(institutions.first?.lead == nil)
        #expect(institutions.first?.joined == nil)
        #expect(institutions.first?.domains == [])
    }

    @Test func missingHeaderColumnsAreReportedOnLineOne() {
        let (institutions, problems) = Institution.load(
            csv: "name,short,domain\nA,AA,a.ac.uk\n", file: "institutions.csv")
        #expect(institutions.isEmpty)
        expectOneProblem(problems, line: 1, containing: "missing: domains, aliases, lead, joined")
    }

    @Test func duplicateShortCodeIsReportedOnTheSecondRow() {
        let (institutions, problems) = load("First,LJMU,,,,\nSecond,Other,,,,\nThird,ljmu,,,,\n")
        expectOneProblem(problems, line: 4, containing: "the short code ljmu is already used on line 2")
        #expect(institutions.map(\.name) == ["First", "Second"])
    }

    @Test(arguments: ["", "LJ MU", "LJ-MU", "ŁJMU"])
    func shortCodeThatIsNotLettersAndDigitsIsReported(short: String) {
        expectOneProblem(load("Liverpool,\(short),,,,\n").1, line: 2, containing: "must be letters and digits")
    }

    @Test func emptyNameIsReported() {
        expectOneProblem(load("A,AA,,,,\n,BB,,,,\n").1, line: 3, containing: "the name is empty")
    }

    @Test(arguments: ["lead", "lead@", "@ljmu.ac.uk", "lead@ljmu", "Tom <lead@ljmu.ac.uk>", "lead@ljmu.ac.uk;x@y.uk"])
    func badLeadAddressIsReported(lead: String) {
        expectOneProblem(load("Liverpool,LJMU,,,\"\(lead)\",\n").1, line: 2, containing: "is not an email address")
    }

    @Test(arguments: ["May 2017", "2017", "2017-13", "17-05", "1889-05"])
    func badJoinedDateIsReported(joined: String) {
        expectOneProblem(
            load("Liverpool,LJMU,,,,\(joined)\n").1, line: 2, containing: "should be a date such as 2017-05")
    }

    @Test func addressInTheDomainsColumnIsReported() {
        expectOneProblem(load("Liverpool,LJMU,lead@ljmu.ac.uk,,,\n").1, line: 2, containing: "is not a mail domain")
    }

    @Test func rowLinesStayRightAfterAQuotedLineBreak() {
        let (_, problems) = load("\"Liverpool\nJohn Moores\",LJMU,,,,\nAber,ABER,,,not-an-address,\n")
        expectOneProblem(problems, line: 4, containing: "the lead 'not-an-address'")
    }

    @Test func crlfFileLoads() {
        let text = (header + "Liverpool John Moores University,LJMU,ljmu.ac.uk,,lead@ljmu.ac.uk,2017-05\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let (institutions, problems) = Institution.load(csv: text, file: "institutions.csv")
        #expect(problems.isEmpty)
        #expect(institutions.first?.joined == "2017-05")
        #expect(institutions.first?.lead == "lead@ljmu.ac.uk")
    }

    @Test func everyFaultyRowIsReported() {
        let (institutions, problems) = load("A,AA,,,bad,\nB,BB,,,,never\nC,CC,,,,\n")
        #expect(problems.map(\.line) == [2, 3])
        #expect(institutions.map(\.short).contains("CC"))
    }
}
