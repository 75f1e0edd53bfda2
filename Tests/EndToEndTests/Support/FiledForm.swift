import Archive
import Foundation
import TestSupport
import Testing

extension ServiceFixture {
    /// A complete Initial form from Liverpool John Moores University.
    static let ljmuForm = PDFFixture.make(pages: FormFixture.initial(organisation: "Liverpool John Moores University"))

    /// A lab, a service with reviewers assigned on filing, and one LJMU form sent by Jane and filed.
    static func withFiledForm(
        messageID: String = "<\(UUID().uuidString)@ljmu.test>", sections: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (MailLab, ServiceFixture, SubmissionRecord) {
        let lab = try MailLab()
        let service = try ServiceFixture(lab: lab, review: ["auto-assign = yes"], sections: sections)
        try lab.send(TestMessage.submission(pdf: ljmuForm, messageID: messageID), from: "jane@ljmu.test")
        try lab.waitForInbox(count: 1)
        try service.runOnce(sourceLocation: sourceLocation)
        return (lab, service, try #require(try service.records().first, sourceLocation: sourceLocation))
    }

    /// One LJMU submission filed, then both assigned reviewers' filled forms taken in: the feedback draft is
    /// with the coordinators.
    static func reviewed(sections: String = "") throws -> (MailLab, ServiceFixture, SubmissionRecord) {
        let (lab, service, _) = try withFiledForm(messageID: "<original@ljmu.test>", sections: sections)
        for (reviewer, score) in [("ben@reviewers.test", 4), ("dan@reviewers.test", 3)] {
            let request = try #require(lab.waitForMessages(reviewer).first)
            let text = ReviewReply.filled(TestMessage.body(of: request), score: { _, _ in "\(score)" })
            try lab.send(ReviewReply.message(to: request, from: reviewer, text: text), from: reviewer)
            try lab.waitForInbox(count: 1)
            try service.runOnce()
        }
        return (lab, service, try #require(try service.records().first))
    }
}
