import Foundation
import POSIX
import Prescreen
import TestSupport
import Testing

@testable import Intake

/// A readable Initial form written into `folder`.
private func formPDF(in folder: TemporaryDirectory) throws -> String {
    try folder.write(PDFFixture.make(pages: FormFixture.initial(organisation: "University of Example")), to: "form.pdf")
}

/// The form's text and layout, as the extraction child writes them for the pre-screen.
private func extractedForm(in folder: TemporaryDirectory) throws -> ScreenRequest.Source {
    let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)
    let inspection = inspector.inspect(
        try formPDF(in: folder), textOutput: folder.file("t.txt"), layoutOutput: folder.file("l.json"))
    return ScreenRequest.Source(
        pages: inspection.pages, textPath: folder.file("t.txt"), layoutPath: folder.file("l.json"))
}

/// The extraction child's own troubles are told apart from a bad PDF, and its limits are never dropped.
@Suite struct ExtractionChildTests {
    @Test func aTextFileTheChildCannotWriteIsItsOwnTroubleNotADamagedPDF() throws {
        let folder = TemporaryDirectory()
        let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)

        let inspection = inspector.inspect(try formPDF(in: folder), textOutput: folder.file("no-such-folder/text.txt"))

        guard case .killed(let why) = inspection else {
            Issue.record("a good PDF must not be called unreadable or encrypted: \(inspection)")
            return
        }
        #expect(why.contains("could not write"), "\(why)")
    }

    @Test func aMemoryLimitTheChildCannotReadIsRefusedNotTakenAsNoLimit() throws {
        let folder = TemporaryDirectory()
        let pdf = try formPDF(in: folder)

        let result = ChildProcess.run(BuiltProducts.extractor, arguments: ["--memory-limit", "1GB", pdf], timeout: 20)

        #expect(result.status == 64)
        #expect(String(decoding: result.errors, as: UTF8.self).contains("--memory-limit needs a number of bytes"))
        #expect(result.output.isEmpty, "nothing was read without its limit")
    }
}

/// The pre-screen's own small child gives what the pre-screen gives in this process, and keeps its limits.
@Suite struct ScreeningChildTests {
    @Test func theScreeningChildWritesTheSameReportAsThePrescreenInThisProcess() throws {
        let folder = TemporaryDirectory()
        let source = try extractedForm(in: folder)
        try folder.makeFolder("child")
        try folder.makeFolder("here")
        let names = ["University of Example"]
        let here = ScreenRequest(
            reference: "TC-2024-07-UOE", institutionNames: names, sources: [source], directory: folder.file("here"))
        _ = try #require(try here.screen())
        var child = here
        child.directory = folder.file("child")
        let request = folder.file("request.json")
        try JSONEncoder().encode(child).write(to: URL(fileURLWithPath: request))

        let result = ChildProcess.run(BuiltProducts.path(of: "tcreview-screen"), arguments: [request], timeout: 20)

        #expect(result.status == 0, "\(String(decoding: result.errors, as: UTF8.self))")
        for name in ["prescreen.json", "prescreen.txt", "text.txt", "layout.json", "action-plan.csv"] {
            #expect(
                FileManager.default.contents(atPath: folder.file("child/\(name)"))
                    == FileManager.default.contents(atPath: folder.file("here/\(name)")), "\(name)")
        }
    }

    @Test func aMemoryLimitTheScreeningChildCannotReadIsRefused() {
        let result = ChildProcess.run(
            BuiltProducts.path(of: "tcreview-screen"), arguments: ["--memory-limit", "lots", "request.json"],
            timeout: 20)
        #expect(result.status == 64)
    }
}

extension ScreeningChildTests {
    @Test func theSmallestMemoryLimitTheConfigurationAllowsStillLetsTheScreeningChildRun() throws {
        let folder = TemporaryDirectory()
        let source = try extractedForm(in: folder)
        // 64 MiB, the least `pdf-memory-limit` takes: enough for poppler, not for Foundation on its own.
        let inspector = PDFInspector(
            executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 64 << 20,
            screener: BuiltProducts.path(of: "tcreview-screen"))
        let out = try folder.makeFolder("out")

        let outcome = try PrescreenStep.run(
            sources: [source], institution: nil, reference: "TC-2024-07-UOE", directory: out, inspector: inspector)

        guard case .screened = outcome else {
            Issue.record("the pre-screen did not run: \(outcome)")
            return
        }
    }
}
