import Testing

@testable import Layout

@Suite struct WordTests {
    @Test func spacesSeparateWordsAndLineBreaksSeparateLines() {
        var sketch = PageSketch()
        sketch.text("Technician voice", x: 72, y: 100)
        sketch.text("matters", x: 72, y: 114)
        let words = WordBuilder.words(sketch.glyphs)
        #expect(words.map(\.text) == ["Technician", "voice", "matters"])
        #expect(words[0].line == words[1].line && words[1].line != words[2].line)
    }

    @Test func cellsPopplerRunsTogetherWithoutABreakBecomeSeparateWords() {
        // poppler's stream: "...minutes" (end of one cell's line) then "September" (next cell, other line).
        var sketch = PageSketch()
        sketch.text("minutes", x: 200, y: 130, lineBreak: false)
        sketch.text("September", x: 320, y: 100)
        #expect(WordBuilder.words(sketch.glyphs).map(\.text) == ["minutes", "September"])
    }

    @Test func aGapAsWideAsASpaceWithNoSpaceCharacterSplitsAWord() {
        var sketch = PageSketch()
        sketch.text("register", x: 100, y: 100, lineBreak: false)
        sketch.text("Build", x: 100 + 8 * 5 + 4, y: 100)
        #expect(WordBuilder.words(sketch.glyphs).map(\.text) == ["register", "Build"])
    }
}

@Suite struct TextJoinTests {
    @Test func wrappedLinesJoinWithSpacesAndAHyphenatedCompoundStaysWhole() {
        #expect(
            TextJoin.lines(["Hosted by the Vice-", "Chancellor each", "year"])
                == "Hosted by the Vice-Chancellor each year")
        #expect(TextJoin.lines(["September 2024 –", "July 2026"]) == "September 2024 – July 2026")
    }
}

@Suite struct RuleTests {
    @Test func longThinDarkRunsAreRulesAndLettersAreNot() {
        var sketch = PageSketch()
        sketch.horizontal(y: 100, from: 50, to: 300)
        sketch.vertical(x: 50, from: 100, to: 200)
        // A letter-sized blob.
        sketch.fill(Box(x1: 400, y1: 400, x2: 406, y2: 410), colour: 0)
        let rules = RuleFinder.rules(in: sketch.bitmap!)
        #expect(rules.count == 2)
        #expect(rules.contains { $0.direction == .horizontal && abs($0.position - 100.5) < 1 && $0.length > 240 })
        #expect(rules.contains { $0.direction == .vertical && abs($0.position - 50.5) < 1 })
    }

    @Test func aFilledAreaIsNotARule() {
        var sketch = PageSketch()
        sketch.fill(Box(x1: 100, y1: 100, x2: 300, y2: 140), colour: 0x202020)
        #expect(RuleFinder.rules(in: sketch.bitmap!).isEmpty)
    }

    @Test func colouredShadingIsNotInkButIsACellColour() {
        #expect(!Bitmap.isInk(0x00B050))
        #expect(CellShade.colour(0xFF0000) == "red")
        #expect(CellShade.colour(0xFFC000) == "amber")
        #expect(CellShade.colour(0x00B050) == "green")
        #expect(CellShade.colour(0xD9D9D9) == nil)
    }
}

@Suite struct RuledTableTests {
    @Test func aGridOfRulesIsATableWithOneCellPerRectangle() throws {
        var sketch = PageSketch()
        sketch.grid(xs: [50, 150, 400], ys: [100, 120, 160, 200])
        sketch.text("Theme", x: 55, y: 105)
        sketch.text("Action", x: 155, y: 105)
        sketch.text("Visibility", x: 55, y: 125)
        sketch.text("Publish a census", x: 155, y: 125)
        sketch.text("of technicians", x: 155, y: 140)
        sketch.text("Recognition", x: 55, y: 165)
        sketch.text("Awards", x: 155, y: 165)
        let table = try #require(sketch.page().tables.first)
        #expect(table.ruled)
        #expect(
            table.rows.map { $0.cells.map(\.flatText) } == [
                ["Theme", "Action"], ["Visibility", "Publish a census of technicians"], ["Recognition", "Awards"],
            ])
    }

    @Test func aCellWithoutTheInnerRuleBelowItIsMergedDownOverTheRows() throws {
        var sketch = PageSketch()
        sketch.grid(xs: [50, 150, 400], ys: [100, 120])
        // The theme column has no rule between its two rows; the action column has.
        sketch.horizontal(y: 180, from: 50, to: 400)
        sketch.horizontal(y: 150, from: 150, to: 400)
        sketch.vertical(x: 50, from: 120, to: 180)
        sketch.vertical(x: 150, from: 120, to: 180)
        sketch.vertical(x: 400, from: 120, to: 180)
        sketch.text("Theme", x: 55, y: 105)
        sketch.text("Action", x: 155, y: 105)
        sketch.text("Visibility", x: 55, y: 125)
        sketch.text("First action", x: 155, y: 125)
        sketch.text("Second action", x: 155, y: 155)
        let table = try #require(sketch.page().tables.first)
        let theme = try #require(table.rows[1].cells.first)
        #expect(theme.text == "Visibility" && theme.rowSpan == 2)
        #expect(table.rows[2].cells.map(\.flatText) == ["Second action"])
    }

    @Test func aShadedCellKnowsItsColour() throws {
        var sketch = PageSketch()
        sketch.fill(Box(x1: 151, y1: 121, x2: 399, y2: 139), colour: 0x00B050)
        sketch.grid(xs: [50, 150, 400], ys: [100, 120, 140, 160])
        sketch.text("Action", x: 55, y: 105)
        sketch.text("RAG", x: 155, y: 105)
        sketch.text("Census", x: 55, y: 125)
        sketch.text("Awards", x: 55, y: 145)
        sketch.text("Amber", x: 155, y: 145)
        let table = try #require(sketch.page().tables.first)
        #expect(table.rows[1].cells[1].shade == "green")
        #expect(table.rows[2].cells[1].shade == nil)
    }
}

@Suite struct AlignedTableTests {
    /// A borderless plan: three columns, the description wrapping, rows apart by a wider gap.
    static func borderless() -> PageSketch {
        var sketch = PageSketch()
        sketch.text("Theme", x: 50, y: 100, lineBreak: false)
        sketch.text("Action", x: 150, y: 100, lineBreak: false)
        sketch.text("Time scale", x: 400, y: 100)
        sketch.text("Visibility", x: 50, y: 118, lineBreak: false)
        sketch.text("Publish a census of", x: 150, y: 118, lineBreak: false)
        sketch.text("Q3 2025", x: 400, y: 118)
        sketch.text("technical staff", x: 150, y: 130)
        sketch.text("Recognition", x: 50, y: 148, lineBreak: false)
        sketch.text("Technician awards", x: 150, y: 148, lineBreak: false)
        sketch.text("Ongoing", x: 400, y: 148)
        return sketch
    }

    @Test func columnsLinedUpDownSeveralLinesAreATableAndAWrappedCellStaysInItsRow() throws {
        let table = try #require(Self.borderless().page().tables.first)
        #expect(!table.ruled)
        #expect(
            table.rows.map { $0.cells.map(\.flatText) } == [
                ["Theme", "Action", "Time scale"], ["Visibility", "Publish a census of technical staff", "Q3 2025"],
                ["Recognition", "Technician awards", "Ongoing"],
            ])
    }

    @Test func runningTextIsNotATable() {
        var sketch = PageSketch()
        for line in 0..<6 {
            sketch.text(
                "This paragraph of running text fills the whole line of the page.", x: 50, y: 100 + Double(line) * 12)
        }
        #expect(sketch.page().tables.isEmpty)
    }

    @Test func twoColumnsOfRunningTextAreReadColumnByColumnNotAsATable() throws {
        var sketch = PageSketch()
        for line in 0..<6 {
            // Each column about 250 points wide, as on an A4 page set in two columns.
            sketch.text(
                "Left column text line \(line) goes here, filling it up", x: 50, y: 100 + Double(line) * 12,
                lineBreak: false)
            sketch.text("Right column text line \(line) is here, filling it up", x: 320, y: 100 + Double(line) * 12)
        }
        let page = sketch.page()
        #expect(page.tables.isEmpty)
        let lines = page.lineTexts
        #expect(lines.first == "Left column text line 0 goes here, filling it up")
        let lastLeft = try #require(lines.firstIndex(of: "Left column text line 5 goes here, filling it up"))
        let firstRight = try #require(lines.firstIndex(of: "Right column text line 0 is here, filling it up"))
        #expect(lastLeft < firstRight)
    }
}

@Suite struct ContinuationTests {
    static func page(_ number: Int, rows: [[String]], heading: String? = nil) -> LayoutPage {
        var blocks: [LayoutBlock] = []
        if let heading {
            blocks.append(
                LayoutBlock(
                    kind: .heading, box: Box(x1: 50, y1: 60, x2: 200, y2: 72),
                    lines: [LayoutLine(text: heading, box: Box(x1: 50, y1: 60, x2: 200, y2: 72), size: 12, bold: true)])
            )
        }
        let table = LayoutTable(
            ruled: true, columns: [50, 150, 400],
            rows: rows.map { cells in
                LayoutRow(
                    box: Box(x1: 50, y1: 0, x2: 400, y2: 10),
                    cells: cells.enumerated().map {
                        LayoutCell(column: $0.offset, box: Box(x1: 0, y1: 0, x2: 1, y2: 1), text: $0.element)
                    })
            })
        blocks.append(LayoutBlock(kind: .table, box: Box(x1: 50, y1: 80, x2: 400, y2: 700), table: table))
        return LayoutPage(number: number, width: 595, height: 842, blocks: blocks)
    }

    @Test func aTableOpeningAPageWithTheSameColumnsContinuesTheOneBefore() {
        var pages = [
            Self.page(1, rows: [["Theme", "Action"], ["Visibility", "Census"]]),
            Self.page(2, rows: [["Theme", "Action"], ["Recognition", "Awards"]]),
        ]
        DocumentBuilder.linkContinuations(&pages)
        #expect(pages[1].tables[0].continued)
        #expect(pages[1].tables[0].repeatsHeader)
    }

    @Test func aHeadingAboveTheTableStartsANewOne() {
        var pages = [
            Self.page(1, rows: [["Theme", "Action"], ["Visibility", "Census"]]),
            Self.page(2, rows: [["Recognition", "Awards"]], heading: "Career Development"),
        ]
        DocumentBuilder.linkContinuations(&pages)
        #expect(!pages[1].tables[0].continued)
    }
}

@Suite struct PlainTextTests {
    @Test func tableRowsAreLinesWithCellsApartByTabs() {
        let text = PlainText.text(of: AlignedTableTests.borderless().page())
        #expect(text.contains("Visibility\tPublish a census of technical staff\tQ3 2025\n"))
    }
}

@Suite struct RenderingTests {
    @Test func aPageOfRunningTextIsNeverRendered() {
        var sketch = PageSketch()
        for line in 0..<6 {
            sketch.text(
                "This paragraph of running text fills the whole line of the page.", x: 50, y: 100 + Double(line) * 12)
        }
        var rendered = false
        let input = PageInput(
            width: 595, height: 842, glyphs: sketch.glyphs,
            render: {
                rendered = true
                return nil
            })
        _ = PageBuilder.build(input, number: 1)
        #expect(!rendered)
    }
}
