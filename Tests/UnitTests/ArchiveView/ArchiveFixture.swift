import Archive
import Foundation
import Hashing
import Review
import TestSupport

/// A small archive in a temporary folder, written with the service's own types.
final class ArchiveFixture {
    let directory = TemporaryDirectory(prefix: "archiveview")
    var root: String { directory.path }

    /// Files a submission and returns its folder: `message.eml`, the PDF and (unless `prescreenText` is nil)
    /// `prescreen.txt`, all listed with their real sizes and checksums in `submission.json`.
    @discardableResult
    func submission(
        _ reference: String, institution: String?, short: String? = nil, year: Int, month: Int,
        received: Date? = nil, prescreen: String? = "ok", form: String? = "Initial (Stage 1)",
        pdf: String = "self-assessment.pdf", prescreenText: String? = "Form: Initial (Stage 1)\nVerdict: ok\n",
        notes: [String] = [], quarantined: Bool = false
    ) throws -> String {
        let layout = ArchiveLayout(root: root)
        let month = month
        let folder =
            quarantined
            ? layout.quarantineFolder(year: year, month: month) + "/\(reference)"
            : layout.monthFolder(institution: institution, year: year, month: month) + "/\(reference)"
        try FileSystem.makeDirectory(folder)
        var contents: [(String, Data, String)] = [
            ("message.eml", Data("Subject: self-assessment \(reference)\r\n\r\nattached\r\n".utf8), "message")
        ]
        if !quarantined { contents.append((pdf, Data("%PDF-1.4 \(reference)\n%%EOF\n".utf8), "submission")) }
        if let prescreenText { contents.append(("prescreen.txt", Data(prescreenText.utf8), "prescreen")) }
        var files: [SubmissionRecord.File] = []
        for (name, data, role) in contents {
            try FileSystem.writeAtomically(data, to: "\(folder)/\(name)")
            files.append(
                .init(
                    name: name, originalName: nil, size: data.count, sha256: SHA256.hex(of: data),
                    pages: role == "submission" ? 6 : nil, role: .init(rawValue: role)))
        }
        let record = SubmissionRecord(
            reference: reference, version: 1, institution: institution, institutionShort: short,
            identifiedBy: institution == nil ? "nothing" : "file name", year: year, month: month,
            periodFrom: "title", senderName: "Jo Lead", senderAddress: "jo@lead.ac.uk",
            subject: "Self-assessment \(reference)", messageID: "<\(reference)@lead.ac.uk>",
            messageKey: "<\(reference)@lead.ac.uk>",
            received: received ?? date(String(format: "%04d-%02d-15T10:30:00Z", year, month)), imapUIDValidity: 1,
            imapUID: 7, files: files, status: quarantined ? "quarantined" : "filed",
            reason: quarantined ? "no PDF" : nil, prescreen: prescreen, form: form, notes: notes)
        try FileSystem.writeAtomically(try record.encoded(), to: "\(folder)/\(ArchiveLayout.recordFileName)")
        return folder
    }

    /// Writes `reviews/assignments.json` as the service does.
    func assign(_ folder: String, _ assignments: [(reviewer: String, due: Date, status: AssignmentStatus)]) throws {
        let reference = (folder as NSString).lastPathComponent
        let records = assignments.map {
            AssignmentRecord(
                reference: reference, reviewer: $0.reviewer, reviewerName: "Name of \($0.reviewer)",
                assigned: $0.due.addingTimeInterval(-21 * 86_400), due: $0.due, status: $0.status,
                reason: "a peer from another institution")
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileSystem.makeDirectory("\(folder)/reviews")
        try FileSystem.writeAtomically(try encoder.encode(records), to: "\(folder)/reviews/assignments.json")
    }

    /// A stored review's readable copy (and its JSON, which the views ignore).
    func review(_ folder: String, reviewer: String, number: Int = 1) throws {
        let stem = "review-\(reviewer.replacingOccurrences(of: "@", with: "-at-"))-\(number)"
        try FileSystem.makeDirectory("\(folder)/reviews")
        try FileSystem.writeAtomically(Data("Review \(number)\n".utf8), to: "\(folder)/reviews/\(stem).txt")
        try FileSystem.writeAtomically(Data("{}".utf8), to: "\(folder)/reviews/\(stem).json")
    }

    /// `feedback.json` with `feedback.txt` (and `feedback.pdf` unless `pdf` is false).
    func feedback(_ folder: String, state: String, pdf: Bool = true) throws {
        let sent = state == "sent" ? ", \"sent\": \"2024-09-02T09:00:00Z\"" : ""
        try FileSystem.writeAtomically(
            Data("{\"state\": \"\(state)\", \"compiled\": \"2024-09-01T09:00:00Z\"\(sent)}".utf8),
            to: "\(folder)/feedback.json")
        try FileSystem.writeAtomically(Data("Feedback\n".utf8), to: "\(folder)/feedback.txt")
        if pdf { try FileSystem.writeAtomically(Data("%PDF-1.4\n".utf8), to: "\(folder)/feedback.pdf") }
    }

    func journal(_ event: String, reference: String?, at time: String, detail: [String: String] = [:]) throws {
        try Journal(archive: root).append(
            Journal.Event(time: date(time), event: event, reference: reference, detail: detail))
    }
}

/// An ISO 8601 instant, e.g. `2024-07-15T10:30:00Z`.
func date(_ text: String) -> Date {
    guard let value = ISO8601DateFormatter().date(from: text) else { fatalError("not an ISO 8601 date: \(text)") }
    return value
}

extension String {
    /// The text without ANSI escape sequences.
    var withoutANSI: String {
        replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
