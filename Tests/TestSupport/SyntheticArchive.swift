import Archive
import Foundation
import Hashing
import POSIX
import Prescreen
import Review

public enum SyntheticArchive {
    /// Writes `count` plausible filed submissions into a new or empty archive
    /// at `root`, quickly (no flushing to disk): 150 made-up institutions, one submission a month each from
    /// January 2019 on, each folder with `message.eml`, a PDF, `text.txt`, `prescreen.txt`, `prescreen.json` (a
    /// twelve-action plan, and for Stage 2 and 3 a RAG analysis of eight rows) and a
    /// `submission.json` whose sizes and SHA-256 checksums are right; most with `reviews/assignments.json`
    /// (received, withdrawn and open reviewers, some overdue) and readable reviews; the older ones with
    /// `feedback.json`, `feedback.txt` and `feedback.pdf`; and a journal line per submission. The content is
    /// the same on every run. It does not write `index.html` or the summary files: `ArchiveIndex.rebuild` does.
    public static func write(count: Int, at root: String) throws {
        let institutions = syntheticInstitutions()
        let encoder = JSONFiles.encoder
        let journalEncoder = JSONFiles.lineEncoder
        let verdicts = ["ok", "ok", "attention", "ok", "missing", "attention"]
        let forms = ["Initial (Stage 1)", "Stage 2", "Stage 3", "Initial (Stage 1, 2019 form)", "not recognised"]
        let monthNames = UKCalendar.monthNames
        let base = Date(timeIntervalSince1970: 1_546_300_800)  // 2019-01-01T00:00:00Z
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var journal = Data()

        for index in 0..<count {
            let (name, short) = institutions[index % institutions.count]
            let slot = index / institutions.count
            let year = 2019 + slot / 12
            let month = slot % 12 + 1
            let reference = String(format: "TC-%04d-%02d-%@", year, month, short)
            let monthsSinceBase = Double((year - 2019) * 12 + month - 1)
            let received = base.addingTimeInterval(
                monthsSinceBase * 30.44 * 86_400 + 19 * 86_400 + Double(index % 86_400))
            let folderRelative =
                "\(name)/\(String(format: "%04d", year))/\(ArchiveLayout.monthName(month))/\(reference)"
            let folder = "\(root)/\(folderRelative)"
            try FileManager.default.createDirectory(atPath: "\(folder)/reviews", withIntermediateDirectories: true)

            let pdfName = "\(name) \(monthNames[month - 1]) \(year).pdf"
            let message = Data(
                """
                From: Lead <lead@\(short.lowercased()).ac.uk>\r
                To: tc@example.org\r
                Subject: Technician Commitment self-assessment \(monthNames[month - 1]) \(year)\r
                Message-ID: <\(index)@\(short.lowercased()).ac.uk>\r
                \r
                Please find our self-assessment attached.\r

                """.utf8)
            let pdf = Data("%PDF-1.4\n% synthetic \(reference)\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
            let text = Data("Technician Commitment self-assessment\n\(name)\n\u{0C}Action plan\n".utf8)
            let verdict = verdicts[index % verdicts.count]
            let form = forms[(index / 7) % forms.count]
            let prescreen = Data(
                """
                Pre-screen of \(reference): \(form)
                Verdict: \(verdict)

                ok         Organisation named (page 1)
                \(verdict.padding(toLength: 10, withPad: " ", startingAt: 0)) Action plan (page 4)
                ok         Sign-off by the Institutional Lead (page 6)

                """.utf8)
            let report = try encoder.encode(syntheticReport(index: index, form: form))
            var files: [SubmissionRecord.File] = []
            for (fileName, data, role, pages) in [
                (ArchiveLayout.messageFileName, message, SubmissionRecord.Role.message, nil as Int?),
                (pdfName, pdf, .submission, 8), ("text.txt", text, .text, nil),
                ("prescreen.txt", prescreen, .prescreen, nil), ("prescreen.json", report, .prescreen, nil),
            ] {
                try create(data, at: "\(folder)/\(fileName)")
                files.append(
                    .init(
                        name: fileName, originalName: nil, size: data.count, sha256: SHA256.hex(of: data), pages: pages,
                        role: role))
            }
            let record = SubmissionRecord(
                reference: reference, version: 1, institution: name, institutionShort: short,
                identifiedBy: "file name", year: year, month: month, periodFrom: "title", senderName: "Lead",
                senderAddress: "lead@\(short.lowercased()).ac.uk",
                subject: "Technician Commitment self-assessment \(monthNames[month - 1]) \(year)",
                messageID: "\(index)@\(short.lowercased()).ac.uk", messageKey: "\(index)@\(short.lowercased()).ac.uk",
                received: received, imapUIDValidity: 1, imapUID: UInt32(index + 1), files: files, status: "filed",
                prescreen: verdict, form: form)
            try create(try encoder.encode(record), at: "\(folder)/\(ArchiveLayout.recordFileName)")

            // Peer review: none for every tenth, otherwise two or three reviewers.
            let assigned = received.addingTimeInterval(86_400)
            let due = assigned.addingTimeInterval(28 * 86_400)
            // The newest (two months' worth, or a fifth of a small archive) still wait for a review.
            let recent = index >= count - max(1, min(2 * institutions.count, count / 5))
            var assignments: [AssignmentRecord] = []
            if index % 10 != 0 {
                let reviewers = ["ada@\(short.lowercased()).example", "ben@peer.example", "cai@review.example"]
                for (number, reviewer) in reviewers.prefix(index % 3 == 0 ? 3 : 2).enumerated() {
                    var status = AssignmentStatus.received
                    if number == 2 { status = .withdrawn }
                    if recent && number == 1 { status = .open }
                    assignments.append(
                        AssignmentRecord(
                            reference: reference, reviewer: reviewer, reviewerName: reviewer,
                            token: "SYNTH\(index)X\(number)", assigned: assigned, due: due, status: status,
                            reason: "synthetic: a peer from another institution"))
                    if status == .received {
                        let slug = reviewer.replacingOccurrences(of: "@", with: "-at-")
                        try create(
                            Data("Review 1 of \(reference) by \(reviewer)\n\nScores: 3 of 4\n".utf8),
                            at: "\(folder)/reviews/review-\(slug)-1.txt")
                        let criteria = ["visibility", "recognition", "career-development", "sustainability"]
                        let scores = Dictionary(
                            uniqueKeysWithValues: criteria.enumerated().map { ($1, 1 + (index + number + $0) % 4) })
                        let review = StoredReview(
                            reference: reference, reviewer: reviewer, reviewerName: reviewer, number: 1,
                            received: due, supersedes: nil, stage: 1,
                            answers: ReviewAnswers(scores: scores, comments: [:]), messageKey: nil, written: nil)
                        try create(try encoder.encode(review), at: "\(folder)/reviews/review-\(slug)-1.json")
                    }
                }
                try create(try encoder.encode(assignments), at: "\(folder)/reviews/assignments.json")
            }
            // Feedback once the reviews are in: sent for most, a draft for some.
            if !assignments.isEmpty, !assignments.contains(where: { $0.status == .open }) {
                let sent = index % 5 != 1
                let compiled = due.addingTimeInterval(86_400)
                let feedback = SyntheticFeedback(
                    state: sent ? "sent" : "draft", compiled: compiled,
                    sent: sent ? compiled.addingTimeInterval(3_600) : nil)
                try create(try encoder.encode(feedback), at: "\(folder)/feedback.json")
                try create(Data("Feedback on \(reference)\n".utf8), at: "\(folder)/feedback.txt")
                try create(pdf, at: "\(folder)/feedback.pdf")
            }
            // As many journal lines as the service writes for such a submission: filing, the confirmation,
            // each assignment and its request, each review, the feedback.
            var events: [Journal.Event] = [
                .init(time: received, event: "filed", reference: reference, detail: ["folder": folderRelative]),
                .init(
                    time: received, event: "queued", reference: reference, detail: ["id": reference + "-confirmation"]),
                .init(time: received, event: "sent", reference: reference, detail: ["id": reference + "-confirmation"]),
            ]
            for assignment in assignments {
                events.append(
                    .init(
                        time: assigned, event: "assigned", reference: reference,
                        detail: ["reviewer": assignment.reviewer]))
                events.append(
                    .init(
                        time: assigned, event: "queued", reference: reference,
                        detail: ["id": "\(reference)-review-\(assignment.token)"]))
                if assignment.status == .received {
                    events.append(
                        .init(
                            time: due, event: "review-received", reference: reference,
                            detail: ["reviewer": assignment.reviewer]))
                }
            }
            if FileSystem.exists("\(folder)/feedback.json") {
                events.append(.init(time: due, event: "feedback-compiled", reference: reference))
                events.append(.init(time: due, event: "feedback-sent", reference: reference))
            }
            for event in events {
                var line = try journalEncoder.encode(event)
                line.append(0x0A)
                journal.append(line)
            }
        }
        let journalPath = "\(root)/journal.jsonl"
        if let existing = Paths.read(journalPath) { journal = existing + journal }
        try create(journal, at: journalPath)
    }

    /// A pre-screen report with a plan of twelve actions drawn from common kinds of initiative, and for a
    /// Stage 2 or 3 form a RAG analysis of eight of them in rotating colours.
    static func syntheticReport(index: Int, form: String) -> PrescreenReport {
        let pool: [(String, String)] = [
            ("Visibility", "Technician network"), ("Visibility", "Job descriptions review"),
            ("Visibility", "Technician profiles on the website"), ("Recognition", "Annual technician awards"),
            ("Recognition", "Professional registration with the Science Council"), ("Recognition", "Authorship policy"),
            ("Career Development", "Career pathways framework"), ("Career Development", "CPD fund for technicians"),
            ("Career Development", "Mentoring scheme"), ("Sustainability", "Apprenticeships"),
            ("Sustainability", "Succession planning"), ("Sustainability", "Secondments between faculties"),
            ("Visibility", "Seats on decision making committees"), ("Sustainability", "Refurbished workshop"),
        ]
        let plan = (0..<12).map { offset -> ActionPlanRow in
            let (theme, activity) = pool[(index + offset * 5) % pool.count]
            return ActionPlanRow(
                theme: theme, activity: activity, description: "\(activity) across the institution",
                timescale: "2026", page: 4 + offset / 6)
        }
        let kind = FormKind(rawValue: form) ?? .unknown
        guard kind == .stage2 || kind == .stage3 else {
            return PrescreenReport(form: kind, findings: [], actionPlan: plan)
        }
        let colours = ["green", "green", "amber", "red"]
        let rows = (0..<8).map { offset in
            RAGRow(action: pool[(index + offset * 3) % pool.count].1, status: colours[(index + offset) % 4], page: 3)
        }
        let count = { (colour: String) in rows.filter { $0.status == colour }.count }
        return PrescreenReport(
            form: kind, findings: [], actionPlan: plan,
            rag: RAGCounts(red: count("red"), amber: count("amber"), green: count("green")), ragRows: rows)
    }

    /// 150 made-up institutions with short codes; a few names carry `&`, an apostrophe or an accent.
    /// Writes a new file quickly: no flush, as nothing here needs to survive a crash.
    private static func create(_ data: Data, at path: String) throws {
        let file = try FileDescriptor.open(path, .writeOnly, options: [.create, .truncate])
        defer { file.close() }
        try file.writeAll(data)
    }

    static func syntheticInstitutions() -> [(name: String, short: String)] {
        let places = [
            "Northshire", "Eastbrook", "Westmoor", "Southfield", "Kingsbridge", "Ashford", "Bramley", "Caldwell",
            "Dunmore", "Elmstead", "Fairhaven", "Glenrock", "Harrowgate", "Ivybridge", "Jesmond", "Kelsall",
            "Langford", "Marlow", "Newhall", "Oakridge", "Penrose", "Queensferry", "Redcliffe", "Stonehaven",
            "Thornbury", "Upton", "Valemount", "Whitby", "Yarrow", "Zennor",
        ]
        let patterns: [(String) -> String] = [
            { "University of \($0)" }, { "\($0) University" }, { "\($0) Institute of Science & Technology" },
            { "\($0) College of Arts" }, { "Queen's University \($0)" },
        ]
        var result: [(String, String)] = []
        for (p, pattern) in patterns.enumerated() {
            for (i, place) in places.enumerated() {
                var name = pattern(place)
                if i == 7 && p == 1 { name = "Université \(place)" }
                result.append((name, "\(place.prefix(3).uppercased())\(p)"))
            }
        }
        return result
    }
}

private struct SyntheticFeedback: Encodable {
    var state: String
    var compiled: Date
    var sent: Date?
}
