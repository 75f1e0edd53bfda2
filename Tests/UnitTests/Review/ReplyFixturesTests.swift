import Foundation
import Review
import Testing

/// The rubric, request email and reply texts the reply tests share, shaped like what mail clients send.
enum ReplyFixture {
    static let rubric = Rubric(
        stage: 1, title: "Stage 1 (Initial) self-assessment and action plan", reviewersPerSubmission: 2,
        daysToReview: 21,
        scale: [
            ScalePoint(value: 1, label: "Not yet evident"), ScalePoint(value: 2, label: "Partly evident"),
            ScalePoint(value: 3, label: "Evident"), ScalePoint(value: 4, label: "Strong evidence"),
        ],
        criteria: [
            Criterion(
                id: "visibility", title: "Visibility",
                guidance: "Are technicians identifiable, and is their contribution visible? Visibility: 4 means "
                    + "strong evidence.", scored: true, commentRequired: false),
            Criterion(
                id: "recognition", title: "Recognition", guidance: "Authorship, registration, awards.",
                scored: true, commentRequired: false),
            Criterion(
                id: "career-development", title: "Career Development", guidance: "Pathways and development.",
                scored: true, commentRequired: false),
            Criterion(
                id: "sustainability", title: "Sustainability", guidance: "Succession planning, apprenticeships.",
                scored: true, commentRequired: false),
            Criterion(
                id: "technician-voice", title: "Technician voice", guidance: "Did technicians shape the plan?",
                scored: true, commentRequired: false),
            Criterion(
                id: "action-plan", title: "Action plan quality",
                guidance: "Specific, timed, and says how impact will be evidenced.", scored: true,
                commentRequired: false),
            Criterion(
                id: "overall", title: "Overall comments", guidance: "Supportive feedback for the institution.",
                scored: false, commentRequired: true),
        ])

    static let scoreIDs = [
        "visibility", "recognition", "career-development", "sustainability", "technician-voice", "action-plan",
    ]

    /// The request email's body, as the service sends it: letter, form, sign-off.
    static let request = """
        Dear Dr Patel,

        Thank you for reviewing for the Technician Commitment. Please review the self-assessment and action \
        plan of Northshire University (TC-2024-07-0012, July 2024); the PDF is attached.

        Please reply by 22 July 2024.

        ----- REVIEW FORM -----

        \(ReviewForm.render(rubric))
        ----- END OF FORM -----

        With thanks,
        The Technician Commitment team

        """

    /// The request with some form lines filled in: `"Visibility (1-4):" → "3"` gives `Visibility (1-4): 3`.
    static func filled(_ answers: [String: String], in text: String = request) -> String {
        text.components(separatedBy: "\n").map { line in
            guard let answer = answers[line] else { return line }
            return answer.hasPrefix("\n") ? line + answer : line + " " + answer
        }.joined(separator: "\n")
    }

    /// Every line prefixed as a plain-text client quotes it ("> ", or ">" for an empty line).
    static func quoted(_ text: String) -> String {
        text.components(separatedBy: "\n").map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    static let completeAnswers = [
        "Visibility (1-4):": "3", "Recognition (1-4):": "2", "Career Development (1-4):": "4",
        "Sustainability (1-4):": "1", "Technician voice (1-4):": "3", "Action plan quality (1-4):": "2",
        "Overall comments:": "A thoughtful first plan; well done.",
    ]
    static let completeScores = [
        "visibility": 3, "recognition": 2, "career-development": 4, "sustainability": 1, "technician-voice": 3,
        "action-plan": 2,
    ]

    static let gmailAttribution = "On Mon, 1 Jul 2024 at 10:00, Technician Commitment <tc@example.org> wrote:"
    static let outlookHeader = """
        ________________________________
        From: Technician Commitment <tc@example.org>
        Sent: Monday, July 1, 2024 10:00 AM
        To: Priya Patel <p.patel@northshire.ac.uk>
        Subject: Review request: TC-2024-07-0012 [review:k3J9xQ]
        """

    static func parse(plain: String?, html: String? = nil) -> Result<ReviewAnswers, ReplyErrors> {
        ReplyParser.parse(plainText: plain, htmlText: html, rubric: rubric)
    }

    /// The answers of a reply that must be valid, recording the problems when it is not.
    static func answers(
        plain: String?, html: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> ReviewAnswers? {
        switch parse(plain: plain, html: html) {
        case .success(let answers): return answers
        case .failure(let errors):
            Issue.record("expected answers, got problems:\n\(errors)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The problems of a reply that must be invalid.
    static func problems(
        plain: String?, html: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ReplyProblem] {
        switch parse(plain: plain, html: html) {
        case .success(let answers):
            Issue.record("expected problems, got answers: \(answers)", sourceLocation: sourceLocation)
            return []
        case .failure(let errors): return errors.problems
        }
    }

    /// Every scored line and the required comment line: what an unanswered form is missing.
    static let everyRequiredLine =
        scoreIDs.compactMap { id in rubric.criterion(id) }.map {
            ReviewForm.scoreLine(for: $0, in: rubric)
        } + ["Overall comments:"]
}
