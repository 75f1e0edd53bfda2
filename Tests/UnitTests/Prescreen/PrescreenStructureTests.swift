import Layout
import Testing

@testable import Prescreen

/// The readers that take the plan, the RAG analysis and the sign-offs from a page's structure.
@Suite struct PrescreenStructureTests {
    static func table(_ rows: [[String]], caption: [String] = [], page: Int = 4, shades: [[String?]] = []) -> ReadTable
    {
        ReadTable(
            rows: rows.enumerated().map { index, cells in
                ReadTable.Row(
                    cells: cells.map { $0.replacingOccurrences(of: "\n", with: " ") }, lines: cells,
                    shades: index < shades.count ? shades[index] : cells.map { _ in nil },
                    merged: cells.map { _ in false }, page: page)
            }, columnCount: rows.first?.count ?? 0, caption: caption, page: page, ruled: true)
    }

    @Test func planColumnsAreKnownByTheirMeaningInAnyOrder() throws {
        let plan = Self.table([
            ["Time scale", "Action", "Owner / Lead", "Theme", "Success measure", "Status"],
            ["Q3 2025", "Technician census", "HR", "Visibility", "Census published", "Complete"],
        ])
        let reading = try #require(PlanTableReader(tables: [plan]).read())
        #expect(
            reading.rows == [
                ActionPlanRow(
                    theme: "Visibility", activity: "Technician census", description: "Census published",
                    timescale: "Q3 2025", page: 4)
            ])
        #expect(reading.certain)
    }

    @Test func theThemeComesFromATableRowOrTheSubheadingAbove() throws {
        let byRow = Self.table([["Action", "Time scale"], ["Recognition", ""], ["Awards", "2025/26"]])
        #expect(try #require(PlanTableReader(tables: [byRow]).read()).rows.map(\.theme) == ["Recognition"])
        let bySubheading = Self.table(
            [["Action", "Time scale"], ["Mentoring", "Summer 2025"]], caption: ["Career Development"])
        #expect(
            try #require(PlanTableReader(tables: [bySubheading]).read()).rows.map(\.theme) == ["Career Development"])
    }

    @Test func aRowWithNoThemeMakesTheReadingUncertain() throws {
        let plan = Self.table([["Action", "Time scale"], ["Mentoring", "Summer 2025"]])
        #expect(try #require(PlanTableReader(tables: [plan]).read()).certain == false)
    }

    @Test func aRAGTableIsCountedFromWordsLettersStatusWordsAndShadingButNotItsLegend() throws {
        let review = Self.table(
            [
                ["Action (previous plan)", "Progress", "RAG"], ["Census", "Done", "Green"], ["Awards", "Started", "A"],
                ["Mentoring", "Paused", "Not started"], ["Hubs", "Begun", ""],
            ], caption: ["RAG analysis of our previous plan"],
            shades: [[nil, nil, nil], [nil, nil, nil], [nil, nil, nil], [nil, nil, nil], [nil, nil, "amber"]])
        let reading = try #require(RAGTableReader(tables: [review]).read())
        #expect(reading.counts == RAGCounts(red: 1, amber: 2, green: 1))
        #expect(reading.mapping == ["Not started → red"])
        #expect(PlanTableReader(tables: [review]).read() == nil, "a review of the old plan is not the new plan")
    }

    @Test func statusWordsMapToColours() {
        #expect(RAGStatus.read("Complete")?.0 == .green)
        #expect(RAGStatus.read("On track")?.0 == .amber)
        #expect(RAGStatus.read("Withdrawn")?.0 == .red)
        #expect(
            RAGStatus.read("Ongoing review of roles") == nil || RAGStatus.read("Ongoing review of roles")?.0 == .amber)
        #expect(RAGStatus.read("Census") == nil)
    }

    static func layout(_ lines: [String], image: Bool = false) -> DocumentLayout {
        var blocks = lines.enumerated().map { index, text in
            let box = Box(x1: 50, y1: 100 + Double(index) * 14, x2: 400, y2: 110 + Double(index) * 14)
            return LayoutBlock(kind: .text, box: box, lines: [LayoutLine(text: text, box: box, size: 10, bold: false)])
        }
        if image { blocks.insert(LayoutBlock(kind: .image, box: Box(x1: 50, y1: 90, x2: 150, y2: 99)), at: 1) }
        return DocumentLayout(pages: [LayoutPage(number: 1, width: 595, height: 842, blocks: blocks)])
    }

    @Test func signedNamePositionDateBlocksAreReadByRole() throws {
        let reading = SignOffReading(
            layout: Self.layout([
                "Nominated Institutional Lead", "Signed: Dr Tomasz Nowak", "Name: Dr Tomasz Nowak",
                "Position: Associate Director", "Date: 30 January 2025", "Leader of the Institution", "Signed:",
                "Name:", "Position:", "Date:",
            ]), tables: [])
        #expect(reading.lead?.name == "Dr Tomasz Nowak")
        #expect(reading.lead?.date == "30 January 2025")
        let leader = try #require(reading.leader)
        #expect(leader.isEmpty, "an empty leader block never borrows the lead's name or date")
    }

    @Test func aNameBeforeItsRoleAndADateBelowAreRead() {
        let reading = SignOffReading(
            layout: Self.layout([
                "Signed on behalf of Caldermoor University:",
                "Mr Ian McLaren, Technician Commitment Nominated Institutional Lead", "14 January 2025",
                "Professor Hannah Ostrowski, Principal and Vice-Chancellor", "20 January 2025",
            ]), tables: [])
        #expect(reading.lead?.name == "Mr Ian McLaren")
        #expect(reading.leader?.name == "Professor Hannah Ostrowski")
        #expect(reading.leader?.date == "20 January 2025")
    }

    @Test func aColumnPerSignatoryIsReadFromTheTable() {
        let table = Self.table([
            ["", "Nominated Institutional Lead", "Vice-Chancellor"], ["Signature", "", ""],
            ["Name", "Dr Rachel Igwe", ""], ["Date", "28 June 2024", ""],
        ])
        let reading = SignOffReading(layout: DocumentLayout(pages: []), tables: [table])
        #expect(reading.lead?.name == "Dr Rachel Igwe")
        #expect(reading.leader?.isEmpty == true)
    }

    @Test func aQuestionIsFoundByAHeadingThatNamesItsTopic() {
        let text = ScreenText(
            DocumentText(pages: [
                "Organisation: X\n1. Our organisation\nWe are a university.\n6. Technician voice\nTechnicians wrote it.\n"
            ]))
        let headings = TopicHeadings(document: text, from: 0, headings: [])
        let voice = headings.find(.voice, excluding: [])
        #expect(voice.map { text.text($0) } == "6. Technician voice")
        #expect(headings.find(.profile, excluding: []).map { text.text($0) } == "1. Our organisation")
        #expect(headings.find(.talent, excluding: []) == nil)
    }
}
