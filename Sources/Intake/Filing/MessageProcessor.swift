import Archive
import Configuration
import Foundation
import Hashing
import MIME
import Prescreen
import Service

/// Files one downloaded message: parses it, finds its PDFs, checks them, identifies the institution,
/// writes the submission (or quarantine) folder atomically, and queues the emails it calls for.
///
/// Idempotent: processing the same message again (a restart after a crash, a resend, a recreated
/// IMAP folder) finishes what was started and never files or confirms twice.
public struct MessageProcessor: Sendable {
    let context: IntakeContext

    public init(context: IntakeContext) { self.context = context }

    /// Processes the message at `fetched.path`; the file is moved into the archive or removed.
    public func process(_ fetched: FetchedMessage) throws -> ProcessingOutcome {
        let work = "\(context.layout.scratch)/\(UUID().uuidString)"
        try FileSystem.makeDirectory("\(work)/parts")
        defer { FileSystem.remove(work) }

        let hash = try SHA256.file(fetched.path).hex
        let parsed: ParsedMessage?
        do {
            parsed = try MessageParser.parse(file: fetched.path, extractingTo: "\(work)/parts")
        } catch {
            // Our own trouble (the disk) leaves the message in the inbox to try again; a message that is
            // not MIME at all is kept in quarantine, with the reason in the journal.
            if case .cannotWrite = error { throw error }
            parsed = nil
            context.log.record(
                "unparseable", "message of \(fetched.size) bytes could not be read as MIME: \(error)",
                detail: ["error": "\(error)"])
        }
        var key = parsed?.messageID.map { "message-id:\($0)" } ?? "sha256:\(hash)"
        // A different message that reuses an earlier one's Message-ID (some tools and forwarders do) is
        // a new message: a duplicate is the same Message-ID and the same content.
        if key.hasPrefix("message-id:"), let known = context.state.load(MessageState.self, kind: "messages", key: key),
            let body = MessageBody.hash(fetched.path), let earlier = filedBodyHash(known, key: key), earlier != body
        {
            context.log.record(
                "message-id-reused", reference: known.reference,
                "\(known.reference): another message reuses its Message-ID; it is handled as a new message",
                detail: ["messageKey": key])
            key += "#" + body.prefix(16)
        }

        if let parsed, let handled = try context.hooks.routeReply(parsed, fetched.path, key) {
            return handled
        }

        if let known = context.state.load(MessageState.self, kind: "messages", key: key) {
            // Completely handled before (its folder may since have been moved by a coordinator), or filed
            // just before a crash, with its emails still to queue.
            let record = committedRecord(known, key: key)
            if known.lettersQueued || record != nil {
                if !known.lettersQueued, let record {
                    try queueLetters(for: record, parsed: parsed ?? ParsedMessage(), key: key, state: known)
                }
                if let record, record.status == .filed {
                    try context.hooks.afterFiling(record, "\(context.layout.root)/\(known.folder)")
                }
                context.log.record(
                    "duplicate", reference: known.reference,
                    "\(known.reference): already filed; this copy of message \(key) is not filed again",
                    detail: ["messageKey": key])
                return .duplicate(reference: known.reference)
            }
        }

        let message = parsed ?? ParsedMessage()
        let received = receivedDate(message)
        let decision = decide(parsed: parsed, fetched: fetched)
        let sender = message.from.first
        let pdfNames = decision.pdfs.map { $0.part.fileName ?? "" }
        let identification = context.matcher.identify(
            fileNames: pdfNames, subject: message.subject, sender: sender?.address ?? "", received: received)

        let filer = SubmissionFiler(layout: context.layout)
        let earlier = context.state.load(MessageState.self, kind: "messages", key: key)
        let plan: SubmissionFiler.Plan
        if decision.quarantine != nil {
            plan = filer.planQuarantine(
                hash: hash, year: identification.year, month: identification.month, reusing: earlier, key: key)
        } else {
            plan = filer.planSubmission(identification: identification, hash: hash, reusing: earlier, key: key)
        }

        var files: [SubmissionFiler.Input] = [
            .init(
                source: fetched.path, name: fetched.headerOnly ? "headers.eml" : ArchiveLayout.messageFileName,
                originalName: nil, pages: nil, role: .message)
        ]
        for pdf in decision.pdfs where decision.quarantine == nil {
            files.append(
                .init(
                    source: pdf.part.path, name: nil, originalName: pdf.part.fileName,
                    pages: pdf.inspection.pages, role: .submission))
        }
        var prescreen: PrescreenReport?
        var notes = decision.notes
        if decision.quarantine == nil {
            switch try PrescreenStep.run(
                sources: decision.pdfs.map(\.source), institution: identification.institution,
                reference: plan.reference, directory: work, inspector: context.inspector)
            {
            case .screened(let report, let outputs):
                prescreen = report
                files += outputs.map {
                    .init(source: $0.path, name: $0.name, originalName: nil, pages: nil, role: $0.role)
                }
                files += try FollowThroughStep.run(
                    report: report, institution: identification.institution?.name, reference: plan.reference,
                    directory: work, layout: context.layout)
            case .unfinished(let why):
                notes.append("The pre-screen could not finish (\(why)); a coordinator will look at the PDF.")
            case .noText:
                break
            }
        }
        let intent = MessageState(
            reference: plan.reference, folder: plan.relativeFolder, lettersQueued: false,
            quarantine: decision.quarantine, notes: notes)
        try context.state.save(intent, kind: "messages", key: key)
        let record = SubmissionRecord(
            reference: plan.reference, version: plan.version, institution: identification.institution?.name,
            institutionShort: identification.institution?.short, identifiedBy: identification.source,
            year: identification.year, month: identification.month, periodFrom: identification.periodSource,
            senderName: sender?.name, senderAddress: sender?.address ?? "", subject: message.subject,
            messageID: message.messageID, messageKey: key, received: received,
            imapUIDValidity: fetched.uidValidity, imapUID: fetched.uid, files: [],
            status: decision.quarantine == nil ? .filed : .quarantined,
            reason: decision.quarantine?.summary, prescreen: prescreen?.worstLevel.rawValue,
            form: prescreen?.form.rawValue, stage: prescreen?.form.stage,
            notes: notes)
        let filed = try filer.commit(plan: plan, record: record, files: files, scratch: work)
        let outcome: ProcessingOutcome
        if let reason = decision.quarantine {
            context.log.record(
                "quarantined", reference: filed.reference,
                "\(filed.reference): kept in quarantine, \(reason.summary), from \(filed.senderAddress)",
                detail: ["reason": reason.summary, "sender": filed.senderAddress, "folder": plan.relativeFolder])
            outcome = .quarantined(reference: filed.reference, reason: reason.summary)
        } else {
            let pdfCount = filed.files.filter { $0.role == .submission }.count
            context.log.record(
                "filed", reference: filed.reference,
                "\(filed.reference): filed \(pdfCount) PDF\(pdfCount == 1 ? "" : "s") for \(filed.institution ?? "an unidentified institution") from \(filed.senderAddress)",
                detail: [
                    "institution": filed.institution ?? "", "identifiedBy": filed.identifiedBy,
                    "sender": filed.senderAddress, "folder": plan.relativeFolder,
                ])
            outcome = .filed(reference: filed.reference)
        }
        try queueLetters(for: filed, parsed: message, key: key, state: intent)
        if decision.quarantine == nil {
            try context.hooks.afterFiling(filed, "\(context.layout.root)/\(plan.relativeFolder)")
        }
        return outcome
    }

    /// The content hash of the message filed under `key`, from its `message.eml`; nil when it cannot be
    /// read (filed just before a crash, or only its headers were kept), so the copy is taken as the same.
    private func filedBodyHash(_ state: MessageState, key: String) -> String? {
        guard committedRecord(state, key: key) != nil else { return nil }
        return MessageBody.hash("\(context.layout.root)/\(state.folder)/\(ArchiveLayout.messageFileName)")
    }

    /// The record in the folder a state points at, when that folder was committed for this very message.
    private func committedRecord(_ state: MessageState, key: String) -> SubmissionRecord? {
        let path = "\(context.layout.root)/\(state.folder)/\(ArchiveLayout.recordFileName)"
        guard let record = try? SubmissionRecord.load(path), record.messageKey == key else { return nil }
        return record
    }

    /// When the message arrived: its Date header when that is plausible, otherwise now.
    private func receivedDate(_ message: ParsedMessage) -> Date {
        let now = context.clock()
        guard let date = message.date, date < now.addingTimeInterval(86_400),
            date > now.addingTimeInterval(-400 * 86_400)
        else { return now }
        return date
    }
}
