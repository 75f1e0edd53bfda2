import Testing

@testable import Intake

@Suite struct TitleWordsTests {
    @Test func camelCaseAndLetterDigitRunsBecomeSeparateWords() {
        #expect(
            TitleWords("LiverpoolJohnMooresUniversity_July2024").words == [
                "liverpool", "john", "moores", "university", "july", "2024",
            ])
    }

    @Test func punctuationSeparatesWordsAndIsDropped() {
        #expect(TitleWords("LJMU/July/2024 (v2), final!").words == ["ljmu", "july", "2024", "v", "2", "final"])
    }

    @Test func accentsAreFoldedAndCaseIsLowered() {
        #expect(TitleWords("Université Côte d'Azur GLYNDŴR").words == ["universite", "cote", "d", "azur", "glyndwr"])
    }

    @Test func ampersandCountsAsAnd() {
        #expect(TitleWords("Arts&Sciences").words == ["arts", "and", "sciences"])
    }

    @Test func significantWordsLeaveOutStopWords() {
        #expect(TitleWords("The University of the Arts and Design").significant == ["university", "arts", "design"])
    }

    @Test func periodReadsMonthNameAndYear() {
        let period = TitleWords("Jan 2025").period
        #expect(period.year == 2025)
        #expect(period.month == 1)
    }

    @Test func periodReadsANumericMonthBeforeOrAfterTheYear() {
        #expect(TitleWords("2024-07").period.month == 7)
        #expect(TitleWords("07_2024").period.month == 7)
    }

    @Test func numberThatCannotBeAMonthIsNotTakenForOne() {
        let period = TitleWords("LJMU 13 2024").period
        #expect(period.year == 2024)
        #expect(period.month == nil)
    }

    @Test func yearOutsideThisCenturyIsIgnored() {
        #expect(TitleWords("LJMU July 1999").period.year == nil)
    }

    @Test func welshMonthNamesAreKnown() {
        let welsh = [
            "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref",
            "tachwedd", "rhagfyr",
        ]
        #expect(welsh.map { TitleWords("\($0) 2024").period.month } == Array(1...12))
    }

    @Test func titleWithNeitherMonthNorYearHasNoPeriod() {
        let period = TitleWords("Self assessment").period
        #expect(period.year == nil)
        #expect(period.month == nil)
    }
}
