import Testing

@testable import Prescreen

/// The Nominated Institutional Lead's and the Leader of the Institution's sign-offs, each with a name and a date.
@Suite struct PrescreenSignOffTests {
    func report(lead: FormText.SignOff?, leader: FormText.SignOff?) -> PrescreenReport {
        var form = FormText.Initial()
        form.lead = lead
        form.leader = leader
        return Screening.screen(form.pages())
    }

    @Test func bothSignedAndDatedAreOKAndNameTheSignatories() throws {
        let report = report(
            lead: .init(name: "Dr Alex Example", date: "10 July 2024"),
            leader: .init(name: "Professor Sam Leader", date: "12/07/2024"))
        expectFindings(report, ["signoff-lead": .ok, "signoff-leader": .ok])
        let leader = try #require(report.finding("signoff-leader"))
        #expect(leader.detail.contains("Professor Sam"))
        #expect(leader.detail.contains("12/07/2024"))
        #expect(report.finding("signoff-lead")?.detail.contains("10 July 2024") == true)
    }

    @Test func noLeaderSignOffIsMissing() throws {
        let report = report(lead: .init(name: "Dr Alex Example", date: "10 July 2024"), leader: nil)
        expectFindings(report, ["signoff-lead": .ok, "signoff-leader": .missing])
        #expect(report.finding("signoff-leader")?.detail.contains("leadership level") == true)
        #expect(report.hasMissing)
    }

    @Test func undatedLeaderSignOffIsMissing() throws {
        let report = report(
            lead: .init(name: "Dr Alex Example", date: "10 July 2024"),
            leader: .init(name: "Professor Sam Leader", date: nil))
        expectFindings(report, ["signoff-leader": .missing, "signoff-lead": .ok])
        let finding = try #require(report.finding("signoff-leader"))
        #expect(finding.detail.contains("has no date"))
        #expect(report.attentionLines().contains(finding.detail))
    }

    @Test func leaderSignOffWithADateButNoReadableNameNeedsAttention() {
        let report = report(
            lead: .init(name: "Dr Alex Example", date: "10 July 2024"), leader: .init(name: nil, date: "12 July 2024"))
        expectFindings(report, ["signoff-leader": .attention])
    }

    @Test func dottedSignatureLineIsNotAName() {
        let report = report(
            lead: .init(name: "Dr Alex Example", date: "10 July 2024"), leader: .init(name: "..........", date: nil))
        expectFindings(report, ["signoff-leader": .missing])
        #expect(report.finding("signoff-leader")?.detail.contains("neither signed nor dated") == true)
    }

    @Test func missingOrUndatedLeadSignOffNeedsAttentionOnly() {
        expectFindings(
            report(lead: nil, leader: .init(name: "Professor Sam Leader", date: "12 July 2024")),
            ["signoff-lead": .attention, "signoff-leader": .ok])
        expectFindings(
            report(
                lead: .init(name: "Dr Alex Example", date: nil),
                leader: .init(name: "Professor Sam Leader", date: "12 July 2024")),
            ["signoff-lead": .attention, "signoff-leader": .ok])
    }

    @Test func leadsDateDoesNotCountForAnUndatedLeader() {
        // The lead's date sits just above the leader's block; it must not be read as the leader's.
        let report = report(
            lead: .init(name: "Dr Alex Example", date: "10 July 2024"),
            leader: .init(name: "Professor Sam Leader", date: ""))
        expectFindings(report, ["signoff-leader": .missing])
    }

    @Test func signOffTypedOnSeparateLinesIsRead() {
        var form = FormText.Initial()
        form.lead = nil
        form.leader = nil
        var pages = form.pages()
        pages[2] += """
            Signed: Alex Example
            (Technician Commitment Nominated Institutional Lead)
            Date: 2024-07-10

            Signed:
            Professor Sam Leader, Vice-Chancellor
            (Technician Commitment Signatory – Leader of Institution)
            Date:
            July 12, 2024
            """
        let report = Screening.screen(pages)
        expectFindings(report, ["signoff-lead": .ok, "signoff-leader": .ok])
    }
}
