import MIME
import Testing

@Suite struct MailAddressTests {
    @Test func nameAndAddressAreParsedFromAngleBracketForm() {
        #expect(
            MailAddress(parsing: "\"Jones, Siân\" <sian@aber.ac.uk>")
                == MailAddress(name: "Jones, Siân", address: "sian@aber.ac.uk"))
    }

    @Test func bareAddressHasNoName() {
        #expect(MailAddress(parsing: "  lead@ljmu.ac.uk ") == MailAddress(address: "lead@ljmu.ac.uk"))
    }

    @Test(arguments: ["", "Tom Lead", "<>", "a b@ljmu.ac.uk", "Tom <no-at-sign>"])
    func textWithoutAUsableAddressIsRefused(text: String) {
        #expect(MailAddress(parsing: text) == nil)
    }

    @Test func emptyNameCountsAsNoName() {
        #expect(MailAddress(name: "", address: "x@y.org").name == nil)
        #expect(MailAddress(name: "", address: "x@y.org").description == "x@y.org")
    }

    @Test func domainAndLocalPartAreLowercased() {
        let address = MailAddress(address: "Tom.Lead@Staff.LJMU.ac.uk")
        #expect(address.domain == "staff.ljmu.ac.uk")
        #expect(address.localPart == "tom.lead")
    }

    @Test func descriptionShowsNameAndAddress() {
        #expect(MailAddress(name: "Tom Lead", address: "lead@ljmu.ac.uk").description == "Tom Lead <lead@ljmu.ac.uk>")
    }

    @Test func singleLineNameTurnsLineBreaksAndRunsOfSpaceIntoOneSpace() {
        let address = MailAddress(name: " Tom\r\nBcc: evil@x.example \t Lead ", address: "lead@ljmu.ac.uk")
        #expect(address.singleLineName == "Tom Bcc: evil@x.example Lead")
    }

    @Test func singleLineNameOfOnlyControlCharactersIsNil() {
        #expect(MailAddress(name: "\r\n\t", address: "lead@ljmu.ac.uk").singleLineName == nil)
        #expect(MailAddress(address: "lead@ljmu.ac.uk").singleLineName == nil)
    }
}
