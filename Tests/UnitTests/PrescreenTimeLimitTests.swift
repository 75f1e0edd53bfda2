import Archive
import Configuration
import Foundation
import TestSupport
import Testing

@testable import Intake

/// The pre-screen reads text from a PDF anyone could have crafted, so it runs as a child under the same
/// time limit as the PDF reader: one that never finishes cannot hold up the service.
@Suite struct PrescreenTimeLimitTests {
    @Test func aPrescreenThatOverrunsItsTimeIsStoppedAndTheSubmissionIsFiledWithACoordinatorTold() throws {
        let directory = TemporaryDirectory()
        try ConfigFixture.write(
            in: directory,
            institutions: ConfigFixture.institutionsHeader
                + "Liverpool John Moores University,LJMU,ljmu.test,,lead@ljmu.test,2017-05\n")
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        // A stand-in for a pre-screen that a crafted text sends into a very long computation.
        let hanging = try directory.writeScript("exec sleep 60\n", to: "hanging-screen")
        let context = IntakeContext(
            settings: settings,
            inspector: PDFInspector(
                executable: BuiltProducts.extractor, timeout: 3, memoryLimit: 1 << 30, screener: hanging))
        let pdf = PDFFixture.make(pages: FormFixture.initial(organisation: "Liverpool John Moores University"))
        let message = MessageFixtures.submission(pdf: pdf)
        let path = directory.file("message.eml")
        try message.write(to: URL(fileURLWithPath: path))

        let outcome = try MessageProcessor(context: context).process(FetchedMessage(path: path, size: message.count))

        guard case .filed(let reference) = outcome else {
            Issue.record("expected the submission filed, got \(outcome)")
            return
        }
        let record = try #require(
            try context.layout.submissionRecordPaths().map { try SubmissionRecord.load($0) }.first)
        #expect(record.reference == reference)
        #expect(record.prescreen == nil, "no report: the pre-screen did not finish")
        #expect(record.notes.contains { $0.contains("pre-screen could not finish") })
        let queued = context.outbox.pending().map {
            (try? String(contentsOfFile: "\(context.outbox.queued)/\($0).eml", encoding: .utf8)) ?? ""
        }
        let confirmation = try #require(queued.first { $0.contains("To: Jane Lead") })
        #expect(confirmation.contains("a coordinator will look"), "the sender is told the truth, not a finding")
        #expect(
            queued.contains { $0.contains("Filed, needs a look") && $0.contains("pre-screen could not finish") },
            "the coordinators are told")
    }
}
