import Configuration
import Foundation
import Testing

@testable import Intake

/// Institutions as `institutions.csv` would list them.
private let ljmu = Institution(
    name: "Liverpool John Moores University", short: "LJMU", domains: ["ljmu.ac.uk"], aliases: ["John Moores"])
private let london = Institution(name: "University of London", short: "UOL", domains: ["london.ac.uk"])
private let qmul = Institution(
    name: "Queen Mary University of London", short: "QMUL", domains: ["qmul.ac.uk"], aliases: ["QMUL London"])
private let aberystwyth = Institution(
    name: "Aberystwyth University", short: "ABER", domains: ["aber.ac.uk"], aliases: ["Prifysgol Aberystwyth"])
private let glyndwr = Institution(name: "Prifysgol Glyndŵr Wrecsam", short: "WGU", domains: ["glyndwr.ac.uk"])
private let kcl = Institution(name: "King's College London", short: "KCL", domains: ["kcl.ac.uk"])

private let matcher = InstitutionMatcher(institutions: [ljmu, london, qmul, aberystwyth, glyndwr, kcl])

/// 15 March 2025, 12:00 UTC: a received date far from any title's period.
private let march2025 = Date(timeIntervalSince1970: 1_742_040_000)

private func identify(
    files: [String] = [], subject: String? = nil, sender: String = "someone@gmail.com", received: Date = march2025
) -> Identification {
    matcher.identify(fileNames: files, subject: subject, sender: sender, received: received)
}

@Suite struct InstitutionFromTitleTests {
    @Test func fullNameWithMonthAndYearInTheFileName() {
        let found = identify(files: ["Liverpool John Moores University July 2024.pdf"])
        #expect(found.institution == ljmu)
        #expect(found.source == "file name")
        #expect((found.year, found.month, found.periodSource) == (2024, 7, "title"))
    }

    @Test func shortCodeWithNumericMonthInTheFileName() {
        let found = identify(files: ["LJMU_07_2024.pdf"])
        #expect(found.institution == ljmu)
        #expect(found.source == "file name")
        #expect((found.year, found.month) == (2024, 7))
    }

    @Test func slashSeparatedTitleInTheSubject() {
        let found = identify(files: ["form.pdf"], subject: "LJMU/July/2024")
        #expect(found.institution == ljmu)
        #expect(found.source == "subject")
        #expect((found.year, found.month, found.periodSource) == (2024, 7, "title"))
    }

    @Test(arguments: [
        "University of London 2024-07",
        "London University 2024-07",
        "london_university_2024_07",
    ])
    func wordOrderOfUniversityOfXDoesNotMatter(title: String) {
        #expect(matcher.institution(inTitle: title) == london)
    }

    @Test(arguments: [
        "LIVERPOOL JOHN MOORES UNIVERSITY",
        "liverpool-john-moores-university",
        "Liverpool, John Moores University!",
        "liverpool.john.moores.university (final)",
    ])
    func caseAndPunctuationAreIgnored(title: String) {
        #expect(matcher.institution(inTitle: title) == ljmu)
    }

    @Test func camelCaseFileNameIsSplitIntoWords() {
        let found = identify(files: ["LiverpoolJohnMooresUniversity_July2024.pdf"])
        #expect(found.institution == ljmu)
        #expect((found.year, found.month) == (2024, 7))
    }

    @Test func aliasIdentifiesTheInstitution() {
        #expect(matcher.institution(inTitle: "John Moores self-assessment") == ljmu)
    }

    @Test func welshNameAliasIdentifiesTheInstitution() {
        let found = identify(files: ["Prifysgol Aberystwyth Gorffennaf 2024.pdf"])
        #expect(found.institution == aberystwyth)
        #expect((found.year, found.month) == (2024, 7))
    }

    @Test(arguments: [
        "Prifysgol Glyndwr Wrecsam",  // accent left out by the sender
        "Prifysgol Glyndŵr Wrecsam",  // precomposed ŵ
        "Prifysgol Glyndw\u{0302}r Wrecsam",  // w + combining circumflex, as macOS writes file names
        "PRIFYSGOL GLYNDŴR WRECSAM",
    ])
    func accentsAreFoldedInTitles(title: String) {
        #expect(matcher.institution(inTitle: title) == glyndwr)
    }

    @Test func apostropheInTheNameDoesNotPreventAMatch() {
        #expect(matcher.institution(inTitle: "King's College London July 2024") == kcl)
        #expect(matcher.institution(inTitle: "King’s College London July 2024") == kcl)
    }

    @Test func longestMatchingNameWins() {
        #expect(matcher.institution(inTitle: "Queen Mary University of London July 2024") == qmul)
        #expect(matcher.institution(inTitle: "University of London July 2024") == london)
    }

    @Test func shortCodeMatchesOnlyAsAWholeWord() {
        #expect(matcher.institution(inTitle: "LJMUX July 2024") == nil)
        #expect(matcher.institution(inTitle: "ljmu July 2024") == ljmu)
    }

    @Test func partialNameDoesNotMatch() {
        #expect(matcher.institution(inTitle: "Liverpool University July 2024") == nil)
    }

    @Test func fileNameIsPreferredOverSubject() {
        let found = identify(files: ["LJMU_07_2024.pdf"], subject: "Aberystwyth University")
        #expect(found.institution == ljmu)
        #expect(found.source == "file name")
    }

    @Test func laterFileNameIsUsedWhenTheFirstNamesNoInstitution() {
        let found = identify(files: ["scan0001.pdf", "QMUL_01_2025.pdf"])
        #expect(found.institution == qmul)
        #expect(found.source == "file name")
    }
}

@Suite struct InstitutionFromSenderTests {
    @Test func senderDomainIsUsedWhenNoTitleNamesAnInstitution() {
        let found = identify(files: ["self assessment.pdf"], subject: "Our submission", sender: "lead@ljmu.ac.uk")
        #expect(found.institution == ljmu)
        #expect(found.source == "sender domain")
    }

    @Test func subdomainOfTheInstitutionsDomainMatches() {
        #expect(matcher.institution(forSender: "t.lead@staff.ljmu.ac.uk") == ljmu)
    }

    @Test func domainIsComparedWithoutRegardToCase() {
        #expect(matcher.institution(forSender: "Lead@STAFF.LJMU.AC.UK") == ljmu)
    }

    @Test func domainThatOnlyEndsWithTheSameLettersDoesNotMatch() {
        #expect(matcher.institution(forSender: "x@notljmu.ac.uk") == nil)
        #expect(matcher.institution(forSender: "x@ljmu.ac.uk.evil.example") == nil)
    }

    @Test func addressWithoutAnAtSignMatchesNothing() {
        #expect(matcher.institution(forSender: "ljmu.ac.uk") == nil)
    }

    @Test func titleIsPreferredOverSenderDomain() {
        let found = identify(files: ["QMUL_07_2024.pdf"], sender: "lead@ljmu.ac.uk")
        #expect(found.institution == qmul)
        #expect(found.source == "file name")
    }

    @Test func unmatchedSubmissionHasNoInstitutionAndSourceNothing() {
        let found = identify(files: ["scan.pdf"], subject: "Please see attached", sender: "a@gmail.com")
        #expect(found.institution == nil)
        #expect(found.source == "nothing")
    }
}

@Suite struct SubmissionPeriodTests {
    @Test(arguments: [
        ("LJMU 2024-07.pdf", 2024, 7),
        ("LJMU_07_2024.pdf", 2024, 7),
        ("LJMU Jan 2025.pdf", 2025, 1),
        ("LJMU September 2024.pdf", 2024, 9),
        ("LJMU Sept 2024.pdf", 2024, 9),
        ("LJMU Ionawr 2025.pdf", 2025, 1),
        ("LJMU Gorffennaf 2024.pdf", 2024, 7),
        ("LJMU 31.01.2025.pdf", 2025, 1),
    ])
    func monthAndYearAreReadFromTheTitle(file: String, year: Int, month: Int) {
        let found = identify(files: [file])
        #expect(found.year == year)
        #expect(found.month == month)
        #expect(found.periodSource == "title")
    }

    @Test func monthWithoutYearTakesTheYearItWasReceived() {
        let found = identify(files: ["LJMU July.pdf"])
        #expect(found.month == 7)
        #expect(found.year == 2025)
        #expect(found.periodSource == "title")
    }

    @Test func periodComesFromTheSubjectWhenTheFileNameHasNone() {
        let found = identify(files: ["LJMU.pdf"], subject: "Self-assessment January 2025")
        #expect(found.institution == ljmu)
        #expect((found.year, found.month, found.periodSource) == (2025, 1, "title"))
    }

    @Test func titleWithoutPeriodTakesTheReceivedDate() {
        let found = identify(files: ["LJMU.pdf"], subject: "Self-assessment")
        #expect((found.year, found.month) == (2025, 3))
        #expect(found.periodSource == "received")
    }

    @Test func yearWithoutMonthIsNotEnoughForATitlePeriod() {
        let found = identify(files: ["LJMU 2023.pdf"])
        #expect((found.year, found.month) == (2025, 3))
        #expect(found.periodSource == "received")
    }

    @Test func receivedDateIsReadInUKTime() {
        // 31 July 2024, 23:30 UTC is already 1 August in London (BST).
        let lateJuly = Date(timeIntervalSince1970: 1_722_468_600)
        let found = identify(files: ["LJMU.pdf"], received: lateJuly)
        #expect((found.year, found.month) == (2024, 8))
    }

    @Test func unmatchedSubmissionStillGetsAPeriod() {
        let found = identify(files: ["scan.pdf"], subject: "Submission July 2024")
        #expect(found.institution == nil)
        #expect((found.year, found.month, found.periodSource) == (2024, 7, "title"))
    }
}
