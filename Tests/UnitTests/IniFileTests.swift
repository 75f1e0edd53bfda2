import Configuration
import Testing

@Suite struct IniFileTests {
    @Test func keysAndValuesAreReadWithTheirLines() {
        let ini = IniFile(path: "t.conf", text: "# comment\n[IMAP]\nURL = imaps://host/INBOX\n; another\nuser=tc\n")
        #expect(ini.entry("imap", "url")?.value == "imaps://host/INBOX")
        #expect(ini.entry("imap", "url")?.line == 3)
        #expect(ini.value("imap", "user") == "tc")
        #expect(ini.sectionLines["imap"] == 2)
        #expect(ini.problems.isEmpty)
    }

    @Test func emptyValueReadsAsMissing() {
        let ini = IniFile(path: "t.conf", text: "[imap]\nfiled-folder =\n")
        #expect(ini.entry("imap", "filed-folder")?.value == "")
        #expect(ini.value("imap", "filed-folder") == nil)
    }

    @Test func valueMayContainAnEqualsSign() {
        let ini = IniFile(path: "t.conf", text: "[smtp]\nfrom = \"A=B\" <tc@example.org>\n")
        #expect(ini.value("smtp", "from") == "\"A=B\" <tc@example.org>")
    }

    @Test func keySetTwiceIsReportedOnTheSecondLine() {
        let ini = IniFile(path: "t.conf", text: "[imap]\nuser = a\nuser = b\n")
        #expect(ini.problems == [ConfigProblem(file: "t.conf", line: 3, message: "[imap] user is set twice")])
        #expect(ini.value("imap", "user") == "b")
    }

    @Test func lineWithoutEqualsSignIsReported() {
        let ini = IniFile(path: "t.conf", text: "[imap]\nuser tc\n")
        #expect(ini.problems.map(\.line) == [2])
        #expect(ini.problems.first?.message.contains("expected 'key = value'") == true)
    }

    @Test func keyBeforeAnySectionIsReported() {
        let ini = IniFile(path: "t.conf", text: "user = tc\n[imap]\n")
        #expect(ini.problems.map(\.line) == [1])
        #expect(ini.problems.first?.message.contains("before any [section]") == true)
    }

    @Test func unclosedSectionHeaderIsReported() {
        let ini = IniFile(path: "t.conf", text: "\n[imap\nurl = x\n")
        #expect(ini.problems.map(\.line) == [2, 3])
        #expect(ini.problems.first?.message.contains("must end with ']'") == true)
    }

    @Test func crlfLinesAreSeparateLinesWithTheirOwnNumbers() {
        let ini = IniFile(path: "t.conf", text: "# Windows\r\n[imap]\r\nurl = imaps://host/INBOX\r\n\r\nuser = tc\r\n")
        #expect(ini.problems.isEmpty)
        #expect(ini.sectionLines["imap"] == 2)
        #expect(ini.entry("imap", "url")?.value == "imaps://host/INBOX")
        #expect(ini.entry("imap", "user")?.line == 5)
    }
}
