import Archive
import Foundation
import TestSupport
import Testing

/// Nothing lost, nothing doubled, nobody injected: crashes, outages, resends and hostile input, through real servers.
@Suite(.serialized) struct RobustnessTests {
    let pdf = PDFFixture.make(pages: ["Organisation: Liverpool John Moores University"])

    @Test func resendingTheSameMessageFilesAndConfirmsItOnce() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.submission(pdf: pdf, messageID: "<same@ljmu.test>")
        try lab.send(message, from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        try lab.send(message, from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        #expect(try service.records().count == 1)
        #expect(service.events("duplicate").count == 1)
        #expect(try lab.uids(in: "Filed").count == 2, "both copies are marked processed")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_State/tmp")) ?? []
        #expect(leftovers.isEmpty, "the duplicate's download is not left behind")
        #expect(service.sent(to: "jane@ljmu.test").count == 1)
    }

    @Test func aDifferentMessageReusingAMessageIDIsFiledAndConfirmedNotTakenForADuplicate() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let second = PDFFixture.make(pages: ["Organisation: Liverpool John Moores University", "A revised plan."])
        try lab.send(TestMessage.submission(pdf: pdf, messageID: "<reused@ljmu.test>"), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        try lab.send(
            TestMessage.submission(
                fileName: "LJMU revised July 2024.pdf", pdf: second, messageID: "<reused@ljmu.test>"),
            from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let records = try service.records()
        #expect(records.count == 2, "the second message is kept in the archive")
        #expect(Set(records.map(\.reference)).count == 2)
        #expect(service.events("duplicate").isEmpty)
        #expect(service.events("message-id-reused").count == 1)
        #expect(service.events("filed").count == 2)
    }

    /// A lab with three submissions in the inbox, and the UID of the first.
    func threeSubmissionsWaiting() throws -> (MailLab, Int) {
        let lab = try MailLab()
        for index in 0..<3 {
            try lab.send(
                TestMessage.submission(fileName: "LJMU July 2024 (\(index)).pdf", pdf: pdf), from: "jane@ljmu.test")
            try lab.waitForInbox(count: index + 1)
        }
        return (lab, try #require(try lab.uids(in: "INBOX").min()))
    }

    @Test func aMessageTheServerWillNotGiveDoesNotHoldUpTheOthersAndWaitsOutItsPause() throws {
        let (lab, first) = try threeSubmissionsWaiting()
        let proxy = try IMAPFaultProxy(upstreamPort: lab.imapPort, failDownloadOf: first)
        let service = try ServiceFixture(lab: lab, imapPort: proxy.port)
        _ = try service.tcreview()

        #expect(try service.records().count == 2, "the two messages behind the bad one are filed")
        #expect(try lab.uids(in: "INBOX") == [first], "the bad one stays in the inbox")
        #expect(service.events("fetch-failed").count == 1)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_State/tmp")) ?? []
        #expect(leftovers.isEmpty, "no partial download is left behind")

        // Tried again only after its pause (a minute, then growing), not on every cycle.
        _ = try service.tcreview()
        #expect(service.events("fetch-failed").count == 1, "still in its pause")
        #expect(try service.records().count == 2)
        withExtendedLifetime(proxy) {}
    }

    @Test func aServerThatTricklesAMessageIsCutOffAtTheTransferBoundAndTheOthersAreFiled() throws {
        let (lab, first) = try threeSubmissionsWaiting()
        let proxy = try IMAPFaultProxy(upstreamPort: lab.imapPort, failDownloadOf: first, with: .trickle)
        let service = try ServiceFixture(lab: lab, service: ["transfer-timeout = 5"], imapPort: proxy.port)
        // Unbounded, the trickled download (a byte every 250 ms) would outlast this kill by hours.
        let run = try service.tcreview(timeout: 60)

        #expect(run.status == 1, "the cycle ends by itself, saying one message is left to retry: \(run.stderr)")
        #expect(run.stderr.contains("did not finish UID FETCH \(first) within 5 s"), "\(run.stderr)")
        let seen = "\(run.stderr)\nwhat the proxy was asked:\n\(proxy.commands)"
        #expect(try service.records().count == 2, "the two messages behind the trickled one are filed: \(seen)")
        #expect(try lab.uids(in: "INBOX") == [first], "the trickled one stays in the inbox, to be tried again")
        #expect(service.events("fetch-failed").count == 1, "\(seen)")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_State/tmp")) ?? []
        #expect(leftovers.isEmpty, "no partial download is left behind")
        withExtendedLifetime(proxy) {}
    }

    @Test func anEmailRefusedForGoodIsNotRetriedForEverAndTheCoordinatorsAreTold() throws {
        let lab = try MailLab()
        let smtp = try RefusingSMTPServer()
        let service = try ServiceFixture(lab: lab, smtpPort: smtp.port)
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        let first = try service.tcreview()
        let second = try service.tcreview()

        #expect(try service.records().count == 1, "the submission is filed")
        let failed = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_Outbox/failed")) ?? []
        #expect(failed.contains { $0.hasSuffix("-confirmation.eml") }, "the confirmation waits in failed/")
        #expect(failed.contains { $0.hasPrefix("refused-") }, "the coordinators' notice was queued (and refused too)")
        let queued = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_Outbox/queued")) ?? []
        #expect(queued.isEmpty, "nothing is left to retry")
        #expect(
            service.events("send-rejected").count == 2, "the confirmation and the notice; no notice about the notice")
        #expect(first.status == 0 && second.status == 0, "no 'try again later' exit: \(second.stderr)")
        withExtendedLifetime(smtp) {}
    }

    @Test func aSenderWithAUTF8AddressIsFiledAtOnce() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(pdf: pdf, from: "José García <josé@ljmu.test>"), from: "jose@ljmu.test")
        try lab.waitForInbox(count: 1)
        let run = try service.tcreview()

        #expect(try service.records().count == 1, "filed in the first cycle: \(run.stderr)")
        #expect(service.events("process-failed").isEmpty)
        #expect(!run.stderr.contains("automatic replies this hour"), "no false reason")
        // The confirmation went out (the lab's OpenSMTPD takes SMTPUTF8), or, refused, says why.
        #expect(service.events("sent").count + service.events("send-rejected").count >= 1, "\(run.stderr)")
    }

    @Test func resendAfterACoordinatorMovedTheFolderIsStillRecognised() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let message = TestMessage.submission(
            fileName: "Self assessment July 2024.pdf", pdf: pdf, from: "x@elsewhere.test",
            messageID: "<moved@elsewhere.test>")
        try lab.send(message, from: "x@elsewhere.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let record = try #require(try service.records().first)
        let destination = "\(service.archive)/University of Testshire/2024/07-July"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: service.folder(of: record), toPath: "\(destination)/\(record.reference)")

        try lab.send(message, from: "x@elsewhere.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        #expect(try service.records().count == 1, "not filed again in _Unidentified")
        #expect(service.events("duplicate").count == 1)
    }

    @Test func messageThatCannotBeFiledStaysOnTheServerAndDoesNotHoldUpTheOthers() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        // A file where LJMU's folder belongs makes its filing fail, whatever the permissions.
        try FileManager.default.createDirectory(atPath: service.archive, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(
            to: URL(fileURLWithPath: "\(service.archive)/Liverpool John Moores University"))
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.send(
            TestMessage.submission(
                fileName: "University of Testshire July 2024.pdf", pdf: pdf, from: "sam@testshire.test"),
            from: "sam@testshire.test")
        try lab.waitForInbox(count: 2)

        let blocked = try service.tcreview()
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("could not be filed"))
        #expect(try service.records().map(\.reference) == ["TC-2024-07-UOT"])
        #expect(try lab.uids(in: "INBOX").count == 1, "the LJMU message is still on the server")

        try FileManager.default.removeItem(atPath: "\(service.archive)/Liverpool John Moores University")
        try service.runOnce()
        #expect(Set(try service.records().map(\.reference)) == ["TC-2024-07-UOT", "TC-2024-07-LJMU"])
        #expect(try lab.uids(in: "INBOX").isEmpty)
    }

    @Test func recreatedMailboxWithNewUIDValidityDoesNotFileAgain() throws {
        let lab = try MailLab()
        _ = try lab.imap("CREATE Submissions", mailbox: "")
        let service = try ServiceFixture(lab: lab, filedFolder: nil, mailbox: "Submissions")
        let message = TestMessage.submission(pdf: pdf, messageID: "<recreated@ljmu.test>")
        let file = "\(lab.directory)/append.eml"
        try message.write(to: URL(fileURLWithPath: file))
        try run(
            "/usr/bin/curl",
            ["-sS", "imap://127.0.0.1:\(lab.imapPort)/Submissions", "-u", "\(lab.user):\(lab.password)", "-T", file])
        try service.runOnce()
        _ = try lab.imap("DELETE Submissions", mailbox: "")
        _ = try lab.imap("CREATE Submissions", mailbox: "")
        try run(
            "/usr/bin/curl",
            ["-sS", "imap://127.0.0.1:\(lab.imapPort)/Submissions", "-u", "\(lab.user):\(lab.password)", "-T", file])
        try service.runOnce()

        #expect(try service.records().count == 1)
        #expect(service.events("duplicate").count == 1)
        #expect(service.sent(to: "jane@ljmu.test").count == 1)
    }

    @Test func killedMidCycleThenRestartedFilesEachMessageOnceAndConfirmsOnce() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, service: ["replies-per-hour = 100"])
        let count = 12
        try sendSubmissions(count, id: "kill", to: lab)
        // The service hangs on the download of the seventh message, so it is killed mid-cycle for certain,
        // however fast the machine: six filed, six to go.
        let uids = try lab.uids(in: "INBOX").sorted()
        let proxy = try IMAPFaultProxy(upstreamPort: lab.imapPort, failDownloadOf: uids[6], with: .stall)
        let stalled = try ServiceFixture(
            lab: lab, service: ["replies-per-hour = 100"], imapPort: proxy.port, archive: service.archive)
        let serving = try stalled.startServing()
        let deadline = Date().addingTimeInterval(60)
        while service.events("filed").count < 6, Date() < deadline { usleep(2_000) }
        #expect(serving.stop(SIGKILL) == .signalled(SIGKILL))
        #expect(service.events("filed").count == 6, "killed mid-cycle, with six filed")

        try service.runOnce()
        try expectEachFiledAndConfirmedOnce(count, service: service, lab: lab)
        #expect(lab.waitForMessages("jane@ljmu.test", count: count).count == count)
        withExtendedLifetime(proxy) {}
    }

    /// Kills between the steps of a group commit (see `WriteGroup`): after the flush of a filing's data,
    /// after its names are given, after the whole group is on disk but before the server is told.
    @Test(arguments: ["group-data-flushed:3", "group-named:4", "group-done:2", "group-named:2"])
    func killedBetweenTheStepsOfAGroupCommitThenRestartedFilesConfirmsAndAssignsEachOnce(point: String) throws {
        let lab = try MailLab()
        let service = try ServiceFixture(
            lab: lab, service: ["replies-per-hour = 100"], review: ["auto-assign = yes"])
        let count = 4
        try sendSubmissions(count, id: "group", to: lab)
        let killed = try service.tcreview(environment: ["TCREVIEW_FAULT_KILL": point])
        #expect(killed.status != 0, "killed at \(point)")
        #expect(service.events("filed").count < count, "killed before the cycle was done")

        try service.runOnce()
        let records = try expectEachFiledAndConfirmedOnce(count, service: service, lab: lab)
        var assigned = 0
        for record in records {
            let assignments = AssignmentRecord.load(folder: service.folder(of: record))
            #expect(assignments.count == 2, "\(record.reference) has its two reviewers")
            assigned += assignments.count
        }
        let requests = ["ben@reviewers.test", "dan@reviewers.test", "fay@reviewers.test"].flatMap {
            service.sent(to: $0)
        }
        #expect(requests.count == assigned, "one request per assignment, none twice")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: "\(service.archive)/_State/tmp")) ?? []
        #expect(leftovers.isEmpty, "no scratch is left behind")
    }

    /// `count` submissions from Jane, each with its own file name and Message-ID (`<ID-N@ljmu.test>`), in
    /// the inbox.
    func sendSubmissions(_ count: Int, id: String, to lab: MailLab) throws {
        for index in 0..<count {
            try lab.send(
                TestMessage.submission(
                    fileName: "LJMU July 2024 part \(index).pdf", pdf: pdf, messageID: "<\(id)-\(index)@ljmu.test>"),
                from: "jane@ljmu.test")
        }
        try lab.waitForInbox(count: count)
    }

    /// Every one of the `count` messages filed once, marked on the server, and confirmed once; the records.
    @discardableResult
    func expectEachFiledAndConfirmedOnce(
        _ count: Int, service: ServiceFixture, lab: MailLab, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [SubmissionRecord] {
        let records = try service.records()
        #expect(records.count == count, sourceLocation: sourceLocation)
        #expect(Set(records.compactMap(\.messageID)).count == count, sourceLocation: sourceLocation)
        #expect(try lab.uids(in: "INBOX").isEmpty, sourceLocation: sourceLocation)
        let confirmations = service.sent(to: "jane@ljmu.test")
        #expect(confirmations.count == count, "one confirmation each, none twice", sourceLocation: sourceLocation)
        #expect(
            Set(confirmations.compactMap { TestMessage.header("Message-Id", in: $0) }).count == count,
            sourceLocation: sourceLocation)
        return records
    }

    @Test func confirmationQueuedWhileSMTPIsDownArrivesWhenItIsBack() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(pdf: pdf), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try lab.stopSMTP()
        let down = try service.tcreview()
        #expect(down.status == 75)
        #expect(down.stderr.contains("still queued"))
        #expect(try service.records().count == 1, "filing does not wait for SMTP")
        #expect(Outbox(archive: service.archive).pending().count == 1)

        try lab.startSMTP()
        try service.runOnce()
        #expect(Outbox(archive: service.archive).pending().isEmpty)
        #expect(service.sent(to: "jane@ljmu.test").count == 1)
    }

    @Test func wrongIMAPPasswordExitsNonZeroWithAClearMessageAndNoPassword() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let result = try service.tcreview(environment: ["TCREVIEW_IMAP_PASSWORD": "not-the-password-42"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused the login"))
        #expect(!result.stderr.contains("not-the-password-42"))
        let journal = (try? String(contentsOfFile: "\(service.archive)/journal.jsonl", encoding: .utf8)) ?? ""
        #expect(!journal.contains("not-the-password-42"))
    }

    @Test func hostileFileNamesStayInsideTheSubmissionFolder() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let long = String(repeating: "Ł", count: 150) + ".pdf"
        let names = [
            "attachment; filename=\"../../escape LJMU July 2024.pdf\"",
            "attachment; filename=\"/etc/passwd.pdf\"",
            "attachment; filename*=UTF-8''evil%00name%0D%0Ahdr.pdf",
            "attachment; filename=\"\(long)\"",
            "attachment; filename=\"..\"",
            "attachment; filename=\"feedback.pdf\"",
        ]
        let message = TestMessage.make(
            subject: "LJMU July 2024",
            attachments: names.map { .init(contentType: "application/pdf", disposition: $0, data: pdf) })
        try lab.send(message, from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let record = try #require(try service.records().first)
        let folder = service.folder(of: record)
        let pdfs = record.files.filter { $0.role == "submission" }
        #expect(pdfs.count == names.count)
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        for file in pdfs {
            #expect(onDisk.contains(file.name), "\(file.name) is in the submission folder")
            #expect(!file.name.contains("/") && !file.name.hasPrefix("."))
            #expect(!file.name.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(file.name.utf8.count <= 120)
            #expect(file.name.hasSuffix(".pdf"))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(service.archive)/escape LJMU July 2024.pdf"))
        #expect(Set(pdfs.map(\.name)).count == pdfs.count, "no file overwrote another")
        #expect(!pdfs.contains { $0.name == "feedback.pdf" }, "the service's own file names stay free")
    }

    @Test func encodedNewlineInSubjectOrNameCannotAddAHeader() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let evilSubject = "=?UTF-8?B?\(Data("LJMU July 2024\r\nBcc: evil@attacker.test".utf8).base64EncodedString())?="
        let evilName = "=?UTF-8?B?\(Data("Jane\r\nBcc: evil@attacker.test\r\n".utf8).base64EncodedString())?="
        try lab.send(
            TestMessage.make(
                from: "\(evilName) <jane@ljmu.test>", subject: evilSubject,
                attachments: [
                    .init(contentType: "application/pdf", disposition: "attachment; filename=\"plan.pdf\"", data: pdf)
                ]),
            from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let confirmation = try #require(lab.waitForMessages("jane@ljmu.test").first)
        #expect(TestMessage.header("Bcc", in: confirmation) == nil)
        #expect(!confirmation.contains("\nBcc:"))
        #expect(
            TestMessage.body(of: confirmation).contains("Dear Jane Bcc: evil@attacker.test,"),
            "the name stays on one line")
        #expect(service.sent(to: "evil@attacker.test").isEmpty)
        #expect(try service.records().first?.reference == "TC-2024-07-LJMU")
    }

    @Test func secondInstanceOnTheSameArchiveExitsWithAClearMessage() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let first = try service.startServing()
        defer { _ = first.stop(SIGTERM) }
        let deadline = Date().addingTimeInterval(10)
        while !service.lockIsHeld(".lock"), Date() < deadline { usleep(10_000) }
        let second = try service.tcreview()
        #expect(second.status == 69)
        #expect(second.stderr.contains("already using the archive"))
    }

    @Test func sigtermFinishesTheMessageInHandAndExitsZero() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        for index in 0..<5 {
            try lab.send(
                TestMessage.submission(pdf: pdf, messageID: "<term-\(index)@ljmu.test>"), from: "jane@ljmu.test")
        }
        try lab.waitForInbox(count: 5)
        let serving = try service.startServing()
        let deadline = Date().addingTimeInterval(30)
        while service.events("filed").isEmpty, Date() < deadline { usleep(2_000) }
        #expect(serving.stop(SIGTERM) == .exited(0))
        // Every message the service filed was also marked on the server: nothing half done.
        let filed = try service.records().count
        #expect(try lab.uids(in: "Filed").count == filed)
        #expect(try lab.uids(in: "INBOX").count == 5 - filed)
    }
}
