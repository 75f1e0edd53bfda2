import Archive
import Foundation
import Intake
import POSIX
import TestSupport
import Testing

/// Peer review by email, through the real lab: assignment, requests, replies in real-world shapes, reminders.
@Suite(.serialized) struct ReviewTests {
    let form = ServiceFixture.ljmuForm

    /// A lab and a service with review on, and one LJMU submission filed and assigned.
    func assigned() throws -> (MailLab, ServiceFixture, SubmissionRecord) { try ServiceFixture.withFiledForm() }

    func assignments(_ service: ServiceFixture, _ record: SubmissionRecord) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(service.folder(of: record))/reviews/assignments.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    func storedReviews(_ service: ServiceFixture, _ record: SubmissionRecord) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(service.folder(of: record))/reviews")) ?? [])
            .filter { $0.hasPrefix("review-") && $0.hasSuffix(".json") }.sorted()
    }

    func reply(
        _ lab: MailLab, _ service: ServiceFixture, from: String, to request: String, text: String,
        quoting: ReviewReply.Quoting = .gmail, html: Bool = false, subject: String? = nil, headers: [String] = []
    ) throws {
        try lab.send(
            ReviewReply.message(
                to: request, from: from, text: text, quoting: quoting, html: html, subject: subject,
                extraHeaders: headers),
            from: from.split(separator: "<").last.map { String($0.dropLast($0.hasSuffix(">") ? 1 : 0)) } ?? from)
        try lab.waitForInbox(count: 1)
        try service.runOnce()
    }

    @Test func eligibleReviewersGetThePDFAndTheFormAndTheReasonIsRecorded() throws {
        let (lab, service, record) = try assigned()
        let assignments = try assignments(service, record)
        let reviewers = Set(assignments.compactMap { $0["reviewer"] as? String })
        // Ada is from LJMU, Cat declared a conflict with LJMU, Eve is inactive.
        #expect(reviewers == ["ben@reviewers.test", "dan@reviewers.test"])
        #expect(assignments.allSatisfy { !(($0["reason"] as? String) ?? "").isEmpty })
        for reviewer in reviewers {
            let request = try #require(lab.waitForMessages(reviewer).first)
            #expect(TestMessage.header("Subject", in: request)?.contains("[review:") == true)
            #expect(request.contains("Content-Type: application/pdf"))
            #expect(!ReviewReply.formLines(in: TestMessage.body(of: request)).isEmpty, "the form is in the body")
        }
        #expect(lab.messages(for: "ada@reviewers.test").isEmpty)
        #expect(lab.messages(for: "cat@reviewers.test").isEmpty)
    }

    @Test(arguments: [
        ("gmail", ReviewReply.Quoting.gmail, false), ("outlook", .outlook, false), ("html only", .gmail, true),
    ])
    func filledReplyIsStoredAndAcknowledged(_ shape: (String, ReviewReply.Quoting, Bool)) throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        let text =
            "Thanks, my review is below.\n\n"
            + ReviewReply.filled(TestMessage.body(of: request), score: { _, max in "\(max)/\(max)" })
        try reply(
            lab, service, from: "Ben Reviewer <ben@reviewers.test>", to: request, text: text, quoting: shape.1,
            html: shape.2)

        #expect(storedReviews(service, record).count == 1)
        let status = try assignments(service, record).first { $0["reviewer"] as? String == "ben@reviewers.test" }?[
            "status"]
        #expect(status as? String == "received")
        let ack = lab.waitForMessages("ben@reviewers.test", count: 2)
        #expect(ack.count == 2)
        #expect(ack.contains { TestMessage.header("Subject", in: $0)?.hasPrefix("Review received") == true })
    }

    @Test func replyFromAListedAliasIsAccepted() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        try reply(
            lab, service, from: "ben.home@reviewers.test", to: request,
            text: ReviewReply.filled(TestMessage.body(of: request)))
        #expect(storedReviews(service, record).count == 1)
    }

    @Test func strangerWithAValidTokenCannotPutScoresOnASubmission() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        try reply(
            lab, service, from: "mallory@elsewhere.test", to: request,
            text: ReviewReply.filled(TestMessage.body(of: request)))

        #expect(storedReviews(service, record).isEmpty)
        #expect(try assignments(service, record).allSatisfy { $0["status"] as? String == "open" })
        let notices = lab.waitForMessages("coordinator@lab.test")
        #expect(notices.contains { $0.contains("Review reply not applied") })
        #expect(service.sent(to: "mallory@elsewhere.test").isEmpty, "no answer to the stranger")
    }

    @Test func wrongTokenIsKeptAsideAndReported() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        let forged = TestMessage.body(of: request)
        try reply(
            lab, service, from: "ben@reviewers.test", to: request, text: ReviewReply.filled(forged),
            subject: "Re: Review request: \(record.reference) [review:AAAAAAAAAAAA]")
        // The In-Reply-To still names the real request, so the subject's token is the one that counts.
        #expect(storedReviews(service, record).isEmpty)
        #expect(lab.waitForMessages("coordinator@lab.test").contains { $0.contains("unknown token") })
    }

    @Test func outOfRangeScoreGetsACorrectionRequestAndNothingIsStoredThenACompleteReplyIs() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        let body = TestMessage.body(of: request)
        let firstLine = try #require(ReviewReply.formLines(in: body).first)
        try reply(
            lab, service, from: "dan@reviewers.test", to: request,
            text: ReviewReply.filled(body, score: { _, _ in "7" }))

        #expect(storedReviews(service, record).isEmpty)
        let correction = try #require(lab.waitForMessages("dan@reviewers.test", count: 2).last)
        #expect(TestMessage.header("Subject", in: correction)?.hasPrefix("Please check your review") == true)
        #expect(TestMessage.body(of: correction).contains(firstLine))

        // A partial reply: only the first line; then the whole form.
        try reply(lab, service, from: "dan@reviewers.test", to: request, text: "\(firstLine) 3")
        #expect(storedReviews(service, record).isEmpty)
        try reply(lab, service, from: "dan@reviewers.test", to: request, text: ReviewReply.filled(body))
        #expect(storedReviews(service, record).count == 1)
    }

    @Test func reviewTokensNeverReachTheLogTheJournalOrTheOutboxsFileNames() throws {
        let (lab, service, record) = try assigned()
        let tokens = try assignments(service, record).compactMap { $0["token"] as? String }
        #expect(tokens.count >= 2)
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        let body = TestMessage.body(of: request)
        var logs: [String] = []
        // A correction round, then a complete reply: request, correction and acknowledgement ids all logged.
        for text in [ReviewReply.filled(body, score: { _, _ in "7" }), ReviewReply.filled(body)] {
            try lab.send(
                ReviewReply.message(to: request, from: "dan@reviewers.test", text: text), from: "dan@reviewers.test")
            try lab.waitForInbox(count: 1)
            logs.append(try service.tcreview().stderr)
        }
        #expect(storedReviews(service, record).count == 1)
        let journal = try String(contentsOfFile: "\(service.archive)/journal.jsonl", encoding: .utf8)
        let outbox =
            (FileManager.default.enumerator(atPath: "\(service.archive)/_Outbox")?.allObjects as? [String]) ?? []
        for token in tokens {
            #expect(!journal.contains(token))
            #expect(!logs.joined().contains(token))
            #expect(!outbox.joined(separator: "\n").contains(token))
        }
    }

    @Test func aPDFNamingAnInstitutionFromOutsideItsDomainsWaitsForACoordinatorBeforeReview() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, review: ["auto-assign = yes"])
        try lab.send(
            TestMessage.submission(pdf: form, from: "Someone <someone@stranger.test>"), from: "someone@stranger.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        let record = try #require(try service.records().first)
        #expect(record.institution == "Liverpool John Moores University", "it is filed as usual")
        #expect(service.events("assignment-held").count == 1)
        let ids = service.events("queued").compactMap { $0.detail["id"] }
        #expect(!ids.contains { $0.contains("-review-") }, "no reviewer sees it yet: \(ids)")
        #expect(ids.contains("\(record.reference)-assignment-held"))

        // A coordinator who confirms it assigns reviewers by hand.
        _ = try service.tcreview(["assign", record.reference])
        let after = service.events("queued").compactMap { $0.detail["id"] }
        #expect(after.contains { $0.contains("-review-") })
    }

    @Test func aReviewThatDoesNotAnswerOurRequestIsKeptAsideNotApplied() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        let subject = try #require(TestMessage.header("Subject", in: request))
        // The assigned reviewer's From and the token in the subject, but no In-Reply-To or References.
        try lab.send(
            TestMessage.make(
                from: "dan@reviewers.test", subject: "Re: \(subject)",
                body: ReviewReply.filled(TestMessage.body(of: request))),
            from: "stranger@elsewhere.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()

        #expect(storedReviews(service, record).isEmpty)
        let ids = service.events("queued").compactMap { $0.detail["id"] }
        #expect(ids.contains { $0.hasPrefix("\(record.reference)-aside-") }, "the coordinators are told: \(ids)")
    }

    @Test func whereTheServerVouchesForSendersAReviewNeedsDKIMOrDMARCToPass() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, review: ["auto-assign = yes", "authserv-id = mx.lab.test"])
        try lab.send(TestMessage.submission(pdf: form), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let record = try #require(try service.records().first)
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        let text = ReviewReply.filled(TestMessage.body(of: request))

        // No result from our server (or a failing one): kept aside.
        try reply(
            lab, service, from: "dan@reviewers.test", to: request, text: text,
            headers: ["Authentication-Results: mx.lab.test; dkim=fail header.d=reviewers.test"])
        #expect(storedReviews(service, record).isEmpty)
        // Our server saw DKIM pass: applied.
        try reply(
            lab, service, from: "dan@reviewers.test", to: request, text: text,
            headers: ["Authentication-Results: mx.lab.test; dkim=pass header.d=reviewers.test; dmarc=pass"])
        #expect(storedReviews(service, record).count == 1)
    }

    @Test func anOutOfOfficeReplyWithoutHeadersIsKeptAndNeverAnswered() throws {
        let (lab, service, _) = try assigned()
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        try reply(
            lab, service, from: "dan@reviewers.test", to: request,
            text: "Thank you for your email. I am out of the office until 3 March, with limited access to email.")

        #expect(service.events("auto-reply-ignored").count == 1)
        let ids = service.events("queued").compactMap { $0.detail["id"] }
        #expect(!ids.contains { $0.contains("-fix-") }, "no correction request to an out-of-office: \(ids)")
    }

    @Test func aResponderThatAnswersEveryEmailGetsAtMostThreeCorrectionsAndTheCoordinatorsAreToldOnce() throws {
        let (lab, service, _) = try assigned()
        let request = try #require(lab.waitForMessages("dan@reviewers.test").first)
        for _ in 0..<5 {
            try reply(lab, service, from: "dan@reviewers.test", to: request, text: "Received, thank you.")
        }

        let ids = service.events("queued").compactMap { $0.detail["id"] }
        #expect(ids.filter { $0.contains("-fix-") }.count == 3, "\(ids)")
        #expect(ids.filter { $0.contains("corrections-exhausted") }.count == 1)
    }

    @Test func resentReplyIsStoredAndAcknowledgedOnce() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        let reply = ReviewReply.message(
            to: request, from: "ben@reviewers.test", text: ReviewReply.filled(TestMessage.body(of: request)))
        for _ in 0..<2 {
            try lab.send(reply, from: "ben@reviewers.test")
            try lab.waitForInbox(count: 1)
            try service.runOnce()
        }
        #expect(storedReviews(service, record).count == 1)
        #expect(service.sent(to: "ben@reviewers.test").count == 2, "the request and one acknowledgement")
    }

    @Test func laterValidReplySupersedesTheEarlierAndBothAreKept() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        let body = TestMessage.body(of: request)
        try reply(
            lab, service, from: "ben@reviewers.test", to: request,
            text: ReviewReply.filled(body, score: { min, _ in "\(min)" }))
        try reply(lab, service, from: "ben@reviewers.test", to: request, text: ReviewReply.filled(body))
        let reviews = storedReviews(service, record)
        #expect(reviews.count == 2)
        let second = try String(contentsOfFile: "\(service.folder(of: record))/reviews/\(reviews[1])", encoding: .utf8)
        #expect(second.contains("supersedes"))
    }

    @Test func anOlderCopyArrivingLateNeverReplacesTheNewerReview() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        let body = TestMessage.body(of: request)
        func rfc2822(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
            return formatter.string(from: date)
        }
        // The newer review (written an hour ago) arrives first; an older copy (written three hours ago) later.
        for (hoursAgo, score) in [(1, { (_: Int, max: Int) in "\(max)" }), (3, { (min: Int, _: Int) in "\(min)" })] {
            try lab.send(
                ReviewReply.message(
                    to: request, from: "ben@reviewers.test", text: ReviewReply.filled(body, score: score),
                    date: rfc2822(Date().addingTimeInterval(-3600 * Double(hoursAgo)))),
                from: "ben@reviewers.test")
            try lab.waitForInbox(count: 1)
            try service.runOnce()
        }

        let reviews = storedReviews(service, record)
        #expect(reviews.count == 2, "both are kept")
        let late = try String(contentsOfFile: "\(service.folder(of: record))/reviews/\(reviews[1])", encoding: .utf8)
        #expect(!late.contains("supersedes"), "the older copy does not replace the newer review")
    }

    @Test func outOfOfficeReplyIsNeverAnswered() throws {
        let (lab, service, record) = try assigned()
        let request = try #require(lab.waitForMessages("ben@reviewers.test").first)
        try reply(
            lab, service, from: "ben@reviewers.test", to: request, text: "I am away until 20 July.",
            subject: "Automatic reply: Review request", headers: ["Auto-Submitted: auto-replied"])
        #expect(service.sent(to: "ben@reviewers.test").count == 1, "only the request")
        #expect(storedReviews(service, record).isEmpty)
        #expect(service.events("auto-reply-ignored").count == 1)
    }

    @Test func remindersOverASimulatedMonthGoOutOnceEachAndCoordinatorsAreToldOnce() throws {
        let (lab, service, record) = try assigned()
        // The month runs from when the reviews were assigned, as the archive says, not from the test's clock.
        let stamp = try #require(try assignments(service, record).first?["assigned"] as? String)
        let start = try Date(stamp, strategy: .iso8601)
        for day in 1...30 {
            let now = start.addingTimeInterval(TimeInterval(day) * 86_400)
            let result = try service.tcreview(["remind", "--now", now.formatted(.iso8601)])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let subjects = service.sent(to: "ben@reviewers.test").compactMap { TestMessage.header("Subject", in: $0) }
        #expect(subjects.filter { $0.hasPrefix("Reminder") }.count == 1)
        #expect(subjects.filter { $0.hasPrefix("Overdue") }.count == 1)
        let notices = service.sent(to: "coordinator@lab.test")
        #expect(notices.filter { $0.contains("Review overdue") }.count == 2, "once for each of the two reviewers")
        #expect(lab.waitForMessages("ben@reviewers.test", count: 3).count == 3, "and they arrive")
    }

    @Test func reassignMovesTheReviewAndTellsBothReviewers() throws {
        let (lab, service, record) = try assigned()
        let refused = try service.tcreview(["reassign", record.reference, "ben@reviewers.test", "ada@reviewers.test"])
        #expect(refused.status == 1, "Ada is from the submitting institution")
        let moved = try service.tcreview(["reassign", record.reference, "ben@reviewers.test", "fay@reviewers.test"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(service.sent(to: "fay@reviewers.test").count == 1)
        #expect(
            lab.waitForMessages("ben@reviewers.test", count: 2).contains {
                TestMessage.header("Subject", in: $0)?.hasPrefix("No longer needed") == true
            })
        let listing = try service.tcreview(["reviewers"])
        #expect(listing.stdout.contains("fay@reviewers.test"))
    }

    @Test func unidentifiedSubmissionWaitsForACoordinatorThenIsAssignedAfterItIsMoved() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, review: ["auto-assign = yes"])
        try lab.send(
            TestMessage.submission(fileName: "Self assessment July 2024.pdf", pdf: form, from: "x@elsewhere.test"),
            from: "x@elsewhere.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let record = try #require(try service.records().first)
        #expect(!FileManager.default.fileExists(atPath: "\(service.folder(of: record))/reviews/assignments.json"))
        #expect(try service.tcreview(["assign", record.reference]).status == 1, "not while unidentified")

        let destination = "\(service.archive)/University of Testshire/2024/07-July"
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: service.folder(of: record), toPath: "\(destination)/\(record.reference)")
        let assigned = try service.tcreview(["assign", record.reference])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        let moved = try #require(try service.records().first)
        #expect(moved.institutionShort == "UOT")
        #expect(moved.identifiedBy == "coordinator")
        let reviewers = try assignments(service, moved).compactMap { $0["reviewer"] as? String }
        #expect(reviewers.count == 2)
        #expect(!reviewers.contains("cat@reviewers.test"), "Cat is from UOT")
    }

    @Test func coordinatorCommandsWorkWhileTheServiceRuns() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        let serving = try service.startServing()
        defer { _ = serving.stop(SIGTERM) }
        try lab.send(TestMessage.submission(pdf: form), from: "jane@ljmu.test")
        let deadline = Date().addingTimeInterval(20)
        while service.events("filed").isEmpty, Date() < deadline { usleep(20_000) }
        let record = try #require(try service.records().first)

        let assigned = try service.tcreview(["assign", record.reference])
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(service.sent(to: "ben@reviewers.test").count == 1)
        #expect(try service.tcreview(["reviewers"]).stdout.contains("1/5"))
    }

    @Test func aCommandWaitsForTheArchiveWhileACycleChangesItThenRuns() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab)
        try lab.send(TestMessage.submission(pdf: form), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce()
        let record = try #require(try service.records().first)

        // This test holds the write lock as a cycle in progress would.
        var cycle: ArchiveLock? = try ArchiveLock.writing(archive: service.archive)
        let command = try #require(
            ChildProcess.start(
                ServiceFixture.executable, arguments: ["--config", service.configPath, "assign", record.reference]))
        let deadline = Date().addingTimeInterval(20)
        while !service.waitingForLock(".write-lock").contains(command), Date() < deadline { usleep(5_000) }
        #expect(service.waitingForLock(".write-lock").contains(command), "the command waits for the cycle")
        #expect(service.events("assigned").isEmpty, "and has changed nothing")
        cycle = nil
        #expect(ChildProcess.wait(command) == .exited(0))
        #expect(try assignments(service, record).count == 2, "then it runs")
        withExtendedLifetime(cycle) {}
    }

    @Test func loadIsSpreadEvenlyOverManySubmissions() throws {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, service: ["replies-per-hour = 100"], review: ["auto-assign = yes"])
        for index in 0..<6 {
            try lab.send(
                TestMessage.submission(
                    fileName: "University of Testshire July 2024.pdf", pdf: form, from: "sam\(index)@testshire.test"),
                from: "sam\(index)@testshire.test")
        }
        try lab.waitForInbox(count: 6)
        try service.runOnce()
        var counts: [String: Int] = [:]
        for record in try service.records() {
            for assignment in try assignments(service, record) {
                counts[assignment["reviewer"] as? String ?? "", default: 0] += 1
            }
        }
        // UOT's own reviewer (Cat) and the inactive one (Eve) get none; the other four share 12 reviews.
        #expect(counts["cat@reviewers.test"] == nil && counts["eve@reviewers.test"] == nil)
        #expect(counts.values.sorted() == [3, 3, 3, 3])
    }
}
