import Configuration
import Foundation
import MIME
import Service
import TestSupport
import Testing

@testable import Intake
@testable import Service

/// Whatever loop a bug or a hostile sender finds, the coordinators get a bounded number of notices a day.
@Suite struct NoticeCapTests {
    @Test func noticesOfOneKindAreCappedPerDayWhateverTheirReferences() throws {
        let directory = TemporaryDirectory()
        try ConfigFixture.write(in: directory)
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        let context = IntakeContext(
            settings: settings, inspector: PDFInspector(executable: "/bin/false", timeout: 1, memoryLimit: 1 << 30))
        let letters = Letters(from: context.serviceAddress, now: Date())

        for index in 0..<(ServiceContext.noticesPerDay + 5) {
            let reference = "Q-2026-12-\(index)"
            let notice = letters.coordinatorNotice(
                reference: reference, kind: "coordinators", subject: "Kept in quarantine: no attachment", facts: [],
                action: "A message could not be filed.", to: context.coordinators)
            try context.enqueue(notice, id: "\(reference)-coordinators", reference: reference)
        }
        let other = letters.coordinatorNotice(
            reference: "TC-2026-12-LJMU", kind: "coordinators", subject: "Filed, needs a look", facts: [],
            action: "A submission was filed.", to: context.coordinators)
        try context.enqueue(other, id: "TC-2026-12-LJMU-coordinators", reference: "TC-2026-12-LJMU")

        #expect(context.outbox.pending().count == ServiceContext.noticesPerDay + 1, "capped kind, and the other kind")
        #expect(context.log.journal.events().filter { $0.event == "notice-capped" }.count == 1)
    }
}
