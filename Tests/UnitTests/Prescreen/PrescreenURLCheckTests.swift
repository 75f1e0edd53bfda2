import Testing

@testable import Prescreen

/// Q8: the published status and plan's web address, checked for form only.
@Suite struct PrescreenURLCheckTests {
    func finding(_ answer: String) -> Finding? {
        var form = FormText.Initial()
        form.answers[8] = answer
        return Screening.screen(form.pages()).finding("url")
    }

    @Test(arguments: [
        "https://www.example.ac.uk/technician-commitment", "http://example.ac.uk/tc.",
        "See our page (https://www.example.ac.uk/about/technicians?tab=plan).",
        "https://www.example.ac.uk/research/technician-\ncommitment",
    ])
    func wellFormedAddressIsOK(_ answer: String) {
        #expect(finding(answer)?.level == .ok)
    }

    @Test func addressWithoutSchemeNeedsAttentionAndSuggestsTheFullOne() throws {
        let url = try #require(finding("www.example.ac.uk/technicians"))
        #expect(url.level == .attention)
        #expect(url.detail.contains("https://www.example.ac.uk/technicians"))
        #expect(finding("example.ac.uk/technicians")?.level == .attention)
    }

    @Test(arguments: ["http://intranet/tc", "https://example"])
    func addressWithoutADottedHostNeedsAttention(_ answer: String) {
        #expect(finding(answer)?.level == .attention)
    }

    @Test(arguments: ["In progress", "", "We will publish it soon.", "Contact tc@example.ac.uk for details."])
    func noAddressIsMissing(_ answer: String) {
        #expect(finding(answer)?.level == .missing)
    }

    @Test func theTechnicianCommitmentsOwnSiteIsNotTheInstitutionsPage() {
        #expect(finding("https://techniciancommitment.org.uk")?.level == .missing)
    }
}
