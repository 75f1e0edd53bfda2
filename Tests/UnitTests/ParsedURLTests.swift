import MailTransport
import Testing

@Suite struct ParsedURLTests {
    @Test func imapsURLWithoutPortNamesHostAndMailbox() throws {
        let url = try #require(ParsedURL("imaps://mail.example.org/INBOX"))
        #expect((url.scheme, url.host, url.port, url.path) == ("imaps", "mail.example.org", nil, "INBOX"))
        #expect(url.isImplicitTLS)
        #expect(url.origin == "imaps://mail.example.org")
    }

    @Test func imapURLWithPortKeepsThePort() throws {
        let url = try #require(ParsedURL("imap://mail.example.org:1143/Submissions/2024"))
        #expect(url.port == 1143)
        #expect(url.path == "Submissions/2024")
        #expect(!url.isImplicitTLS)
        #expect(url.origin == "imap://mail.example.org:1143")
    }

    @Test func smtpURLWithPortAndNoPath() throws {
        let url = try #require(ParsedURL("smtp://mail.example.org:587"))
        #expect((url.scheme, url.host, url.port, url.path) == ("smtp", "mail.example.org", 587, ""))
        #expect(!url.isImplicitTLS)
    }

    @Test func smtpsURLWithoutPort() throws {
        let url = try #require(ParsedURL("smtps://mail.example.org/"))
        #expect((url.scheme, url.port, url.path) == ("smtps", nil, ""))
        #expect(url.isImplicitTLS)
    }

    @Test func schemeIsReadWithoutRegardToCase() {
        #expect(ParsedURL("IMAPS://mail.example.org/INBOX")?.scheme == "imaps")
    }

    @Test func ipv6LiteralInBracketsIsTheHost() throws {
        let url = try #require(ParsedURL("imap://[::1]:1143/INBOX"))
        #expect(url.host == "::1")
        #expect(url.port == 1143)
        #expect(url.isLoopback)
        #expect(url.origin == "imap://[::1]:1143")
    }

    @Test func ipv6LiteralWithoutPort() {
        #expect(ParsedURL("smtps://[2001:db8::25]")?.host == "2001:db8::25")
        #expect(ParsedURL("smtps://[2001:db8::25]")?.port == nil)
    }

    @Test(arguments: ["imap://localhost:1143/INBOX", "smtp://127.0.0.1:2525", "smtp://127.1.2.3", "imap://[::1]/INBOX"])
    func loopbackHostsAreRecognised(text: String) {
        #expect(ParsedURL(text)?.isLoopback == true)
    }

    @Test(arguments: [
        "imap://mail.example.org/INBOX", "smtp://127.example.org:25", "smtp://127.0.0.1.evil.example",
        "imap://[::2]/INBOX", "smtp://10.0.0.1",
    ])
    func otherHostsAreNotLoopback(text: String) {
        #expect(ParsedURL(text)?.isLoopback == false)
    }

    @Test(arguments: [
        "http://mail.example.org/", "https://mail.example.org", "ftp://mail.example.org", "mail.example.org",
        "imaps:/mail.example.org", "",
    ])
    func otherSchemesAreRejected(text: String) {
        #expect(ParsedURL(text) == nil)
    }

    @Test(arguments: ["imaps://tc@mail.example.org/INBOX", "smtps://tc:secret@mail.example.org", "imap://@host"])
    func userInTheURLIsRejected(text: String) {
        #expect(ParsedURL(text) == nil)
    }

    @Test(arguments: [
        "imap://host:0", "imap://host:65536", "imap://host:abc", "imap://host:", "imap://:143", "imaps:///INBOX",
        "imap://[::1", "imap://[::1]x", "imap://[::1]:x", "imap://[]:143",
    ])
    func malformedAuthorityIsRejected(text: String) {
        #expect(ParsedURL(text) == nil)
    }
}
