import Archive
import ArchiveView
import Configuration
import Foundation
import Hashing
import Prescreen
import TestSupport
import Testing

@testable import Intake

/// A small archive made by hand: one filed submission with a PDF and an earlier pre-screen that found the
/// leader's sign-off missing, plus the configuration to open it with.
private struct FiledSubmission {
    static let reference = "TC-2024-07-LJMU"
    static let oldReport = PrescreenReport(
        form: .initial,
        findings: [
            Finding(id: "signoff-leader", level: .missing, title: "Signed by the leader", detail: "Not signed.")
        ])

    let directory = TemporaryDirectory()
    var archive: String { directory.file("Mailbox") }
    var folder: String { "\(archive)/Liverpool John Moores University/2024/07-July/\(Self.reference)" }
    let oldJSON: Data
    let oldText = Data("Pre-screen of TC-2024-07-LJMU (an earlier reader)\n".utf8)

    /// - Parameter pdf: the submitted PDF; a readable Initial form by default.
    init(pdf: Data = PDFFixture.make(pages: FormFixture.initial(organisation: "Liverpool John Moores University")))
        throws
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        oldJSON = try encoder.encode(Self.oldReport)
        try ConfigFixture.write(
            in: directory, service: ["pdf-timeout = 30"],
            institutions: ConfigFixture.institutionsHeader
                + "Liverpool John Moores University,LJMU,ljmu.ac.uk,John Moores,lead@ljmu.ac.uk,2017-05\n")
        let files: [(String, Data, SubmissionRecord.Role)] = [
            ("message.eml", Data("Subject: Self-assessment\r\n\r\nAttached.\r\n".utf8), "message"),
            ("LJMU self-assessment.pdf", pdf, "submission"),
            ("text.txt", Data("old text\u{0C}".utf8), "text"),
            ("prescreen.txt", oldText, "prescreen"),
            ("prescreen.json", oldJSON, "prescreen"),
            ("action-plan.csv", Data("theme,activity\n".utf8), "action-plan"),
        ]
        var listed: [SubmissionRecord.File] = []
        for (name, data, role) in files {
            let path = try directory.write(data, to: "\(folder.dropFirst(directory.path.count + 1))/\(name)")
            let (sha256, size) = try SHA256.file(path)
            listed.append(
                .init(
                    name: name, originalName: nil, size: size, sha256: sha256, pages: role == .submission ? 3 : nil,
                    role: role))
        }
        let record = SubmissionRecord(
            reference: Self.reference, version: 1, institution: "Liverpool John Moores University",
            institutionShort: "LJMU", identifiedBy: "file name", year: 2024, month: 7, periodFrom: "title",
            senderName: "Alex Example", senderAddress: "alex.example@ljmu.ac.uk", subject: "Self-assessment",
            messageID: "<1@ljmu.ac.uk>", messageKey: "message-id:<1@ljmu.ac.uk>",
            received: Date(timeIntervalSince1970: 1_720_000_000),
            imapUIDValidity: 1, imapUID: 7, files: listed, status: "filed", prescreen: "missing",
            form: FormKind.initial.rawValue)
        try directory.write(try record.encoded(), to: "\(folder.dropFirst(directory.path.count + 1))/submission.json")
    }

    /// The intake context the `rescreen` command builds, with the extractor this build made.
    func context() throws -> IntakeContext {
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        return IntakeContext(
            settings: settings,
            inspector: PDFInspector(
                executable: BuiltProducts.extractor, timeout: settings.pdfTimeout, memoryLimit: settings.pdfMemoryLimit)
        )
    }

    func record() throws -> SubmissionRecord { try SubmissionRecord.load("\(folder)/submission.json") }

    func read(_ name: String) -> Data? { FileSystem.read("\(folder)/\(name)") }

    /// Every file of the folder with its bytes, to show that nothing changed.
    func snapshot() -> [String: Data] {
        Dictionary(uniqueKeysWithValues: FileSystem.list(folder).map { ($0, read($0) ?? Data()) })
    }
}

@Suite struct RescreenTests {
    @Test func rescreenKeepsTheEarlierReportAsPreviousAndWritesTheNewFiles() throws {
        let filed = try FiledSubmission()
        let outcome = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)

        #expect(filed.read("prescreen.previous.json") == filed.oldJSON)
        #expect(filed.read("prescreen.previous.txt") == filed.oldText)
        let report = try #require(PrescreenReport.load(folder: filed.folder))
        #expect(report != FiledSubmission.oldReport)
        #expect(report.form == .initial)
        let text = String(decoding: try #require(filed.read("text.txt")), as: UTF8.self)
        #expect(text.contains("Technician Commitment Initial Self-Assessment"))
        #expect(filed.read("layout.json")?.isEmpty == false)
        #expect(filed.read("prescreen.txt") != filed.oldText)
        #expect(outcome.before == "missing")
        if let leader = report.finding("signoff-leader")?.level, leader != .missing {
            #expect(outcome.changes.contains("signoff-leader: missing → \(leader.rawValue)"))
        }
        #expect(outcome.after == report.worstLevel.rawValue)
    }

    @Test func rescreenedRecordListsEveryFileWithTheHashOfWhatIsOnDisk() throws {
        let filed = try FiledSubmission()
        _ = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)

        let record = try filed.record()
        for file in record.files {
            let (sha256, size) = try SHA256.file("\(filed.folder)/\(file.name)")
            #expect(file.sha256 == sha256, "\(file.name)")
            #expect(file.size == size, "\(file.name)")
        }
        let roles = Dictionary(uniqueKeysWithValues: record.files.map { ($0.name, $0.role) })
        #expect(roles["prescreen.previous.txt"] == "prescreen")
        #expect(roles["prescreen.previous.json"] == "prescreen")
        #expect(roles["layout.json"] == "layout")
        #expect(roles["LJMU self-assessment.pdf"] == "submission")
        #expect(Set(record.files.map(\.name)) == Set(FileSystem.list(filed.folder)).subtracting(["submission.json"]))
        let report = try #require(PrescreenReport.load(folder: filed.folder))
        #expect(record.prescreen == report.worstLevel.rawValue)
        #expect(record.form == report.form.rawValue)
        #expect(Verifier.verify(archive: filed.archive).isEmpty)
    }

    @Test func rescreenJournalsTheChangeAndQueuesNoEmail() throws {
        let filed = try FiledSubmission()
        let outcome = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)

        let events = Journal(archive: filed.archive).events().filter { $0.event == "rescreened" }
        #expect(events.count == 1)
        #expect(events.first?.reference == FiledSubmission.reference)
        #expect(events.first?.detail["before"] == "missing")
        #expect(events.first?.detail["after"] == outcome.after)
        #expect(events.first?.detail["changes"] == outcome.changes.joined(separator: "; "))
        #expect(Outbox(archive: filed.archive).pending().isEmpty)
        #expect(FileSystem.list("\(filed.archive)/_Outbox/queued").isEmpty)
        #expect(FileSystem.list("\(filed.archive)/_Outbox/sent").isEmpty)
    }

    @Test func secondRescreenReplacesThePreviousReportWithTheFirstRescreensReport() throws {
        let filed = try FiledSubmission()
        let rescreen = Rescreen(context: try filed.context())
        _ = try rescreen.rescreen(folder: filed.folder)
        let first = filed.read("prescreen.json")
        let second = try rescreen.rescreen(folder: filed.folder)

        #expect(filed.read("prescreen.previous.json") == first)
        #expect(second.line == "\(FiledSubmission.reference): unchanged (\(second.after))")
        #expect(Verifier.verify(archive: filed.archive).isEmpty)
    }

    @Test func unreadablePDFThrowsAndLeavesTheFolderAsItWas() throws {
        let filed = try FiledSubmission(pdf: Data("%PDF-1.4\nthis is not really a PDF\n".utf8))
        let before = filed.snapshot()

        #expect {
            _ = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)
        } throws: { error in
            guard case .unreadable(let reference, let file, _) = error as? RescreenError else { return false }
            return reference == FiledSubmission.reference && file == "LJMU self-assessment.pdf"
        }
        #expect(filed.snapshot() == before)
        #expect(Journal(archive: filed.archive).events().allSatisfy { $0.event != "rescreened" })
    }

    @Test func pdfThatNoLongerMatchesItsHashIsNotScreened() throws {
        let filed = try FiledSubmission()
        try Data("%PDF-1.4\nswapped\n".utf8).write(to: URL(fileURLWithPath: "\(filed.folder)/LJMU self-assessment.pdf"))
        let before = filed.snapshot()

        #expect(throws: RescreenError.altered(reference: FiledSubmission.reference, file: "LJMU self-assessment.pdf")) {
            _ = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)
        }
        #expect(filed.snapshot() == before)
    }

    @Test func alteredEarlierReportIsNotKeptAsPreviousAndIsNoted() throws {
        let filed = try FiledSubmission()
        try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: "\(filed.folder)/prescreen.txt"))
        let outcome = try Rescreen(context: try filed.context()).rescreen(folder: filed.folder)

        #expect(filed.read("prescreen.previous.txt") == nil)
        #expect(filed.read("prescreen.previous.json") == filed.oldJSON)
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes.first?.hasPrefix("prescreen.txt did not match") == true)
        #expect(Verifier.verify(archive: filed.archive).isEmpty)
    }

    @Test func changesNameEachFindingWhoseLevelMovedButNotANewFindingThatIsOK() {
        let earlier = PrescreenReport(
            form: .unknown,
            findings: [
                Finding(id: "plan-theme-recognition", level: .missing, title: "", detail: ""),
                Finding(id: "signoff-leader", level: .missing, title: "", detail: ""),
                Finding(id: "url", level: .ok, title: "", detail: ""),
                Finding(id: "form", level: .attention, title: "", detail: ""),
            ])
        let now = PrescreenReport(
            form: .initial,
            findings: [
                Finding(id: "plan-theme-recognition", level: .ok, title: "", detail: ""),
                Finding(id: "signoff-leader", level: .ok, title: "", detail: ""),
                Finding(id: "url", level: .ok, title: "", detail: ""),
                Finding(id: "q1-answered", level: .ok, title: "", detail: ""),
                Finding(id: "q2-answered", level: .attention, title: "", detail: ""),
            ])
        let changes = Rescreen.changes(from: earlier, to: now, formBefore: FormKind.unknown.rawValue)
        #expect(
            changes == [
                "form: not recognised → Initial (Stage 1)", "plan-theme-recognition: missing → ok",
                "signoff-leader: missing → ok", "q2-answered: none → attention", "form: attention → none",
            ])
        let outcome = Rescreen.Outcome(
            reference: "TC-2024-07-LJMU", before: "missing", after: "ok", changes: Array(changes[1...2]), notes: [])
        #expect(
            outcome.line
                == "TC-2024-07-LJMU: missing → ok (plan-theme-recognition: missing → ok; signoff-leader: missing → ok)")
    }

    @Test func sameVerdictAndFindingsIsUnchanged() {
        let outcome = Rescreen.Outcome(reference: "TC-2024-07-LJMU", before: "ok", after: "ok", changes: [], notes: [])
        #expect(!outcome.changed)
        #expect(outcome.line == "TC-2024-07-LJMU: unchanged (ok)")
    }

    @Test func sameVerdictWithFindingsThatMovedSaysStill() {
        let outcome = Rescreen.Outcome(
            reference: "TC-2024-07-LJMU", before: "attention", after: "attention",
            changes: ["url: ok → attention", "q3-answered: attention → ok"], notes: [])
        #expect(outcome.changed)
        #expect(outcome.line == "TC-2024-07-LJMU: still attention (url: ok → attention; q3-answered: attention → ok)")
    }
}
