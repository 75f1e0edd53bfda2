import Testing

@testable import Intake
@testable import Service

@Suite struct ShownTextTests {
    @Test func senderTextWithLineBreaksStaysOnOneLogLine() {
        let shown = ShownText.oneLine("Self-assessment\r\n2026-12-01T00:00:00Z filed TC-FAKE")
        #expect(!shown.contains("\n") && !shown.contains("\r"))
        #expect(shown == "Self-assessment\\r\\n2026-12-01T00:00:00Z filed TC-FAKE")
    }

    @Test func aFileNameCannotPoseAsAnotherWithDirectionControls() {
        let shown = ShownText.fileName("LJMU_\u{202E}fdp.exe")
        #expect(shown == "LJMU_<U+202E>fdp.exe")
        #expect(!shown.unicodeScalars.contains { ShownText.isBidiControl($0) })
    }

    @Test func ordinaryNamesAreShownAsTheyAre() {
        #expect(
            ShownText.fileName("Prifysgol Aberystwyth Gorffennaf 2024.pdf")
                == "Prifysgol Aberystwyth Gorffennaf 2024.pdf")
        #expect(ShownText.oneLine("Siân Jones") == "Siân Jones")
    }
}
