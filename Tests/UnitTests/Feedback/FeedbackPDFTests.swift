import Feedback
import Foundation
import PDFReader
import PDFWriter
import TestSupport
import Testing

/// The text of every page of the PDF at `path`, as poppler reads it.
private func pagesOfPDF(_ path: String) throws -> [String] {
    let pdf = try PDFDocument(path: path)
    return (0..<pdf.pageCount).map { pdf.text(page: $0) }
}

/// How often `needle` occurs in `text`.
private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct FeedbackPDFTests {
    @Test func popplerReadsTheInstitutionReferenceReviewersTitlesAndMedians() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("feedback.pdf")
        var reviews = FeedbackFixtures.reviews
        reviews[0].comments["recognition"] = "Siân's awards scheme for technicians is a model."
        let document = FeedbackFixtures.document(reviews: reviews)
        try document.writePDF(to: path)

        let text = try pagesOfPDF(path).joined(separator: "\n")
        #expect(text.contains("Prifysgol Aberystwyth"))
        #expect(text.contains("TC-2024-07-0042"))
        #expect(text.contains("Reviewer A"))
        #expect(text.contains("Reviewer B"))
        #expect(text.contains("Siân's awards scheme"))
        for criterion in document.criteria {
            #expect(text.contains(criterion.title), "no \(criterion.title)")
        }
        for median in ["Median: 4 (Strong evidence)", "Median: 3.5", "Median: 1.5", "Median: 2.5"] {
            #expect(text.contains(median), "no \(median)")
        }
        #expect(text.contains("Strengths"))
        #expect(text.contains("Suggestions"))
        #expect(folder.contents() == ["feedback.pdf"])
    }

    @Test func theChartHasABarLabelAndMedianForEachScoredCriterionOnly() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("feedback.pdf")
        try FeedbackFixtures.document().writePDF(to: path)
        let first = try #require(try pagesOfPDF(path).first)
        #expect(first.contains("Median score per theme"))
        // Each scored title appears as a bar label and as a heading of the body; the comment-only one only as a heading.
        let text = try pagesOfPDF(path).joined(separator: "\n")
        for title in ["Visibility", "Recognition", "Career Development", "Sustainability"] {
            #expect(occurrences(of: title, in: text) >= 3, "\(title): bar label, heading, strength or suggestion")
        }
        #expect(occurrences(of: "Overall comments", in: text) == 1)
        // The axis runs over the scale, and its points are explained.
        #expect(first.contains("1 = Not yet evident"))
        #expect(first.contains("4 = Strong evidence"))
    }

    @Test func aLongFeedbackRunsOverSeveralPagesToTheEnd() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("feedback.pdf")
        let document = FeedbackFixtures.longDocument()
        try document.writePDF(to: path)
        let pages = try pagesOfPDF(path)
        #expect(pages.count >= 2)
        #expect(pages.last?.contains("With best wishes") == true)
        #expect(pages.last?.contains("page \(pages.count)") == true)
        #expect(pages.joined().contains("Theme number 12"))
    }

    @Test func aShortFeedbackFitsOnOnePageOrTwo() throws {
        // Guards the long test: it proves page breaks only if a short feedback does not already spill over.
        let folder = TemporaryDirectory()
        let path = folder.file("feedback.pdf")
        try FeedbackFixtures.document().writePDF(to: path)
        #expect(try PDFDocument(path: path).pageCount <= 2)
        #expect(try PDFDocument(path: path).pageCount < FeedbackPDFTestsSupport.longPageCount())
    }

    @Test func writingIntoAMissingFolderThrowsCannotCreateWithThePath() {
        let folder = TemporaryDirectory()
        let path = folder.file("no-such-folder/feedback.pdf")
        #expect {
            try FeedbackFixtures.document().writePDF(to: path)
        } throws: { error in
            guard case PDFWriterError.cannotCreate(let failed, let detail)? = error as? PDFWriterError else {
                return false
            }
            return failed == path && !detail.isEmpty
        }
        #expect(folder.contents().isEmpty)
    }

    @Test func writingAgainReplacesTheFileAndLeavesNoPartialFile() throws {
        let folder = TemporaryDirectory()
        let path = try folder.write("old", to: "feedback.pdf")
        try FeedbackFixtures.document().writePDF(to: path)
        #expect(try PDFDocument(path: path).pageCount >= 1)
        #expect(folder.contents() == ["feedback.pdf"])
    }
}

enum FeedbackPDFTestsSupport {
    static func longPageCount() throws -> Int {
        let folder = TemporaryDirectory()
        let path = folder.file("long.pdf")
        try FeedbackFixtures.longDocument().writePDF(to: path)
        return try PDFDocument(path: path).pageCount
    }
}
