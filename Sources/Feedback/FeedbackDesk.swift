import Archive
import Configuration
import Foundation
import MIME
import Review
import Service

/// The feedback stage: when every review of a submission is in, compiles the anonymised feedback, sends
/// the draft to the coordinators (or straight to the institution, with `[feedback] auto-send`), and sends
/// it when a coordinator says so. A peer of the review desk, which tells it when a review was stored.
public struct FeedbackDesk: Sendable {
    let context: ServiceContext
    let rubrics: [Int: Rubric]

    public init(context: ServiceContext) {
        self.context = context
        self.rubrics = RubricLibrary.load(folder: context.settings.rubricsFolder).0
    }

    /// What the review desk calls when it has stored a review (`ReviewDesk.afterReview`).
    public var afterReview: @Sendable (SubmissionRecord, String) throws -> Void {
        let desk = self
        return { record, folder in _ = try desk.compileIfComplete(record: record, folder: folder) }
    }

    public enum FeedbackError: Error, CustomStringConvertible {
        case notReady(reference: String, received: Int, assigned: Int)
        case alreadySent(reference: String, on: Date)
        case noRecipient(reference: String)
        case unknownReference(String)

        public var description: String {
            switch self {
            case .notReady(let reference, let received, let assigned):
                return "\(reference) has no feedback yet: \(received) of \(assigned) reviews are in"
            case .alreadySent(let reference, let date):
                return
                    "the feedback on \(reference) was sent on \(date.formatted(date: .long, time: .shortened)); use --again to send it once more"
            case .noRecipient(let reference):
                return "\(reference) has no usable address for the institution's lead or the sender"
            case .unknownReference(let reference):
                return "no submission \(reference) in the archive; 'tcreview status --all' lists them"
            }
        }
    }

    public func feedbackState(folder: String) -> FeedbackState? { FeedbackState.load(folder: folder) }

    private func saveFeedbackState(_ state: FeedbackState, folder: String) throws { try state.save(folder: folder) }

    /// When every current review is in, compiles the feedback into `feedback.txt` and `feedback.pdf`, then
    /// emails the draft to the coordinators (or sends it, with `[feedback] auto-send`). A draft is compiled
    /// again when a later review supersedes one; sent feedback is never changed.
    @discardableResult
    public func compileIfComplete(record: SubmissionRecord, folder: String) throws -> Bool {
        let active = ReviewFiles.assignments(in: folder).filter { $0.status != .withdrawn }
        guard !active.isEmpty, active.allSatisfy({ $0.status == .received }),
            let rubric = RubricLibrary.rubric(forStage: record.stage, in: rubrics)
        else {
            return false
        }
        if feedbackState(folder: folder)?.state == .sent { return false }
        let now = context.clock()
        let document = FeedbackCompiler.compile(
            reference: record.reference, institution: record.institution ?? "your institution", rubric: rubric,
            reviews: ReviewFiles.currentReviews(in: folder), compiled: now)
        try FileSystem.writeAtomically(Data(document.renderText().utf8), to: "\(folder)/feedback.txt")
        try FileSystem.makeDirectory(context.layout.scratch)
        let staged = "\(context.layout.scratch)/feedback-\(UUID().uuidString).pdf"
        try document.writePDF(to: staged)
        try FileSystem.syncFile(staged)
        try FileSystem.rename(staged, to: "\(folder)/feedback.pdf")
        try saveFeedbackState(FeedbackState(state: .draft, compiled: now, sent: nil, timesSent: 0), folder: folder)
        context.log.record(
            "feedback-compiled", reference: record.reference,
            "\(record.reference): feedback compiled from \(active.count) reviews")
        if context.settings.autoSendFeedback {
            try send(record: record, folder: folder, again: false)
        } else {
            let notice = context.letters(now: now).coordinatorNotice(
                reference: record.reference, kind: "feedback-draft.\(Int(now.timeIntervalSince1970))",
                subject: "Feedback ready to send",
                facts: [
                    ("Reference", record.reference), ("Institution", record.institution ?? "not recognised"),
                    ("Reviews", "\(active.count)"),
                ],
                action:
                    "All reviews of \(record.reference) are in. The draft feedback is below and attached as a PDF; nothing goes to the institution until a coordinator sends it (reply send, or on the server: tcreview feedback send \(record.reference)).",
                to: context.coordinators, appendix: document.renderText(),
                attachments: [.init(path: "\(folder)/feedback.pdf", fileName: "\(record.reference) feedback.pdf")])
            try context.enqueue(
                notice, id: "\(record.reference)-feedback-draft-\(Int(now.timeIntervalSince1970))",
                reference: record.reference)
        }
        return true
    }

    /// Sends the compiled feedback to the institution's lead and the original sender, in the original
    /// thread. Once only, unless `again`. Returns whom it went to.
    @discardableResult
    public func send(reference: String, again: Bool) throws -> [MailAddress] {
        guard let folder = context.layout.submissionFolder(reference: reference),
            let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)")
        else { throw FeedbackError.unknownReference(reference) }
        return try send(record: record, folder: folder, again: again)
    }

    @discardableResult
    func send(record: SubmissionRecord, folder: String, again: Bool) throws -> [MailAddress] {
        guard var state = feedbackState(folder: folder) else {
            let active = ReviewFiles.assignments(in: folder).filter { $0.status != .withdrawn }
            throw FeedbackError.notReady(
                reference: record.reference, received: active.filter { $0.status == .received }.count,
                assigned: active.count)
        }
        if state.state == .sent, !again, let sent = state.sent {
            throw FeedbackError.alreadySent(reference: record.reference, on: sent)
        }
        let lead = context.settings.institutions.first { $0.name == record.institution }?.lead
        var recipients: [MailAddress] = []
        for address in [lead, record.senderAddress].compactMap({ $0 })
        where EmailAddress.isPlain(address) {
            if !recipients.contains(where: { $0.address.lowercased() == address.lowercased() }) {
                recipients.append(
                    MailAddress(name: address == record.senderAddress ? record.senderName : nil, address: address))
            }
        }
        guard !recipients.isEmpty else { throw FeedbackError.noRecipient(reference: record.reference) }
        let times = (state.timesSent ?? 0) + 1
        let thread = record.messageID.flatMap { MessageComposer.isSafeToken($0) ? $0 : nil }
        let text = FileSystem.read("\(folder)/feedback.txt").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let message = OutgoingMessage(
            from: context.serviceAddress, to: recipients,
            subject: "Feedback on your Technician Commitment self-assessment [\(record.reference)]",
            messageID: context.letters().messageID(
                record.reference, "feedback.\(times)"), date: context.clock(),
            inReplyTo: thread, references: [thread].compactMap { $0 }, autoSubmitted: "auto-generated",
            body: Letters.wrapped(text),
            attachments: [.init(path: "\(folder)/feedback.pdf", fileName: "\(record.reference) feedback.pdf")])
        try context.enqueue(message, id: "\(record.reference)-feedback-\(times)", reference: record.reference)
        state.state = .sent
        state.sent = context.clock()
        state.timesSent = times
        try saveFeedbackState(state, folder: folder)
        context.log.record(
            "feedback-sent", reference: record.reference,
            "\(record.reference): feedback sent to \(recipients.map(\.address).joined(separator: ", "))")
        return recipients
    }
}
