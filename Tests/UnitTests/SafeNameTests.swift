import Archive
import Testing

/// Whether a name is one harmless path component: no separators, no control or format characters, no leading dot.
private func isOneSafeComponent(_ name: String) -> Bool {
    !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".")
        && name != ".."
        && !name.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }
}

@Suite struct SafeNameTests {
    @Test func fileNameWithDotDotSegmentsStaysInsideTheFolder() {
        let name = SafeName.fileName("../../x", extension: "pdf", fallback: "submission")
        #expect(name == "x.pdf")
        #expect(isOneSafeComponent(name))
    }

    @Test func absolutePathKeepsOnlyItsLastSegment() {
        #expect(SafeName.component("/etc/passwd", fallback: "x") == "passwd")
    }

    @Test func windowsPathKeepsOnlyItsLastSegment() {
        #expect(SafeName.fileName("C:\\a\\b.pdf", extension: "pdf", fallback: "submission") == "b.pdf")
    }

    @Test func nulAndControlCharactersAreReplaced() {
        let name = SafeName.fileName("plan\u{0}\u{7}x\ny\u{1B}.pdf", extension: "pdf", fallback: "submission")
        #expect(isOneSafeComponent(name))
        #expect(name.hasPrefix("plan"))
        #expect(name.hasSuffix(".pdf"))
    }

    @Test func rightToLeftOverrideIsRemovedSoTheExtensionCannotBeDisguised() {
        let name = SafeName.fileName("invoice\u{202E}fdp.exe", extension: "pdf", fallback: "submission")
        #expect(!name.unicodeScalars.contains("\u{202E}"))
        #expect(name.hasSuffix(".pdf"))
    }

    @Test func charactersFileManagersRejectAreReplaced() {
        let name = SafeName.component("a:b*c?d\"e<f>g|h", fallback: "x")
        #expect(!name.contains { ":*?\"<>|".contains($0) })
        #expect(name.hasPrefix("a"))
        #expect(name.hasSuffix("h"))
    }

    @Test func runsOfSpacesCollapseToOne() {
        #expect(SafeName.component("Liverpool   John\t\tMoores", fallback: "x") == "Liverpool John Moores")
    }

    @Test func longNameIsCutTo120BytesAndKeepsItsExtension() {
        let long = String(repeating: "a", count: 300) + ".pdf"
        let name = SafeName.fileName(long, extension: "pdf", fallback: "submission")
        #expect(name.utf8.count <= 120)
        #expect(name.hasSuffix(".pdf"))
        #expect(name.hasPrefix("aaaa"))
    }

    @Test func multiByteCharactersAreNeverCutInTheMiddle() {
        // ŵ is 2 bytes, 😀 is 4: a byte cut at 120 would split one of them.
        let long = String(repeating: "ŵ😀", count: 60) + ".pdf"
        let name = SafeName.fileName(long, extension: "pdf", fallback: "submission")
        #expect(name.utf8.count <= 120)
        #expect(name.hasSuffix(".pdf"))
        let base = name.dropLast(4)
        #expect(!base.isEmpty)
        #expect(base == String(repeating: "ŵ😀", count: 19) + "ŵ")
    }

    @Test func componentIsCutToItsByteLimitOnACharacterBoundary() {
        let name = SafeName.component(String(repeating: "é", count: 100), fallback: "x", maxBytes: 51)
        #expect(name == String(repeating: "é", count: 25))
    }

    @Test func leadingDotsAreRemovedSoNoHiddenFiles() {
        #expect(SafeName.fileName(".hidden.pdf", extension: "pdf", fallback: "submission") == "hidden.pdf")
        #expect(SafeName.component("...profile", fallback: "x") == "profile")
    }

    @Test func leadingDashIsRemovedSoTheNameIsNotAnOption() {
        #expect(SafeName.component("-rf", fallback: "x") == "rf")
    }

    @Test(arguments: ["", "   ", "..", "/", "\\\\", "\u{0}\u{1}", "..."])
    func nameWithNothingUsableBecomesTheFallback(text: String) {
        #expect(SafeName.component(text, fallback: "unnamed") == "unnamed")
        #expect(SafeName.fileName(text, extension: "pdf", fallback: "submission") == "submission.pdf")
    }

    @Test func nonASCIILettersAreKept() {
        #expect(
            SafeName.fileName("Prifysgol Glyndŵr Gorffennaf 2024.pdf", extension: "pdf", fallback: "submission")
                == "Prifysgol Glyndŵr Gorffennaf 2024.pdf")
    }

    @Test func decomposedAccentsAreComposed() {
        let name = SafeName.component("Glyndw\u{0302}r", fallback: "x")
        #expect(name.unicodeScalars.elementsEqual("Glyndŵr".unicodeScalars))
    }

    @Test func missingExtensionIsAdded() {
        #expect(SafeName.fileName("LJMU July 2024", extension: "pdf", fallback: "submission") == "LJMU July 2024.pdf")
    }

    @Test func extensionInAnotherCaseIsNotDoubled() {
        #expect(SafeName.fileName("LJMU.PDF", extension: "pdf", fallback: "submission") == "LJMU.pdf")
    }
}
