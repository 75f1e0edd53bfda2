import Foundation
import MIME
import Service

/// Which parts of a message are the submission, what the PDF reader found in each, and whether the
/// message must go to quarantine instead.
struct IntakeDecision {
    struct PDF {
        var part: MessagePart
        var inspection: PDFInspection
        /// Where the extraction child wrote the PDF's text, pages separated by form feeds.
        var textPath: String { part.path + ".txt" }
        /// Where it wrote the PDF's layout (`layout.json`).
        var layoutPath: String { part.path + ".layout.json" }
        /// What the pre-screen reads of it.
        var source: PrescreenStep.Source {
            .init(pages: inspection.pages, textPath: textPath, layoutPath: layoutPath)
        }
    }

    /// The PDFs to file (readable ones, and ones the reader could not finish).
    var pdfs: [PDF] = []
    var quarantine: QuarantineReason?
    /// Remarks for the sender's confirmation and the coordinators.
    var notes: [String] = []
}

extension MessageProcessor {
    /// The time one email's PDFs may take together: three PDFs' worth of `pdf-timeout`.
    static func pdfBudget(timeout: TimeInterval) -> TimeInterval { 3 * timeout }

    /// Whether a part is a PDF: by type, by name, or by content for `application/octet-stream`.
    static func isPDF(_ part: MessagePart) -> Bool {
        if part.contentType == "application/pdf" || part.contentType == "application/x-pdf" { return true }
        if part.fileName?.lowercased().hasSuffix(".pdf") == true { return true }
        return part.hasPDFSignature
            && ["application/octet-stream", "application/binary", "application/download"].contains(part.contentType)
    }

    func decide(parsed: ParsedMessage?, fetched: FetchedMessage) -> IntakeDecision {
        var decision = IntakeDecision()
        if fetched.headerOnly {
            decision.quarantine = .tooLarge(size: fetched.size, limit: context.settings.maxMessageSize)
            return decision
        }
        let attachments = parsed?.attachments ?? []
        let candidates = attachments.filter(Self.isPDF)
        if candidates.isEmpty, let parsed,
            AutoReplyRules.answersOwnEmail(parsed, ownAddress: context.serviceAddress.address)
        {
            // Someone answering one of our emails ("If you think this is a mistake, just reply"): a person
            // reads it; the rejection is never sent again.
            decision.quarantine = .conversation
            return decision
        }
        if candidates.isEmpty, parsed?.nestedTooDeep == true {
            // The truth, not "no attachment": there may well be a PDF, too deep to open.
            decision.quarantine = .nestedTooDeep
            return decision
        }
        if candidates.isEmpty {
            // Inline images without a name (logos in signatures) are not attachments to a person.
            let named = attachments.filter { $0.fileName != nil }
            decision.quarantine = named.isEmpty ? .noAttachment : .notPDF(named.map { $0.fileName ?? $0.contentType })
            return decision
        }
        var refused: [(name: String, inspection: PDFInspection)] = []
        // One email's PDFs share a time budget: twelve crafted PDFs must not hold the service for twelve
        // timeouts. What is left when it runs out is filed unchecked, and a coordinator looks.
        let budget = Self.pdfBudget(timeout: context.inspector.timeout)
        let started = Date()
        var unchecked: [String] = []
        for part in candidates {
            let name = part.fileName ?? "the attached PDF"
            if Date().timeIntervalSince(started) >= budget {
                decision.pdfs.append(
                    .init(part: part, inspection: .killed("not checked: the email's time for PDFs ran out")))
                unchecked.append(name)
                continue
            }
            let inspection = context.inspector.inspect(
                part.path, textOutput: part.path + ".txt", layoutOutput: part.path + ".layout.json")
            switch inspection {
            case .readable(let summary):
                decision.pdfs.append(.init(part: part, inspection: inspection))
                if let unread = summary.unreadPages, let first = unread.first, let last = unread.last {
                    let pages = first == last ? "page \(first)" : "pages \(first)–\(last)"
                    decision.notes.append(
                        "\(name): \(pages) hold far more text than a form does and were not checked; a coordinator will look at it."
                    )
                }
            case .killed(let why):
                decision.pdfs.append(.init(part: part, inspection: inspection))
                decision.notes.append("\(name) could not be fully checked (\(why)); a coordinator will look at it.")
            case .encrypted, .unreadable:
                refused.append((name, inspection))
            }
        }
        if !unchecked.isEmpty {
            decision.notes.append(
                "\(unchecked.joined(separator: ", ")) \(unchecked.count == 1 ? "was" : "were") filed without being checked (the email holds more PDFs than can be read in the time allowed); a coordinator will look."
            )
        }
        if decision.pdfs.isEmpty {
            let names = refused.map(\.name)
            decision.quarantine =
                refused.allSatisfy { $0.inspection == .encrypted } ? .encrypted(names) : .unreadable(names)
            decision.notes = []
            return decision
        }
        for (name, inspection) in refused {
            let why = inspection == .encrypted ? "is protected by a password" : "could not be opened"
            decision.notes.append("\(name) \(why), so it was not filed; please send it again if it is needed.")
        }
        return decision
    }
}
