import Archive
import Foundation
import TestSupport
import Testing

@Suite struct FileSystemTests {
    let folder = TemporaryDirectory()

    @Test func atomicWriteCreatesTheFileWithItsBytes() throws {
        let path = folder.file("submission.json")
        try FileSystem.writeAtomically(Data("{\"version\":1}".utf8), to: path)
        #expect(FileSystem.read(path) == Data("{\"version\":1}".utf8))
    }

    @Test func atomicWriteLeavesNoTemporaryFiles() throws {
        for version in 1...3 {
            try FileSystem.writeAtomically(Data("v\(version)".utf8), to: folder.file("a.json"))
        }
        try FileSystem.writeAtomically(Data("b".utf8), to: folder.file("b.json"))
        #expect(folder.contents() == ["a.json", "b.json"])
    }

    @Test func aDerivedFileIsCreatedThenSwappedForItsNewContentLeavingNoTemporaryFile() throws {
        let path = folder.file("index.html")
        try FileSystem.writeAtomically(Data("first".utf8), to: path, durable: false)
        try FileSystem.writeAtomically(Data("second, longer".utf8), to: path, durable: false)
        #expect(FileSystem.read(path) == Data("second, longer".utf8))
        #expect(folder.contents() == ["index.html"])
    }

    @Test func atomicWriteReplacesTheWholeContent() throws {
        let path = folder.file("record.json")
        try FileSystem.writeAtomically(Data(repeating: 0x41, count: 10_000), to: path)
        try FileSystem.writeAtomically(Data("short".utf8), to: path)
        #expect(FileSystem.read(path) == Data("short".utf8))
    }

    @Test func atomicWriteOfEmptyDataMakesAnEmptyFile() throws {
        let path = folder.file("empty")
        try FileSystem.writeAtomically(Data(), to: path)
        #expect(FileSystem.read(path) == Data())
    }

    @Test func atomicWriteIntoAMissingFolderThrowsAndLeavesNothing() {
        let path = folder.file("missing/record.json")
        let error = #expect(throws: ArchiveError.self) {
            try FileSystem.writeAtomically(Data("x".utf8), to: path)
        }
        guard case .io(_, let operation, let code) = error else {
            Issue.record("expected .io, got \(String(describing: error))")
            return
        }
        #expect(operation == "create")
        #expect(code == ENOENT)
        #expect(folder.contents().isEmpty)
    }

    @Test func makeDirectoryCreatesMissingParentsAndAcceptsAnExistingFolder() throws {
        let path = folder.file("LJMU/2024/07-July/LJMU-2024-07-1")
        try FileSystem.makeDirectory(path)
        try FileSystem.makeDirectory(path)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func renameMovesTheFile() throws {
        let source = try folder.write("mail", to: "queued.eml")
        try folder.makeFolder("sent")
        try FileSystem.rename(source, to: folder.file("sent/queued.eml"))
        #expect(!FileSystem.exists(source))
        #expect(FileSystem.read(folder.file("sent/queued.eml")) == Data("mail".utf8))
    }

    @Test func listIsSortedAndEmptyForAMissingFolder() throws {
        try folder.write("", to: "b")
        try folder.write("", to: "a")
        try folder.write("", to: "C")
        #expect(FileSystem.list(folder.path) == ["C", "a", "b"])
        #expect(FileSystem.list(folder.file("nowhere")).isEmpty)
    }

    @Test func existsSeesADanglingSymlink() throws {
        let link = folder.file("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.file("gone"))
        #expect(FileSystem.exists(link))
        #expect(!FileSystem.exists(folder.file("gone")))
    }

    @Test func removeDeletesAFolderTreeAndIgnoresMissingPaths() throws {
        try folder.write("x", to: "tree/a/b.txt")
        FileSystem.remove(folder.file("tree"))
        FileSystem.remove(folder.file("tree"))
        #expect(folder.contents().isEmpty)
    }

    @Test func aFileSystemFlushNamesAFolderThatIsNotThere() throws {
        let directory = TemporaryDirectory()
        try FileSystem.syncFileSystem(containing: directory.path)
        #expect(throws: ArchiveError.self) { try FileSystem.syncFileSystem(containing: directory.file("missing")) }
    }
}
