import Testing

@testable import Prescreen

/// The older (2019) form: unnumbered prompts and an HTML-ish action plan table.
@Suite struct PrescreenForm2019Tests {
    @Test func isRecognisedAndItsHTMLPlanRowsAreRead() {
        let report = Screening.screen(FormText.Form2019().pages(), names: [])

        #expect(report.form == .initial2019)
        #expect(
            report.actionPlan.map(\.theme) == [
                "Visibility", "Visibility", "Recognition", "Recognition", "Career Development", "Career Development",
                "Sustainability", "Sustainability",
            ])
        #expect(
            report.actionPlan.map(\.activity) == [
                "Publish clear reporting structures", "Technicians to feature in prospectuses and marketing materials",
                "Nominations to external award schemes", "Present talks and workshops", "Review of the technical role",
                "Introduction of an exchange programme between institutions", "Succession planning for technical roles",
                "A technician apprenticeship programme",
            ])
        #expect(report.actionPlan[0].timescale == "complete")
        #expect(report.actionPlan.dropFirst().allSatisfy { $0.timescale.isEmpty })
        #expect(report.actionPlan.allSatisfy { $0.page == 3 })
    }

    @Test func emptyLeaderDateIsMissingAndInProgressIsNoURL() {
        let report = Screening.screen(FormText.Form2019().pages(), names: [])

        expectFindings(
            report,
            [
                "q3-answered": .ok, "q4-answered": .ok, "q5-answered": .ok, "q6-answered": .ok, "technician-voice": .ok,
                "technician-count": .ok, "url": .missing, "signoff-leader": .missing, "signoff-lead": .attention,
                // The 2019 form asked for no time scales.
                "plan-theme-visibility": .ok, "plan-theme-recognition": .ok,
            ])
        #expect(report.finding("q1-answered") == nil, "the 2019 form has no profile question")
        #expect(report.finding("url")?.detail.contains("In progress") == true)
        #expect(report.finding("signoff-lead")?.detail.contains("6th December 2019") == true)
    }

    @Test func filledIn2019FormIsOKWhereItIsComplete() {
        var form = FormText.Form2019()
        form.organisation = "Staffordshire University"
        form.url = "https://www.staffs.ac.uk/technician-commitment"
        form.leaderDate = "9 December 2019"
        let report = Screening.screen(form.pages(), names: ["University of Staffordshire", "Staffordshire", "STAFFS"])

        expectFindings(report, ["url": .ok, "organisation": .ok])
        #expect(report.finding("signoff-leader")?.level == .attention, "dated, but the signature line holds no name")
        #expect(report.organisation == "Staffordshire University")
    }

    @Test func unnumberedSectionsAreNamedByTheirPromptInFindings() {
        let report = Screening.screen(FormText.Form2019().pages(), names: [])
        #expect(
            report.finding("q3-answered")?.detail.hasPrefix("The section \u{201C}Comments on organisation of technical")
                == true)
    }
}
