import Testing

@testable import Prescreen

/// The organisation named on the form agrees with the institution it was filed under.
@Suite struct PrescreenOrganisationCheckTests {
    func report(organisation: String, names: [String] = Screening.example) -> PrescreenReport {
        var form = FormText.Initial()
        form.organisation = organisation
        return Screening.screen(form.pages(), names: names)
    }

    @Test(arguments: [
        "University of Example", "Example University", "THE UNIVERSITY OF EXAMPLE", "University of Example.",
        "UoE", "The Univ. of Example",
    ])
    func sameInstitutionWrittenDifferentlyMatches(_ written: String) {
        let report = report(organisation: written)
        expectFindings(report, ["organisation": .ok])
        #expect(report.organisation == written.trimmingCharacters(in: .punctuationCharacters))
    }

    @Test func shortCodeOfTheFullNameMatches() {
        let byName = report(
            organisation: "Liverpool John Moores University", names: ["Liverpool John Moores University", "LJMU"])
        expectFindings(byName, ["organisation": .ok])
        let byCode = report(organisation: "LJMU", names: ["Liverpool John Moores University"])
        expectFindings(byCode, ["organisation": .ok])
    }

    @Test func differentInstitutionNeedsAttentionNamingBoth() throws {
        let report = report(organisation: "University of Elsewhere")
        let finding = try #require(report.finding("organisation"))
        #expect(finding.level == .attention)
        #expect(finding.detail.contains("University of Elsewhere"))
        #expect(finding.detail.contains("University of Example"))
        #expect(finding.page == 2)
    }

    @Test func aSharedCityIsNotEnough() {
        let report = report(
            organisation: "Leeds Beckett University", names: ["University of Leeds", "Leeds University"])
        expectFindings(report, ["organisation": .attention])
    }

    @Test func emptyOrganisationFieldNeedsAttention() {
        let report = report(organisation: "")
        expectFindings(report, ["organisation": .attention])
        #expect(report.organisation == nil)
    }

    @Test func noInstitutionToCompareWithSkipsTheCheck() {
        let report = report(organisation: "University of Elsewhere", names: [])
        #expect(report.finding("organisation") == nil)
        #expect(report.organisation == "University of Elsewhere")
    }

    @Test func nameWordsIgnoreOrderCaseAccentsAndStopWords() {
        #expect(NameWords("Université de Côte d'Azur").all.contains("universite"))
        #expect(NameWords("The University of Arts & Design").significant == ["university", "arts", "design"])
        #expect(NameWords("example university").names(NameWords("University of Example")))
        #expect(NameWords("LJMU").names(NameWords("Liverpool John Moores University")))
        #expect(OrganisationCheck.matches(written: "University of Leeds (UoL)", filed: "University of Leeds"))
        #expect(!NameWords("University").names(NameWords("University of Example")))
        #expect(!NameWords("University of Elsewhere").names(NameWords("UoE")))
    }
}
