import MIME
import Testing

@testable import Intake
@testable import Service

private let ownAddress = "tc@example.org"

/// An ordinary submission from an institution's lead, plus the extra headers a test adds.
private func message(from sender: String = "lead@ljmu.ac.uk", headers extra: [(String, String)] = []) -> ParsedMessage {
    var message = ParsedMessage()
    message.from = MailAddress(parsing: sender).map { [$0] } ?? []
    message.subject = "LJMU July 2024"
    message.headers =
        [
            Header(name: "Return-Path", value: "<\(sender)>"), Header(name: "From", value: sender),
            Header(name: "To", value: ownAddress), Header(name: "Subject", value: "LJMU July 2024"),
        ] + extra.map { Header(name: $0.0, value: $0.1) }
    return message
}

private func reason(_ message: ParsedMessage) -> String? {
    AutoReplyRules.reasonNotToReply(to: message, ownAddress: ownAddress)
}

@Suite struct AutoReplyRulesTests {
    @Test func ordinaryMessageMayBeAnswered() {
        #expect(reason(message()) == nil)
    }

    @Test(arguments: ["auto-replied", "auto-generated", "Auto-Replied", "auto-notified; owner-email=\"x@y\""])
    func autoSubmittedMessageIsNotAnswered(value: String) {
        #expect(reason(message(headers: [("Auto-Submitted", value)]))?.contains("Auto-Submitted") == true)
    }

    @Test(arguments: ["no", "No", " no ", "no; comment"])
    func autoSubmittedNoMayBeAnswered(value: String) {
        #expect(reason(message(headers: [("Auto-Submitted", value)])) == nil)
    }

    @Test(arguments: ["bulk", "junk", "list", "Bulk"])
    func bulkPrecedenceIsNotAnswered(value: String) {
        #expect(reason(message(headers: [("Precedence", value)]))?.contains("Precedence") == true)
    }

    @Test func otherPrecedenceMayBeAnswered() {
        #expect(reason(message(headers: [("Precedence", "first-class")])) == nil)
    }

    @Test(arguments: ["List-Id", "List-Unsubscribe", "list-post"])
    func mailingListMailIsNotAnswered(header: String) {
        #expect(reason(message(headers: [(header, "<tc-leads.lists.example.org>")]))?.contains("List-") == true)
    }

    @Test(arguments: ["<>", "< >", " <> "])
    func bounceWithEmptyReturnPathIsNotAnswered(value: String) {
        var bounce = message()
        bounce.headers[0] = Header(name: "Return-Path", value: value)
        #expect(reason(bounce)?.contains("Return-Path") == true)
    }

    @Test(arguments: [
        "MAILER-DAEMON@mx.ljmu.ac.uk", "postmaster@ljmu.ac.uk", "Postmaster@LJMU.ac.uk", "no-reply@ljmu.ac.uk",
        "noreply@ljmu.ac.uk", "owner-tc-leads@lists.example.org", "tc-leads-request@lists.example.org",
        "bounces+123@mail.example.org",
    ])
    func mailSystemSenderIsNotAnswered(sender: String) {
        #expect(reason(message(from: sender))?.contains("mail system") == true)
    }

    @Test func personWhoseNameMerelyContainsPostmasterMayBeAnswered() {
        #expect(reason(message(from: "postmasters-office-manager@ljmu.ac.uk")) == nil)
    }

    @Test(arguments: ["tc@example.org", "TC@Example.ORG", "Technician Commitment <Tc@EXAMPLE.org>"])
    func serviceNeverAnswersItsOwnAddress(sender: String) {
        #expect(reason(message(from: sender))?.contains("own address") == true)
    }

    @Test func messageWithoutFromIsNotAnswered() {
        var anonymous = message()
        anonymous.from = []
        #expect(reason(anonymous)?.contains("no From") == true)
    }

    @Test func eachRuleAloneDetectsItsCase() {
        #expect(AutoReplyRules.isAutoSubmitted(message(headers: [("Auto-Submitted", "auto-generated")])))
        #expect(!AutoReplyRules.isAutoSubmitted(message()))
        #expect(AutoReplyRules.isBulk(message(headers: [("Precedence", "junk")])))
        #expect(!AutoReplyRules.isBulk(message()))
        #expect(AutoReplyRules.isListMail(message(headers: [("List-Id", "x")])))
        #expect(!AutoReplyRules.isListMail(message()))
        var bounce = message()
        bounce.headers[0] = Header(name: "Return-Path", value: "<>")
        #expect(AutoReplyRules.hasEmptyReturnPath(bounce))
        #expect(!AutoReplyRules.hasEmptyReturnPath(message()))
        #expect(AutoReplyRules.isDaemon(MailAddress(address: "MAILER-DAEMON@x.org")))
        #expect(!AutoReplyRules.isDaemon(MailAddress(address: "lead@x.org")))
        #expect(AutoReplyRules.isOwnAddress(MailAddress(address: "TC@EXAMPLE.ORG"), ownAddress: ownAddress))
        #expect(!AutoReplyRules.isOwnAddress(MailAddress(address: "tc@example.org.evil"), ownAddress: ownAddress))
    }
}
