import Foundation
import MIME

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
        if candidates.isEmpty {
            // Inline images without a name (logos in signatures) are not attachments to a person.
            let named = attachments.filter { $0.fileName != nil }
            decision.quarantine = named.isEmpty ? .noAttachment : .notPDF(named.map { $0.fileName ?? $0.contentType })
            return decision
        }
        var refused: [(name: String, inspection: PDFInspection)] = []
        for part in candidates {
            let inspection = context.inspector.inspect(
                part.path, textOutput: part.path + ".txt", layoutOutput: part.path + ".layout.json")
            let name = part.fileName ?? "the attached PDF"
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
