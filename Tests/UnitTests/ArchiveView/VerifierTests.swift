import Archive
import ArchiveView
import Foundation
import Testing

@Suite struct ArchiveViewVerifierTests {
    func archive() throws -> (ArchiveFixture, [String]) {
        let archive = ArchiveFixture()
        let folders = [
            try archive.submission("TC-2024-07-A", institution: "Alder", year: 2024, month: 7),
            try archive.submission("TC-2024-07-B", institution: "Birch", year: 2024, month: 7),
            try archive.submission("TC-2024-08-UNIDENTIFIED-1", institution: nil, year: 2024, month: 8),
            try archive.submission("Q-2024-08-8E41B0D2", institution: nil, year: 2024, month: 8, quarantined: true),
        ]
        // Files the records do not list (reviews, summaries) are not checked.
        try archive.review(folders[0], reviewer: "ada@x.ac.uk")
        try archive.feedback(folders[0], state: "draft")
        return (archive, folders)
    }

    @Test func aCleanArchiveHasNoProblems() throws {
        let (archive, _) = try archive()
        try ArchiveIndex.rebuild(archive: archive.root, now: date("2024-09-01T00:00:00Z"))
        #expect(Verifier.verify(archive: archive.root) == [])
        #expect(Verifier.render([]).contains("matches"))
    }

    @Test func alteredAndMissingFilesAreReported() throws {
        let (archive, folders) = try archive()
        // Same size, one byte different.
        let pdf = "\(folders[0])/self-assessment.pdf"
        var bytes = try #require(FileSystem.read(pdf))
        bytes[0] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: pdf))
        // Shorter.
        try Data("cut".utf8).write(to: URL(fileURLWithPath: "\(folders[1])/prescreen.txt"))
        // Gone, in an unidentified submission and in the quarantine.
        try FileManager.default.removeItem(atPath: "\(folders[2])/message.eml")
        try FileManager.default.removeItem(atPath: "\(folders[3])/message.eml")

        let problems = Verifier.verify(archive: archive.root)
        #expect(
            problems.map { "\($0.reference) \($0.kind) \(($0.file as NSString).lastPathComponent)" } == [
                "Q-2024-08-8E41B0D2 missing message.eml",
                "TC-2024-07-A altered self-assessment.pdf",
                "TC-2024-07-B altered prescreen.txt",
                "TC-2024-08-UNIDENTIFIED-1 missing message.eml",
            ])
        #expect(problems[1].file == "Alder/2024/07-July/TC-2024-07-A/self-assessment.pdf")
        #expect(problems[1].detail.contains("SHA-256"))
        #expect(problems[2].detail.contains("3 bytes"))
        let report = Verifier.render(problems)
        #expect(report.contains("4 problems"))
    }

    @Test func aDamagedOrLostRecordIsReported() throws {
        let (archive, folders) = try archive()
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: "\(folders[0])/submission.json"))
        try FileManager.default.removeItem(atPath: "\(folders[1])/submission.json")
        let problems = Verifier.verify(archive: archive.root)
        #expect(
            problems.map { "\($0.reference) \($0.kind) \(($0.file as NSString).lastPathComponent)" } == [
                "TC-2024-07-A altered submission.json",
                "TC-2024-07-B missing submission.json",
            ])
    }
}
