import Foundation

/// One piece of the feedback as the text file and the PDF both lay it out.
enum FeedbackBlock: Equatable {
    /// The document's title.
    case title(String)
    /// A labelled fact of the header, e.g. `Reference` and its value.
    case field(label: String, value: String)
    /// Level 1: a part such as Strengths; level 2: a criterion.
    case heading(String, level: Int)
    /// Wrapped text; each indent level is two spaces in the text file.
    case paragraph(String, indent: Int)
    /// One item of a list.
    case bullet(String)
    /// A blank line.
    case space
}

/// The feedback's wording, in order: the header (title and facts) and the body (letter, criteria, strengths,
/// suggestions, close).
struct FeedbackOutline {
    var header: [FeedbackBlock]
    var body: [FeedbackBlock]

    var blocks: [FeedbackBlock] { header + [.space] + body }

    static let title = "Feedback on your Technician Commitment self-assessment"

    init(_ document: FeedbackDocument) {
        header = [
            .title(Self.title),
            .field(label: "Institution", value: document.institution),
            .field(label: "Reference", value: document.reference),
            .field(label: "Rubric", value: document.rubricTitle),
            .field(label: "Compiled", value: ScoreWords.day(document.compiled)),
        ]
        body = Self.letter(document) + Self.criteria(document) + Self.summary(document) + Self.close()
    }

    private static func letter(_ document: FeedbackDocument) -> [FeedbackBlock] {
        let institution = document.institution.trimmingCharacters(in: .whitespaces)
        let count = document.reviewerCount
        let reviewers =
            count == 1
            ? "One peer reviewer from another signatory institution has"
            : "\(ScoreWords.count(count).capitalisedFirst) peer reviewers from other signatory institutions have"
        let scale = document.scale.map { "\($0.value) (\($0.label))" }.joined(separator: ", ")
        var blocks: [FeedbackBlock] = [
            .paragraph(institution.isEmpty ? "Dear colleagues," : "Dear colleagues at \(institution),", indent: 0),
            .space,
            .paragraph(
                "Thank you for your self-assessment and action plan, and for all the work behind them. \(reviewers) read it against the rubric \"\(document.rubricTitle)\". Peer review is here to support and encourage you: this feedback recognises what is already working well and offers ideas for your next steps.",
                indent: 0),
            .space,
        ]
        if !scale.isEmpty {
            let median =
                count == 2
                ? "the median is the middle score, which for two reviewers is the average of their scores"
                : "the median is the middle score"
            blocks += [.paragraph("Scores use this scale: \(scale). For each theme, \(median).", indent: 0), .space]
        }
        if count > 0 {
            blocks += [
                .paragraph(
                    "The reviewers are anonymous; they are called Reviewer A, Reviewer B and so on, so that you can tell their comments apart.",
                    indent: 0),
                .space,
            ]
        }
        return blocks
    }

    private static func criteria(_ document: FeedbackDocument) -> [FeedbackBlock] {
        var blocks: [FeedbackBlock] = [.heading("Scores and comments", level: 1)]
        for criterion in document.criteria {
            blocks += [.space, .heading(criterion.title, level: 2)]
            if criterion.scored {
                for (reviewer, score) in zip(criterion.scoredBy, criterion.scores) {
                    blocks.append(.paragraph("\(reviewer): \(ScoreWords.score(score, in: document))", indent: 1))
                }
                if let median = criterion.median {
                    blocks.append(.paragraph("Median: \(ScoreWords.median(median, in: document))", indent: 1))
                } else {
                    blocks.append(.paragraph("No scores were given for this theme.", indent: 1))
                }
            }
            for (index, comment) in criterion.comments.enumerated() {
                if criterion.scored || index > 0 { blocks.append(.space) }
                blocks.append(.paragraph("\(comment.reviewer) wrote:", indent: 1))
                for (number, group) in CommentText.paragraphs(comment.text).enumerated() {
                    if number > 0 { blocks.append(.space) }
                    blocks += group.map { .paragraph($0, indent: 2) }
                }
            }
            if !criterion.scored, criterion.comments.isEmpty {
                blocks.append(.paragraph("No comments were given here.", indent: 1))
            }
        }
        return blocks + [.space]
    }

    private static func summary(_ document: FeedbackDocument) -> [FeedbackBlock] {
        var blocks: [FeedbackBlock] = [.heading("Strengths", level: 1)]
        if document.strengths.isEmpty {
            blocks.append(
                .paragraph(
                    "The reviewers did not single out one theme above the others; their comments above point to what is already in place.",
                    indent: 0))
        } else {
            blocks += document.strengths.map(FeedbackBlock.bullet)
        }
        blocks += [.space, .heading("Suggestions", level: 1)]
        if document.suggestions.isEmpty {
            blocks.append(
                .paragraph(
                    "The reviewers have no particular suggestions beyond their comments above: every theme was scored in the upper part of the scale. Well done.",
                    indent: 0))
        } else {
            blocks += document.suggestions.map(FeedbackBlock.bullet)
        }
        return blocks + [.space]
    }

    private static func close() -> [FeedbackBlock] {
        [
            .paragraph(
                "Thank you again for your commitment to your technical community. We hope this feedback helps as you take your action plan forward, and we look forward to hearing about your progress. If you would like to talk any of it through, please get in touch with us.",
                indent: 0),
            .space,
            .paragraph("With best wishes,", indent: 0),
            .paragraph("The Technician Commitment peer review team", indent: 0),
        ]
    }
}

extension String {
    /// The string with its first character in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
