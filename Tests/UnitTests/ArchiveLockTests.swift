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

    @Test func locksOnDifferentArchivesDoNotConflict() throws {
        let one = try ArchiveLock(archive: folder.file("One"))
        let two = try ArchiveLock(archive: folder.file("Two"))
        withExtendedLifetime((one, two)) {}
    }
}
