import Foundation
import POSIX
import Prescreen
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

/// The pre-screen's own small child gives what the pre-screen gives in this process, and keeps its limits.
@Suite struct ScreeningChildTests {
    @Test func theScreeningChildWritesTheSameReportAsThePrescreenInThisProcess() throws {
        let folder = TemporaryDirectory()
        let pdf = folder.file("form.pdf")
        try PDFFixture.make(pages: FormFixture.initial(organisation: "University of Example")).write(
            to: URL(fileURLWithPath: pdf))
        let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)
        let inspection = inspector.inspect(pdf, textOutput: folder.file("t.txt"), layoutOutput: folder.file("l.json"))
        let source = ScreenRequest.Source(
            pages: inspection.pages, textPath: folder.file("t.txt"), layoutPath: folder.file("l.json"))
        try FileManager.default.createDirectory(atPath: folder.file("child"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.file("here"), withIntermediateDirectories: true)
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
        let pdf = folder.file("form.pdf")
        try PDFFixture.make(pages: FormFixture.initial(organisation: "University of Example")).write(
            to: URL(fileURLWithPath: pdf))
        // 64 MiB, the least `pdf-memory-limit` takes: enough for poppler, not for Foundation on its own.
        let inspector = PDFInspector(
            executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 64 << 20,
            screener: BuiltProducts.path(of: "tcreview-screen"))
        let inspection = inspector.inspect(pdf, textOutput: folder.file("t.txt"), layoutOutput: folder.file("l.json"))
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)

        let outcome = try PrescreenStep.run(
            sources: [
                .init(pages: inspection.pages, textPath: folder.file("t.txt"), layoutPath: folder.file("l.json"))
            ],
            institution: nil, reference: "TC-2024-07-UOE", directory: folder.file("out"), inspector: inspector)

        guard case .screened = outcome else {
            Issue.record("the pre-screen did not run: \(outcome)")
            return
        }
    }
}
