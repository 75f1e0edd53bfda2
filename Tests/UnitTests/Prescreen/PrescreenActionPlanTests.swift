import Foundation
import Testing

@testable import Prescreen

/// The action plan: its rows read from any layout, in Q6 or an appendix, and every theme with a time scale.
@Suite struct PrescreenActionPlanTests {
    static let themeIDs = [
        "plan-theme-visibility", "plan-theme-recognition", "plan-theme-career-development", "plan-theme-sustainability",
    ]

    @Test(arguments: [FormText.PlanLayout.tabs, .cellPerLine, .bullets, .runTogether])
    func rowsAreReadFromEveryLayout(_ layout: FormText.PlanLayout) {
        var form = FormText.Initial()
        form.planLayout = layout
        let report = Screening.screen(form.pages())

        #expect(report.actionPlan.map(\.theme) == FormText.actions.map(\.theme), "\(layout)")
        #expect(report.actionPlan.map(\.timescale) == FormText.actions.map(\.timescale), "\(layout)")
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .ok }, "\(layout)")
        if layout != .runTogether {
            #expect(report.actionPlan.map(\.activity) == FormText.actions.map(\.activity), "\(layout)")
            #expect(report.actionPlan.map(\.description) == FormText.actions.map(\.description), "\(layout)")
        }
    }

    @Test func themeMissingFromAPlanReadFromTextAloneGoesToTheCoordinatorsNotTheInstitution() throws {
        var form = FormText.Initial()
        form.actions.removeAll { $0.theme == "Recognition" }
        let report = Screening.screen(form.pages())

        expectFindings(
            report,
            [
                "plan-theme-recognition": .missing, "plan-theme-visibility": .ok, "plan-theme-career-development": .ok,
                "plan-theme-sustainability": .ok, "q6-answered": .ok,
            ])
        #expect(report.finding("plan-theme-recognition")?.detail.contains("No Recognition actions") == true)
        // Without the page layout the plan is a guess from the text: the coordinators look, the sender is not told.
        #expect(report.finding("plan-theme-recognition")?.certainty == .uncertain)
        #expect(report.attentionLines().isEmpty)
        #expect(report.coordinatorLines().count == 1)
    }

    @Test func themeWhoseActionsHaveNoTimeScaleNeedsAttention() {
        var form = FormText.Initial()
        form.actions = form.actions.map { action in
            var action = action
            if action.theme == "Sustainability" { action.timescale = "" }
            return action
        }
        let report = Screening.screen(form.pages())
        expectFindings(report, ["plan-theme-sustainability": .attention, "plan-theme-visibility": .ok])
    }

    @Test func themeWithOnlyOngoingActionsNeedsAttention() {
        var form = FormText.Initial()
        form.actions[2].timescale = "Ongoing"
        let report = Screening.screen(form.pages())
        expectFindings(report, ["plan-theme-recognition": .attention, "plan-theme-visibility": .ok])
    }

    @Test func planOnlyInAnAppendixThatIsThereIsOK() throws {
        var form = FormText.Initial()
        form.planPlacement = .appendixB
        let report = Screening.screen(form.pages())

        expectAllOK(report)
        #expect(report.finding("q6-answered")?.detail.contains("Appendix B") == true)
        #expect(report.actionPlan.count == FormText.actions.count)
        #expect(report.actionPlan.allSatisfy { $0.page == 4 })
    }

    @Test func planReferredToButNotAttachedNeedsAttention() throws {
        var form = FormText.Initial()
        form.planPlacement = .referencedButMissing
        let report = Screening.screen(form.pages())

        let finding = try #require(report.finding("q6-answered"))
        #expect(finding.level == .attention)
        #expect(finding.detail.contains("no Appendix B"))
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .missing })
        #expect(report.attentionLines().count == 1, "the missing appendix explains the missing themes")
    }

    @Test func blankQuestion6WithAPlanInAnAppendixNeedsAttention() {
        var form = FormText.Initial()
        form.planPlacement = .none
        var pages = form.pages()
        pages.append("Appendix C: Our action plan\n" + FormText.plan(FormText.actions, layout: .tabs))
        let report = Screening.screen(pages)

        expectFindings(report, ["q6-answered": .attention])
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .ok })
    }

    @Test func noPlanAtAllIsMissing() {
        var form = FormText.Initial()
        form.planPlacement = .none
        let report = Screening.screen(form.pages())
        expectFindings(report, ["q6-answered": .missing, "plan-theme-visibility": .missing])
        #expect(report.actionPlan.isEmpty)
    }

    @Test func examplesAppendixKeptFromTheTemplateIsNotReadAsThePlan() {
        var form = FormText.Initial()
        form.actions.removeAll { $0.theme == "Sustainability" }
        form.keepsExampleAppendix = true
        let report = Screening.screen(form.pages())

        expectFindings(report, ["plan-theme-sustainability": .missing])
        #expect(!report.actionPlan.contains { $0.activity.contains("apprenticeship programme") })
    }

    @Test func planWithoutAHeaderRowIsReadByItsCells() {
        let plan = """
            Visibility\tTechnician profiles\tPublish profiles on the website\tJan 2025
            \tShowcase event\tAn annual technician showcase\tSummer 2025
            Recognition\tAwards\tA technician award category in the staff awards\tby March 2025
            Career Development\tCareer framework\tGrade descriptors and case studies\tYear 2
            Sustainability\tApprentices\tFour apprentices each year\tSeptember 2025
            """
        let pages = Self.form(withPlanInQuestion6: plan).pages()
        let report = Screening.screen(pages)

        #expect(
            report.actionPlan.map(\.theme) == [
                "Visibility", "Visibility", "Recognition", "Career Development", "Sustainability",
            ])
        #expect(
            report.actionPlan.map(\.timescale) == [
                "Jan 2025", "Summer 2025", "by March 2025", "Year 2", "September 2025",
            ])
        #expect(report.actionPlan[1].activity == "Showcase event")
        expectFindings(report, ["q6-answered": .ok, "plan-theme-career-development": .ok])
    }

    @Test func headerColumnsSayWhichCellIsWhichAndOwnersAreLeftOut() {
        let plan = """
            Ref\tTheme\tAction\tLead\tSuccess measure\tDeadline
            V1\tVisibility\tTechnician profiles\tHead of Technical Services\tProfiles of all teams online\tJuly 2025
            R1\tRecognition\tAwards\tHR Director\tTen nominations a year\tMarch 2026
            CD1\tCareer Development\tCareer framework\tHR Director\tFramework approved\tQ4 2025
            S1\tSustainability\tApprentices\tFaculty managers\tFour apprentices recruited\tOngoing
            S2\t\tSuccession plans\tFaculty managers\tPlans for every team\t2026
            """
        let report = Screening.screen(Self.form(withPlanInQuestion6: plan).pages())

        #expect(
            report.actionPlan.map(\.activity) == [
                "Technician profiles", "Awards", "Career framework", "Apprentices", "Succession plans",
            ])
        #expect(
            report.actionPlan.map(\.description) == [
                "Profiles of all teams online", "Ten nominations a year", "Framework approved",
                "Four apprentices recruited", "Plans for every team",
            ])
        #expect(report.actionPlan.map(\.timescale) == ["July 2025", "March 2026", "Q4 2025", "Ongoing", "2026"])
        #expect(report.actionPlan.last?.theme == "Sustainability")
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .ok })
    }

    @Test func themeCodesInTheFirstColumnNameTheTheme() {
        let plan = """
            V1\tTechnician profiles\tPublish profiles\tJuly 2025
            R1\tAwards\tA technician award\tMarch 2026
            CD2\tCareer framework\tGrade descriptors\t2025-26
            S1\tApprentices\tFour a year\t12 months
            """
        let report = Screening.screen(Self.form(withPlanInQuestion6: plan).pages())
        #expect(
            report.actionPlan.map(\.theme) == ["Visibility", "Recognition", "Career Development", "Sustainability"])
    }

    @Test func planWrittenAsParagraphsUnderThemeHeadingsIsRead() {
        let plan = """
            Visibility: we will publish profiles of every technical team on the University website by December 2025.
            Recognition: a technician category in the staff awards from summer 2025.
            Career Development – a technical career framework agreed with the unions within 18 months.
            Sustainability
            Four technician apprentices a year, starting September 2025.
            """
        let report = Screening.screen(Self.form(withPlanInQuestion6: plan).pages())
        #expect(
            report.actionPlan.map(\.theme) == ["Visibility", "Recognition", "Career Development", "Sustainability"])
        #expect(
            report.actionPlan.map(\.timescale) == ["by December 2025", "summer 2025", "18 months", "September 2025"])
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .ok })
    }

    @Test func answeredQuestion6WithNoReadableActionsSaysSo() {
        let report = Screening.screen(
            Self.form(withPlanInQuestion6: "We are still drafting the plan with our technical staff.").pages())
        #expect(report.finding("q6-answered")?.detail.contains("no actions could be read") == true)
        #expect(Self.themeIDs.allSatisfy { report.finding($0)?.level == .missing })
    }

    /// A complete form whose Question 6 answer is `plan`.
    static func form(withPlanInQuestion6 plan: String) -> FormText.Initial {
        var form = FormText.Initial()
        form.planPlacement = .none
        form.answers[6] = plan
        return form
    }

    @Test func appendixHeadingTypedInsideQuestion6IsPartOfTheAnswer() {
        let plan = "Appendix B: Action Plan\n" + FormText.plan(FormText.actions, layout: .tabs)
        let report = Screening.screen(Self.form(withPlanInQuestion6: plan).pages())
        expectAllOK(report)
        #expect(report.actionPlan.count == FormText.actions.count)
    }
}
