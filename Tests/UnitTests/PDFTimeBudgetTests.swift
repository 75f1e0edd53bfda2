import Configuration
import Foundation
import MIME
import TestSupport
import Testing

@testable import Intake

/// One email's PDFs share a time budget, so a dozen crafted PDFs cannot hold the service for a dozen timeouts.
@Suite struct PDFTimeBudgetTests {
    @Test func pdfsBeyondTheEmailsTimeAreFiledUncheckedAndACoordinatorIsAskedToLook() throws {
        let directory = TemporaryDirectory()
        let calls = directory.file("calls")
        // A stand-in for the PDF reader that never finishes in time (as a crafted PDF can), counting its calls.
        let slow = try directory.writeScript("echo x >> '\(calls)'\nexec sleep 5\n", to: "slow-extract")
        try ConfigFixture.write(in: directory)
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        let timeout = 0.2
        let context = IntakeContext(
            settings: settings, inspector: PDFInspector(executable: slow, timeout: timeout, memoryLimit: 1 << 30))
        var message = ParsedMessage()
        message.attachments = (0..<12).map { index in
            MessagePart(
                contentType: "application/pdf", fileName: "part \(index).pdf",
                path: directory.file("part-\(index).pdf"),
                size: 100, hasPDFSignature: true)
        }

        let decision = MessageProcessor(context: context).decide(
            parsed: message, fetched: FetchedMessage(path: directory.file("message.eml"), size: 100))

        #expect(decision.pdfs.count == 12, "every PDF is filed")
        let inspected = (try? String(contentsOfFile: calls, encoding: .utf8))?.split(separator: "\n").count ?? 0
        #expect(inspected <= Int(MessageProcessor.pdfBudget(timeout: timeout) / timeout) + 1)
        #expect(decision.notes.contains { $0.contains("filed without being checked") })
    }
}
