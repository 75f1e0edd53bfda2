import Foundation
import POSIX
import TestSupport
import Testing

@testable import Intake

/// The warm PDF reader: one child for many PDFs, started again after a timeout, a crash or its share.
@Suite struct WarmReaderTests {
    let folder = TemporaryDirectory()

    func pdf(_ name: String) throws -> String {
        try PDFFixture.make(pages: ["Organisation: Liverpool John Moores University"]).write(
            to: URL(fileURLWithPath: folder.file(name)))
        return folder.file(name)
    }

    func alive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 }

    @Test func manyPDFsAreReadByOneChild() throws {
        let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)
        var processes: Set<pid_t> = []
        for index in 0..<3 {
            let path = try pdf("form \(index).pdf")
            #expect(inspector.inspect(path, textOutput: path + ".txt").pages == 1)
            #expect(
                FileManager.default.fileExists(atPath: path + ".txt"), "its text, as the single-shot child writes it")
            if let process = inspector.warm.process { processes.insert(process) }
        }
        #expect(processes.count == 1)
    }

    @Test func aReadThatOverrunsItsTimeKillsTheChildAndTheNextIsReadByAFreshOne() throws {
        var inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)
        #expect(inspector.inspect(try pdf("first.pdf")).pages == 1)
        let first = try #require(inspector.warm.process)
        inspector.timeout = 0.000_001
        guard case .killed(let why) = inspector.inspect(try pdf("slow.pdf")) else {
            Issue.record("not killed")
            return
        }
        #expect(why.contains("took longer than"))
        #expect(!alive(first), "the overrunning child is gone")
        inspector.timeout = 20
        #expect(inspector.inspect(try pdf("next.pdf")).pages == 1)
        #expect(inspector.warm.process != first)
    }

    @Test func aChildThatEndsWithoutAnsweringIsReportedAndReplaced() throws {
        // A stand-in reader that dies on its first request.
        let fake = folder.file("bin/tcreview-extract")
        try FileManager.default.createDirectory(atPath: folder.file("bin"), withIntermediateDirectories: true)
        try "#!/bin/sh\nread line\nexit 3\n".write(toFile: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let inspector = PDFInspector(executable: fake, timeout: 20, memoryLimit: 1 << 30)
        #expect(inspector.inspect(try pdf("a.pdf")) == .killed("the PDF reader gave no answer (exit 3)"))
        #expect(inspector.warm.process == nil)
        #expect(inspector.inspect(try pdf("b.pdf")) == .killed("the PDF reader gave no answer (exit 3)"))
    }

    @Test func aChildIsReplacedAfterItsShareOfPDFs() throws {
        let inspector = PDFInspector(executable: BuiltProducts.extractor, timeout: 20, memoryLimit: 1 << 30)
        let path = try pdf("form.pdf")
        #expect(inspector.inspect(path).pages == 1)
        let first = try #require(inspector.warm.process)
        for _ in 1..<WarmReader.uses { #expect(inspector.inspect(path).pages == 1) }
        #expect(inspector.warm.process == first)
        #expect(inspector.inspect(path).pages == 1)
        #expect(inspector.warm.process != first, "a fresh child after \(WarmReader.uses) PDFs")
        #expect(!alive(first))
    }
}
