import Foundation
import POSIX
import TestSupport
import Testing

@testable import Intake

/// The extraction child's own troubles are told apart from a bad PDF, and its limits are never dropped.
@Suite struct ExtractionChildTests {
    @Test func aTextFileTheChildCannotWriteIsItsOwnTroubleNotADamagedPDF() throws {
        let folder = TemporaryDirectory()
        let pdf = folder.file("form.pdf")
        try PDFFixture.make(pages: FormFixture.initial(organisation: "University of Example")).write(
            to: URL(fileURLWithPath: pdf))
        let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)

        let inspection = inspector.inspect(pdf, textOutput: folder.file("no-such-folder/text.txt"))

        guard case .killed(let why) = inspection else {
            Issue.record("a good PDF must not be called unreadable or encrypted: \(inspection)")
            return
        }
        #expect(why.contains("could not write"), "\(why)")
    }

    @Test func aMemoryLimitTheChildCannotReadIsRefusedNotTakenAsNoLimit() throws {
        let folder = TemporaryDirectory()
        let pdf = folder.file("form.pdf")
        try PDFFixture.make(pages: ["Organisation: University of Example"]).write(to: URL(fileURLWithPath: pdf))

        let result = ChildProcess.run(BuiltProducts.extractor, arguments: ["--memory-limit", "1GB", pdf], timeout: 20)

        #expect(result.status == 64)
        #expect(String(decoding: result.errors, as: UTF8.self).contains("--memory-limit needs a number of bytes"))
        #expect(result.output.isEmpty, "nothing was read without its limit")
    }
}
