import Testing

@testable import Prescreen

/// The current Initial (Stage 1) form: questions, profile length, technician numbers, URL, organisation.
@Suite struct PrescreenInitialFormTests {
    @Test func completeFormHasEveryFindingOKAndItsPlanRowsRead() {
        let report = Screening.screen(FormText.Initial().pages())

        #expect(report.form == .initial)
        #expect(report.hasText)
        expectAllOK(report)
        #expect(
            Set(report.findings.map(\.id)) == [
                "organisation", "q1-answered", "q1-word-limit", "q2-answered", "q3-answered", "technician-count",
                "q4-answered", "q5-answered", "q6-answered", "plan-theme-visibility", "plan-theme-recognition",
                "plan-theme-career-development", "plan-theme-sustainability", "technician-voice", "url", "signoff-lead",
                "signoff-leader",
            ])
        #expect(report.actionPlan.map(\.theme) == FormText.actions.map(\.theme))
        #expect(report.actionPlan.map(\.activity) == FormText.actions.map(\.activity))
        #expect(report.actionPlan.map(\.description) == FormText.actions.map(\.description))
        #expect(report.actionPlan.map(\.timescale) == FormText.actions.map(\.timescale))
        #expect(report.actionPlan.allSatisfy { $0.page == 3 })
        #expect(report.organisation == "University of Example")
        #expect(report.profileWordCount == 56)
        #expect(report.attentionLines().isEmpty)
        #expect(!report.hasMissing)
        #expect(report.worstLevel == .ok)
    }

    @Test func findingsQuoteTheTextAndGiveItsPage() throws {
        let report = Screening.screen(FormText.Initial().pages())

        let count = try #require(report.finding("technician-count"))
        #expect(count.evidence?.contains("c. 450 technicians") == true)
        #expect(count.page == 2)
        let url = try #require(report.finding("url"))
        #expect(url.evidence == "https://www.example.ac.uk/technician-commitment")
        #expect(url.page == 3)
        #expect(report.findings.allSatisfy { ($0.evidence?.count ?? 0) <= 200 && $0.evidence?.contains("\n") != true })
    }

    @Test func blankTemplateHasEveryQuestionMissing() throws {
        let report = Screening.screen([try Screening.blankTemplate()], names: [])

        #expect(report.form == .initial)
        expectFindings(
            report,
            [
                "q1-answered": .missing, "q2-answered": .missing, "q3-answered": .missing, "q4-answered": .missing,
                "q5-answered": .missing, "q6-answered": .missing, "technician-voice": .missing, "url": .missing,
                "plan-theme-visibility": .missing, "plan-theme-recognition": .missing,
                "plan-theme-career-development": .missing, "plan-theme-sustainability": .missing,
                "signoff-leader": .missing, "signoff-lead": .attention, "technician-count": .attention,
            ])
        #expect(report.finding("q1-word-limit") == nil, "no profile to count")
        #expect(report.finding("organisation") == nil, "not filed under an institution")
        #expect(report.actionPlan.isEmpty, "Appendix A's example activities are guidance, not a plan")
        #expect(report.profileWordCount == nil)
    }

    @Test func blankTemplateSplitIntoPagesIsStillEveryQuestionMissing() throws {
        let template = try Screening.blankTemplate()
        let pages = template.components(separatedBy: "Technician Commitment Initial Self-Assessment & Action Plan\n")
        #expect(pages.count == 2)
        let report = Screening.screen(pages, names: [])
        let questions = ["q1-answered", "q2-answered", "q3-answered", "q4-answered", "q5-answered", "q6-answered"]
        #expect(questions.allSatisfy { report.finding($0)?.level == .missing })
        #expect(report.findings.filter { $0.id.hasSuffix("-answered") }.allSatisfy { $0.page == 2 })
    }

    @Test func profileOverTheLimitIsCountedAndNeedsAttention() throws {
        var form = FormText.Initial()
        form.answers[1] = Array(repeating: "Our university has thriving technical teams.", count: 52).joined(
            separator: " ")
        let report = Screening.screen(form.pages())

        #expect(report.profileWordCount == 312)
        let finding = try #require(report.finding("q1-word-limit"))
        #expect(finding.level == .attention)
        #expect(finding.detail == "Your profile is 312 words; the form asks for up to 250.")
        #expect(report.finding("q1-answered")?.level == .ok)
    }

    @Test func profileOfExactly250WordsIsWithinTheLimit() {
        var form = FormText.Initial()
        form.answers[1] = Array(repeating: "technicians", count: 250).joined(separator: " ")
        let report = Screening.screen(form.pages())
        #expect(report.profileWordCount == 250)
        #expect(report.finding("q1-word-limit")?.level == .ok)
    }

    @Test(arguments: [
        "There are approximately 1,200 technicians across the University.",
        "We have over 300 technical staff in four faculties.",
        "Our technical community of around 640 people works in every faculty.",
        "Number of technicians: 212 (headcount), based in faculties.",
        "We employ 87 FTE technical staff.",
    ])
    func numberOfTechniciansIsFoundHoweverItIsWritten(_ answer: String) {
        var form = FormText.Initial()
        form.answers[3] = answer
        let report = Screening.screen(form.pages())
        #expect(report.finding("technician-count")?.level == .ok, "\(report.finding("technician-count")?.detail ?? "")")
    }

    @Test func answerWithoutANumberOfTechniciansNeedsAttention() {
        var form = FormText.Initial()
        form.answers[3] =
            "Technicians work in faculty teams and central facilities; since 2019 grade 5 technicians lead each team."
        form.answers[1] = "A university in the north of England."
        let report = Screening.screen(form.pages())
        expectFindings(report, ["technician-count": .attention, "q3-answered": .ok])
    }

    @Test func placeholderAnswerIsMissing() {
        var form = FormText.Initial()
        form.answers[4] = "TBC"
        let report = Screening.screen(form.pages())
        expectFindings(report, ["q4-answered": .missing])
        #expect(report.finding("q4-answered")?.detail.contains("only says") == true)
        #expect(report.finding("q4-answered")?.certainty == .certain)
    }

    @Test func notApplicableMayBeARealAnswerSoOnlyTheCoordinatorsAreAskedToLook() {
        var form = FormText.Initial()
        form.answers[4] = "N/A"
        let report = Screening.screen(form.pages())
        expectFindings(report, ["q4-answered": .attention])
        #expect(report.finding("q4-answered")?.certainty == .uncertain)
        #expect(!report.attentionLines().contains { $0.contains("N/A") })
    }

    @Test func questionLeftOutOfTheFormIsMissing() throws {
        var form = FormText.Initial()
        form.omitted = [2]
        let report = Screening.screen(form.pages())
        let finding = try #require(report.finding("q2-answered"))
        #expect(finding.level == .missing)
        #expect(finding.detail.contains("was not found"))
        #expect(report.finding("q1-answered")?.level == .ok, "Q1's answer does not swallow anything")
    }

    @Test func imageOnlyPDFGetsOneFindingAboutText() throws {
        let report = Screening.screen(["", "  \n", "\u{0C}", "Page 4"])

        #expect(!report.hasText)
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.id == "text")
        #expect(finding.level == .missing)
        #expect(
            finding.detail.contains("no text could be read — please send the PDF exported from your word processor"))
        #expect(report.attentionLines() == [finding.detail])
        #expect(report.actionPlan.isEmpty)
    }

    @Test func aFewStrayCharactersAreStillNoText() {
        let report = Screening.screen(Array(repeating: "Technician Commitment 1 2 3", count: 5))
        #expect(report.findings.map(\.id) == ["text"])
    }

    @Test func blankTemplateEmailListsEachGapOnceWithoutRepeatingTheThemes() throws {
        let report = Screening.screen([try Screening.blankTemplate()], names: [])
        let lines = report.attentionLines()
        #expect(lines.count == 10)
        #expect(
            !lines.contains { $0.contains("Visibility") || $0.contains("how many technicians your organisation has") })
        #expect(lines.allSatisfy { !$0.contains("q1-") && !$0.contains("signoff") })
    }

    @Test func technicianVoiceInALineNeedsAttention() throws {
        var form = FormText.Initial()
        form.answers[7] = "Technicians were consulted."
        let report = Screening.screen(form.pages())
        let finding = try #require(report.finding("technician-voice"))
        #expect(finding.level == .attention)
        #expect(finding.detail.contains("3 words"))
    }

    @Test func technicianVoiceLeftBlankIsMissing() {
        var form = FormText.Initial()
        form.answers[7] = ""
        expectFindings(Screening.screen(form.pages()), ["technician-voice": .missing, "url": .ok])
    }

    @Test func documentThatIsNotASelfAssessmentIsNotRecognised() {
        let letter = String(
            repeating:
                "Dear colleagues, please find attached our annual report on research culture and staff development. ",
            count: 5)
        let report = Screening.screen([letter])
        #expect(report.form == .unknown)
        expectFindings(report, ["form": .attention, "signoff-leader": .missing])
        #expect(report.finding("q1-answered") == nil, "no question findings for a form not recognised")
    }
}
