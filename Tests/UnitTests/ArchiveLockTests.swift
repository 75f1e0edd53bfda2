import Archive
import Foundation
import TestSupport
import Testing

@Suite struct ArchiveLockTests {
    let folder = TemporaryDirectory()
    var archive: String { folder.file("Mailbox") }

    @Test func lockCreatesTheArchiveAndRecordsThisProcess() throws {
        let lock = try ArchiveLock(archive: archive)
        let recorded = String(decoding: FileSystem.read("\(archive)/.lock") ?? Data(), as: UTF8.self)
        #expect(recorded == "\(getpid())\n")
        withExtendedLifetime(lock) {}
    }

    @Test func secondLockOnTheSameArchiveThrowsLockedNamingTheHolder() throws {
        let first = try ArchiveLock(archive: archive)
        #expect(throws: ArchiveError.locked(path: archive, holder: "pid \(getpid())")) {
            try ArchiveLock(archive: archive)
        }
        withExtendedLifetime(first) {}
    }

    @Test func failedSecondLockKeepsTheHoldersPIDInTheLockFile() throws {
        let first = try ArchiveLock(archive: archive)
        _ = try? ArchiveLock(archive: archive)
        #expect(FileSystem.read("\(archive)/.lock") == Data("\(getpid())\n".utf8))
        withExtendedLifetime(first) {}
    }

    @Test func lockIsReleasedWhenItsOwnerGoesAway() throws {
        var first: ArchiveLock? = try ArchiveLock(archive: archive)
        withExtendedLifetime(first) {}
        first = nil
        let second = try ArchiveLock(archive: archive)
        withExtendedLifetime((first, second)) {}
    }

    @Test func aSecondWriterWaitsUntilTheFirstHasFinished() throws {
        var first: ArchiveLock? = try ArchiveLock.writing(archive: archive)
        let order = Steps()
        let archive = self.archive
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let second = try? ArchiveLock.writing(archive: archive)
            order.append(second == nil ? "second failed" : "second writes")
            finished.signal()
        }
        // The second writer is blocked in the kernel on the lock the first holds: seen, not slept on.
        let deadline = Date().addingTimeInterval(10)
        while !KernelLocks.waiters(for: "\(archive)/.write-lock").contains(getpid()), Date() < deadline {
            usleep(1_000)
        }
        #expect(KernelLocks.waiters(for: "\(archive)/.write-lock").contains(getpid()), "the second writer waits")
        order.append("first done")
        first = nil
        finished.wait()
        #expect(order.all == ["first done", "second writes"])
        withExtendedLifetime(first) {}
    }

    @Test func locksOnDifferentArchivesDoNotConflict() throws {
        let one = try ArchiveLock(archive: folder.file("One"))
        let two = try ArchiveLock(archive: folder.file("Two"))
        withExtendedLifetime((one, two)) {}
    }
}

/// What happened, in order, across threads.
private final class Steps: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [String] = []
    func append(_ step: String) { lock.withLock { steps.append(step) } }
    var all: [String] { lock.withLock { steps } }
}
