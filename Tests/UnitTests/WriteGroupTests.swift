import Archive
import Foundation
import TestSupport
import Testing

/// Group commit: writes wait for their names until a commit point, reads see them meanwhile, and
/// everything is on disk, in order, when the group ends.
@Suite struct WriteGroupTests {
    let folder = TemporaryDirectory()

    /// What is on disk under the folder, by name, not through `FileSystem` (which sees waiting writes).
    func onDisk(_ name: String) -> Data? { FileManager.default.contents(atPath: folder.file(name)) }

    @Test func aWriteInAGroupIsNamedOnlyWhenTheGroupEndsAndIsReadableMeanwhile() throws {
        let path = folder.file("state.json")
        try FileSystem.grouped {
            try FileSystem.writeAtomically(Data("one".utf8), to: path)
            #expect(onDisk("state.json") == nil, "not named before the commit")
            #expect(FileSystem.read(path) == Data("one".utf8))
            #expect(FileSystem.exists(path))
            #expect(FileSystem.size(path) == 3)
            #expect(FileSystem.list(folder.path) == ["state.json"], "the waiting name, not its temporary file")
        }
        #expect(onDisk("state.json") == Data("one".utf8))
        #expect(folder.contents() == ["state.json"], "no temporary file is left")
    }

    @Test func aPathWrittenTwiceInAGroupEndsWithTheLastContentAndNoTemporaryFile() throws {
        let path = folder.file("state.json")
        try FileSystem.grouped {
            try FileSystem.writeAtomically(Data("first".utf8), to: path)
            try FileSystem.writeAtomically(Data("second".utf8), to: path)
            #expect(FileSystem.read(path) == Data("second".utf8))
        }
        #expect(onDisk("state.json") == Data("second".utf8))
        #expect(folder.contents() == ["state.json"])
    }

    @Test func aRenameInAGroupNamesEverythingWrittenBeforeItFirst() throws {
        try FileSystem.makeDirectory(folder.file("staging"))
        try FileSystem.grouped {
            try FileSystem.writeAtomically(Data("intent".utf8), to: folder.file("intent.json"))
            try FileSystem.rename(folder.file("staging"), to: folder.file("filed"))
            #expect(onDisk("intent.json") == Data("intent".utf8), "what came before the rename is named before it")
            try FileSystem.writeAtomically(Data("after".utf8), to: folder.file("after.json"))
            #expect(onDisk("after.json") == nil, "what comes after waits for the next commit point")
        }
        #expect(onDisk("after.json") == Data("after".utf8))
        #expect(folder.contents() == ["after.json", "filed", "intent.json"])
    }

    @Test func journalLinesInAGroupAreReadInsideItAndWrittenInOrderAtTheEnd() throws {
        let journal = Journal(archive: folder.path)
        try journal.append(.init(event: "before"))
        try FileSystem.grouped {
            try journal.append(.init(event: "one", reference: "R-1"))
            try journal.append(.init(event: "two", reference: "R-2"))
            #expect(journal.events().map(\.event) == ["before", "one", "two"])
            let lines = String(decoding: onDisk("journal.jsonl") ?? Data(), as: UTF8.self)
            #expect(!lines.contains("\"one\""), "not written before the commit")
        }
        #expect(Journal(archive: folder.path).events().map(\.event) == ["before", "one", "two"])
    }

    @Test func aGroupWhoseBodyFailsStillWritesWhatCameBeforeTheFailure() throws {
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try FileSystem.grouped {
                try FileSystem.writeAtomically(Data("kept".utf8), to: folder.file("kept.json"))
                throw Failure()
            }
        }
        #expect(onDisk("kept.json") == Data("kept".utf8))
        #expect(folder.contents() == ["kept.json"])
    }

    @Test func aWaitingWriteUnderARemovedFolderIsDropped() throws {
        try FileSystem.makeDirectory(folder.file("scratch"))
        try FileSystem.grouped {
            try FileSystem.writeAtomically(Data("x".utf8), to: folder.file("scratch/a.json"))
            FileSystem.remove(folder.file("scratch"))
            #expect(!FileSystem.exists(folder.file("scratch/a.json")))
        }
        #expect(folder.contents() == [])
    }

    @Test func groupsDoNotNestAnInnerGroupJoinsTheOuterOne() throws {
        let path = folder.file("inner.json")
        try FileSystem.grouped {
            try FileSystem.grouped { try FileSystem.writeAtomically(Data("x".utf8), to: path) }
            #expect(onDisk("inner.json") == nil, "the inner group's end is not a commit point")
        }
        #expect(onDisk("inner.json") == Data("x".utf8))
    }

    @Test func aNotDurableWriteInAGroupIsNamedAtOnce() throws {
        try FileSystem.grouped {
            try FileSystem.writeAtomically(Data("index".utf8), to: folder.file("index.html"), durable: false)
            #expect(onDisk("index.html") == Data("index".utf8))
        }
    }
}
