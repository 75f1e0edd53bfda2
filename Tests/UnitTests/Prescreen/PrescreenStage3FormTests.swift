import Testing

@testable import Prescreen

/// Stage 3 (and Stage 2): the changed questions, the TALENT Commission, and the RAG analysis.
@Suite struct PrescreenStage3FormTests {
    @Test func completeStage3IsAllOKWithItsRAGCounts() throws {
        let report = Screening.screen(FormText.Stage3().pages())

        #expect(report.form == .stage3)
        expectAllOK(report)
        #expect(report.rag == RAGCounts(red: 1, amber: 2, green: 4))
        expectFindings(report, ["rag": .ok, "q5-talent": .ok, "q2-answered": .ok, "q4-answered": .ok])
        #expect(report.finding("q5-answered") == nil, "Stage 3's Q5 is the TALENT question")
        #expect(report.finding("rag")?.detail.contains("1 red, 2 amber and 4 green") == true)
        #expect(report.finding("technician-count")?.level == .ok)
        #expect(report.actionPlan.count == FormText.actions.count, "the new plan, not the RAG table of the old one")
        #expect(report.actionPlan.allSatisfy { $0.page == 5 })
    }

    @Test func stage3WithoutATALENTAnswerIsMissing() throws {
        var form = FormText.Stage3()
        form.talentAnswer = ""
        let report = Screening.screen(form.pages())

        let finding = try #require(report.finding("q5-talent"))
        #expect(finding.level == .missing)
        #expect(finding.detail.contains("TALENT"))
        #expect(report.finding("q4-answered")?.level == .ok)
        #expect(report.finding("q6-answered")?.level == .ok)
    }

    @Test func stage3WithoutARAGAnalysisIsMissing() {
        var form = FormText.Stage3()
        form.ragStatuses = nil
        let report = Screening.screen(form.pages())
        expectFindings(report, ["rag": .missing])
        #expect(report.rag == nil)
    }

    @Test func ragStatusesAsLettersAndGlossesAreCounted() {
        var form = FormText.Stage3()
        form.ragStatuses = ["G", "A", "R", "Green – complete", "Amber (in progress)", "G"]
        let report = Screening.screen(form.pages())
        #expect(report.rag == RAGCounts(red: 1, amber: 2, green: 3))
    }

    @Test func ragMentionedWithoutStatusesNeedsAttention() {
        var form = FormText.Stage3()
        form.ragStatuses = ["Done", "Started"]
        let report = Screening.screen(form.pages())
        expectFindings(report, ["rag": .attention])
    }

    @Test func stage3IsRecognisedByItsQuestionsWithoutItsTitle() {
        var form = FormText.Stage3()
        form.title = "Self-Assessment & Action Plan"
        var pages = form.pages()
        pages[0] = "Guidance for completing the form."
        let report = Screening.screen(pages)
        #expect(report.form == .stage3)
    }

    @Test func stage2TitleAsksForARAGAnalysisButNotTheTALENTQuestion() {
        var form = FormText.Initial()
        form.planPlacement = .appendixB
        var pages = form.pages()
        pages[1] = pages[1].replacingOccurrences(of: "Initial Self-Assessment", with: "Stage 2 Self-Assessment")
        pages[0] = "Technician Commitment: Stage 2 Self-Assessment & Action Plan Guidance"
        let withoutRAG = Screening.screen(pages)
        #expect(withoutRAG.form == .stage2)
        expectFindings(withoutRAG, ["rag": .missing, "q1-answered": .ok, "technician-voice": .ok])
        #expect(withoutRAG.finding("q5-talent") == nil)

        pages.append(
            "Appendix C: RAG analysis of our previous action plan\nAction\tStatus\nTechnician network\tGreen\nAwards\tAmber"
        )
        let withRAG = Screening.screen(pages)
        expectFindings(withRAG, ["rag": .ok])
        #expect(withRAG.rag == RAGCounts(red: 0, amber: 1, green: 1))
    }

    @Test func initialFormHasNoRAGFinding() {
        let report = Screening.screen(FormText.Initial().pages())
        #expect(report.finding("rag") == nil)
    }

    @Test func stageTwoNamedOnlyInTheHeaderIsStage2() {
        var pages = FormText.Initial().pages()
        pages[0] = "Guidance for completing the self-assessment."
        pages[1] = pages[1].replacingOccurrences(
            of: "Technician Commitment Initial Self-Assessment & Action Plan",
            with: "Technician Commitment – Stage Two review")
        #expect(Screening.screen(pages).form == .stage2)
        pages[1] = pages[1].replacingOccurrences(of: "Stage Two review", with: "review")
        #expect(Screening.screen(pages).form == .initial, "the questions alone make an Initial form")
    }
}
