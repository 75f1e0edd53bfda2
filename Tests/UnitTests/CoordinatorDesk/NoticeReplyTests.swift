import Archive
import Foundation
import MIME
import Service
import TestSupport
import Testing

@testable import CoordinatorDesk

/// The token a notice carries, the replies it lists, and how a coordinator's reply is read.
@Suite struct NoticeReplyTests {
    let directory = TemporaryDirectory()
    let from = MailAddress(name: "Technician Commitment", address: "tc@lab.test")

    func letters(_ key: NoticeKey?) -> Letters { Letters(from: from, now: Date(), noticeKey: key) }

    @Test func aNoticesTokenIsFixedByReferenceAndKindAndOnlyTheKeyMakesIt() throws {
        let key = NoticeKey(archive: directory.path)
        let token = try #require(key.token(reference: "TC-2024-07-LJMU", kind: "feedback-draft.1"))
        #expect(
            NoticeKey(archive: directory.path).token(reference: "TC-2024-07-LJMU", kind: "feedback-draft.1") == token)
        #expect(key.token(reference: "TC-2024-07-ABER", kind: "feedback-draft.1") != token)
        #expect(key.token(reference: "TC-2024-07-LJMU", kind: "unidentified") != token)
        #expect(key.verifies(token, reference: "TC-2024-07-LJMU", kind: "feedback-draft.1"))
        #expect(!key.verifies(token, reference: "TC-2024-07-LJMU", kind: "unidentified"), "not for another notice")
        let other = TemporaryDirectory()
        #expect(!NoticeKey(archive: other.path).verifies(token, reference: "TC-2024-07-LJMU", kind: "feedback-draft.1"))
        let mode = try FileManager.default.attributesOfItem(atPath: "\(directory.path)/_State/notice-key")[
            .posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600, "the key is the service's secret")
    }

    @Test func aNoticeNamesItsTokenInItsMessageIDAndListsItsReplies() throws {
        let key = NoticeKey(archive: directory.path)
        let notice = letters(key).coordinatorNotice(
            reference: "TC-2024-07-UNIDENTIFIED-1A2B3C", kind: "unidentified",
            subject: "Filed, institution not recognised",
            facts: [("Reference", "TC-2024-07-UNIDENTIFIED-1A2B3C")], action: "Say whose it is.",
            to: [MailAddress(address: "coordinator@lab.test")])
        let found = try #require(Letters.notice(in: "<\(notice.messageID)>", domain: "lab.test"))
        #expect(found.reference == "TC-2024-07-UNIDENTIFIED-1A2B3C" && found.kind == "unidentified")
        #expect(key.verifies(found.token, reference: found.reference, kind: found.kind))
        #expect(notice.body.contains("What you can reply") && notice.body.contains("assign ABER"))
        #expect(Letters.notice(in: "<\(notice.messageID)>", domain: "elsewhere.test") == nil, "only our own")
        #expect(Letters.isOwnMessageID(notice.messageID, domain: "lab.test"))
    }

    @Test func withoutAKeyANoticeTakesNoReplies() {
        let notice = letters(nil).coordinatorNotice(
            reference: "TC-2024-07-LJMU", kind: "feedback-draft.1", subject: "Feedback ready to send", facts: [],
            action: "All reviews are in.", to: [])
        #expect(!notice.body.contains("What you can reply"))
        #expect(Letters.notice(in: notice.messageID, domain: "lab.test") == nil)
    }

    @Test(arguments: [
        ("feedback-draft.1717236000", ["send", "status"]), ("unidentified", ["assign", "status"]),
        ("assignment-held", ["assign", "status"]), ("reviewers-short.1", ["assign", "status"]),
        ("overdue.0a1b2c3d4e5f", ["remind", "reassign", "status"]), ("aside-0a1b2c3d4e", ["release", "status"]),
        ("coordinators", ["status"]), ("withdrawn-0a1b2c3d4e", ["status"]), ("command-ack.0a1b2c3d4e", []),
        ("command-refused", []), ("send-rejected", []), ("fetch-failed", []),
    ])
    func eachKindOfNoticeTakesItsReplies(kind: String, commands: [String]) {
        #expect(NoticeReplies.replies(forKind: kind).map(\.command.rawValue) == commands)
    }

    @Test func theCommandIsTheFirstLineOfTheCoordinatorsOwnText() throws {
        let send = try #require(
            ReplyCommand(text: "\n  Send.  \n\nThanks,\nAnn\n\nOn Mon, 1 Jul 2024 at 10:00, TC wrote:\n> send"))
        #expect(send.command == .send && send.argument.isEmpty && send.line == "Send.")
        let assign = try #require(ReplyCommand(text: "assign Aberystwyth University.\n"))
        #expect(assign.command == .assign && assign.argument == "Aberystwyth University")
        #expect(ReplyCommand(text: "   \n\n") == nil)
        #expect(ReplyCommand(text: "approve")?.command == nil)
        #expect(ReplyCommand(text: "send\u{202E}evil\nsecond")?.line == "send<U+202E>evil", "shown safely, one line")
    }

    @Test func aReplyWithOnlyQuotedTextOrOnlyHTMLIsReadAsAPersonWrote() throws {
        var quotedOnly = ParsedMessage()
        quotedOnly.plainText = "On Mon, 1 Jul 2024 at 10:00, TC <tc@lab.test> wrote:\n> send\n"
        #expect(ReplyCommand(quotedOnly) == nil, "a quoted word is not a command")
        var html = ParsedMessage()
        html.htmlText = "<html><body><div>remind</div><blockquote>send</blockquote></body></html>"
        #expect(ReplyCommand(html)?.command == .remind)
    }
}

/// A question is not a command, and the notice key is never replaced.
@Suite struct CommandSafetyTests {
    @Test func aQuestionIsNotACommand() {
        #expect(ReplyCommand(text: "Send?")?.command == nil)
        #expect(ReplyCommand(text: "Send? No, hold it")?.command == nil)
        #expect(ReplyCommand(text: "send after Friday")?.argument == "after Friday")
        #expect(ReplyCommand(text: "send!")?.command == .send && ReplyCommand(text: "send!")?.argument == "")
    }

    @Test func aKeyThatCannotBeReadIsNotReplaced() throws {
        let directory = TemporaryDirectory()
        _ = try directory.write("not a key\n", to: "_State/notice-key")
        let key = NoticeKey(archive: directory.path)
        #expect(key.token(reference: "TC-2024-07-LJMU", kind: "feedback-draft.1") == nil, "no tokens from a bad key")
        #expect(try String(contentsOfFile: directory.file("_State/notice-key"), encoding: .utf8) == "not a key\n")
    }
}
