import Foundation
import Testing

@testable import ArchiveView

/// Replacing a few rows of a file without touching the others.
@Suite struct RowLinesTests {
    /// Lines `R key`, continued by `+ …` lines, between a header and a footer.
    func kind(_ line: RowLines.Line) -> RowLines.Kind {
        let text = String(decoding: line.bytes, as: UTF8.self)
        if text.hasPrefix("R ") { return .row(String(text.dropFirst(2).prefix { $0 != "\n" })) }
        if text.hasPrefix("+ ") { return .continuation }
        return .other
    }

    func splice(_ text: String, _ changes: [String: String?], descending: Bool = false) -> String? {
        RowLines.splice(
            Data(text.utf8), changes: changes.mapValues { $0.map { Data($0.utf8) } }, descending: descending,
            kind: kind
        ).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func rowsAreReplacedInsertedInOrderAndRemovedWithTheirContinuations() {
        let file = "head\nR b\n+ b's second line\nR d\nfoot\n"
        #expect(
            splice(file, ["a": "R a\n", "b": nil, "c": "R c\n+ more\n", "d": "R d new\n", "e": "R e\n"])
                == "head\nR a\nR c\n+ more\nR d new\nR e\nfoot\n")
        #expect(splice(file, [:]) == file, "nothing to change: the same bytes")
    }

    @Test func descendingOrderIsKept() {
        #expect(splice("R c\nR a\n", ["b": "R b\n"], descending: true) == "R c\nR b\nR a\n")
    }

    @Test func aFileOutOfShapeIsLeftToTheCaller() {
        #expect(splice("head\nfoot\n", ["a": "R a\n"]) == nil, "no rows to place it among")
        #expect(splice("R b\nR a\n", ["c": "R c\n"]) == nil, "rows out of order")
        #expect(splice("R a\nfoot\nR b\n", ["c": "R c\n"]) == nil, "rows apart")
    }
}
