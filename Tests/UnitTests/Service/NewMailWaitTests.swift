import Configuration
import Foundation
import TestSupport
import Testing

@testable import MailTransport
@testable import Service

/// The wait between cycles: IMAP IDLE when it works, a plain sleep when it does not.
@Suite struct NewMailWaitTests {
    let directory = TemporaryDirectory()

    final class StubWatcher: MailWatcher {
        var answers: [Result<Bool, MailTransportError>]
        var calls = 0
        init(_ answers: [Result<Bool, MailTransportError>]) { self.answers = answers }
        func wait(timeout: TimeInterval, shouldStop: () -> Bool) throws(MailTransportError) -> Bool {
            calls += 1
            return try answers.removeFirst().get()
        }
    }

    func context(watcher: (@Sendable () throws(MailTransportError) -> any MailWatcher)?) throws -> ServiceContext {
        try ConfigFixture.write(in: directory)
        var context = ServiceContext(
            settings: try SettingsLoader().load(configPath: directory.file("config/tcreview.conf")))
        context.mail = MailConnections(
            mailbox: { () throws(MailTransportError) in throw .unreachable(server: "imap", detail: "not here") },
            sender: { () throws(MailTransportError) in throw .unreachable(server: "smtp", detail: "not here") },
            watcher: watcher)
        return context
    }

    @Test func aNewIdleConnectionAsksForACycleAtOnceThenReportsNewMail() throws {
        nonisolated(unsafe) let stub = StubWatcher([.success(true), .success(false)])
        let wait = NewMailWait(context: try context(watcher: { stub }))
        let stop = StopFlag()
        #expect(wait.wait(seconds: 3600, stop: stop), "mail may have come before IDLE began")
        #expect(stub.calls == 0)
        #expect(wait.wait(seconds: 3600, stop: stop), "the server said new mail arrived")
        #expect(!wait.wait(seconds: 3600, stop: stop), "the poll interval passed")
        #expect(stub.calls == 2)
    }

    @Test func aLostIdleConnectionFallsBackToSleepingUntilThePollInterval() throws {
        nonisolated(unsafe) let stub = StubWatcher([.failure(.unreachable(server: "imap", detail: "BYE"))])
        nonisolated(unsafe) var connections = 0
        let wait = NewMailWait(
            context: try context(watcher: {
                connections += 1
                return stub
            }))
        let stop = StopFlag()
        #expect(wait.wait(seconds: 0.01, stop: stop))
        #expect(!wait.wait(seconds: 0.01, stop: stop), "slept out the interval after losing the connection")
        #expect(!wait.wait(seconds: 0.01, stop: stop), "not reconnected at once: polling until the pause is over")
        #expect(connections == 1)
    }

    @Test func aServerWithoutIdleIsPolledAndNotAskedAgainEveryCycle() throws {
        nonisolated(unsafe) var connections = 0
        let wait = NewMailWait(
            context: try context(watcher: { () throws(MailTransportError) -> any MailWatcher in
                connections += 1
                throw .refused(server: "imap", command: "IDLE", detail: "the server does not offer IDLE")
            }))
        let stop = StopFlag()
        #expect(!wait.wait(seconds: 0.01, stop: stop))
        #expect(!wait.wait(seconds: 0.01, stop: stop))
        #expect(connections == 1)
    }

    @Test func withIdleTurnedOffTheServiceHasNoWatcher() throws {
        try ConfigFixture.write(in: directory, imap: ["idle = no"])
        let settings = try SettingsLoader().load(configPath: directory.file("config/tcreview.conf"))
        #expect(!settings.idle)
        #expect(ServiceContext(settings: settings).mail.watcher == nil)
    }

    @Test func anIMAPCapabilityLineIsReadForIdle() {
        #expect(IMAPWatcher.offersIdle("* CAPABILITY IMAP4rev1 SASL-IR IDLE LITERAL+"))
        #expect(!IMAPWatcher.offersIdle("* CAPABILITY IMAP4rev1 SASL-IR IDLER"))
        #expect(!IMAPWatcher.offersIdle("* OK IDLE is what we do"))
    }
}
