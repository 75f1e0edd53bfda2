import Foundation
import Hashing
import TestSupport
import Testing

@Suite struct SHA256Tests {
    @Test func hexOfABCMatchesTheFIPSVector() {
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexOfNothingMatchesTheKnownVector() {
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hexOfTheTwoBlockVectorMatches() {
        let text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256.hex(of: Data(text.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func fileHashEqualsTheHashOfItsBytesAcrossReadPieces() throws {
        let folder = TemporaryDirectory()
        let bytes = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = try folder.write(bytes, to: "big.bin")
        let result = try SHA256.file(path)
        #expect(result.size == bytes.count)
        #expect(result.hex == SHA256.hex(of: bytes))
    }

    @Test func fileHashOfAMissingFileThrows() {
        #expect(throws: (any Error).self) { try SHA256.file("/nonexistent/tcreview/file.pdf") }
    }
}
