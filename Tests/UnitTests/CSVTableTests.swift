import Configuration
import Testing

@Suite struct CSVTableTests {
    @Test func headerIsLowercasedAndTrimmed() {
        let table = CSVTable(text: " Name , SHORT\nLJMU University,LJMU\n")
        #expect(table.header == ["name", "short"])
        #expect(table.rows.first?["name"] == "LJMU University")
    }

    @Test func quotedFieldMayContainCommas() {
        let table = CSVTable(text: "name,aliases\n\"University of London, The\",\"UoL, London\"\n")
        #expect(table.rows.first?["name"] == "University of London, The")
        #expect(table.rows.first?["aliases"] == "UoL, London")
    }

    @Test func doubledQuotesInAQuotedFieldStandForOneQuote() {
        let table = CSVTable(text: "name,short\n\"King's \"\"College\"\" London\",KCL\n")
        #expect(table.rows.first?["name"] == "King's \"College\" London")
        #expect(table.rows.first?["short"] == "KCL")
    }

    @Test func quotedFieldMayContainALineBreak() {
        let table = CSVTable(text: "name,short\n\"Two\nLines\",TL\nNext,NX\n")
        #expect(table.rows.map { $0["name"] } == ["Two\nLines", "Next"])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func crlfLineEndingsAreRead() {
        let table = CSVTable(
            text: "name,short\r\nLiverpool John Moores University,LJMU\r\nAberystwyth University,ABER\r\n")
        #expect(table.header == ["name", "short"])
        #expect(table.rows.map { $0["short"] } == ["LJMU", "ABER"])
        #expect(table.rows.map { $0.fields["short"] } == ["LJMU", "ABER"])
    }

    @Test func rowLinesCountBlankLines() {
        let table = CSVTable(text: "name,short\n\nA,AA\n\n\nB,BB")
        #expect(table.rows.map(\.line) == [3, 6])
    }

    @Test func lastRowWithoutALineBreakIsKept() {
        let table = CSVTable(text: "name,short\nA,AA")
        #expect(table.rows.map { $0["short"] } == ["AA"])
    }

    @Test func missingTrailingFieldsReadAsEmpty() {
        let table = CSVTable(text: "name,short,lead\nA,AA\n")
        #expect(table.rows.first?["lead"] == "")
        #expect(table.rows.first?.fields["lead"] == nil)
    }

    @Test func fieldValuesAreTrimmedWhenRead() {
        let table = CSVTable(text: "name,short\n  Padded  ,  PD \n")
        #expect(table.rows.first?["name"] == "Padded")
    }

    @Test func emptyTextHasNoHeaderAndNoRows() {
        let table = CSVTable(text: "")
        #expect(table.header.isEmpty)
        #expect(table.rows.isEmpty)
    }
}
