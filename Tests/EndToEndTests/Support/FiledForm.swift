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
}
