import Configuration
import Testing

/// One rule for every address the service takes, from the configuration, reviewers.csv or a sender.
@Suite struct EmailAddressTests {
    @Test func aPlainMailboxIsAcceptedInASCIIAndInUTF8() {
        #expect(EmailAddress.isPlain("jane@ljmu.ac.uk"))
        #expect(EmailAddress.isPlain("josé@example.org"), "RFC 6531")
    }

    @Test func anythingThatCouldEndALineOrStartAnotherAddressIsRefused() {
        for address in [
            "jane@ljmu.ac.uk\r\nBcc: evil@x.org", "Jane <jane@ljmu.ac.uk>", "jane@ljmu.ac.uk, evil@x.org",
            "jane @ljmu.ac.uk", "jane@localhost", "@ljmu.ac.uk", "jane@ljmu.", "jane@@ljmu.ac.uk", "jane",
        ] {
            #expect(!EmailAddress.isPlain(address), "\(address.debugDescription)")
        }
    }
}
