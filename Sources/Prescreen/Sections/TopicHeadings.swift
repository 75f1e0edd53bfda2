/// Finds a question by a heading that names its topic, for forms whose institution replaced the
/// template's prompts with its own headings ("1. Our organisation", "Technician voice", "Where our plan
/// is published"), in any order.
///
/// A heading is a short line that is numbered ("3.", "Q3", "Question 3") or set as a heading (bold or
/// larger) in the layout.
struct TopicHeadings {
    struct Line {
        let range: Range<Int>
        let keys: [String]
    }

    let lines: [Line]

    /// - Parameter headings: the keys of the lines the layout set as headings.
    init(document: ScreenText, from formStart: Int, headings: Set<String>) {
        var lines: [Line] = []
        var offset = 0
        for text in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = text.utf16.count
            defer { offset += length + 1 }
            guard offset >= formStart else { continue }
            let keys = ScreenText.keys(String(text))
            guard (1...12).contains(keys.count) else { continue }
            let numbered = QuestionNumber.label.contains(String(text))
            guard numbered || headings.contains(keys.joined(separator: " ")) else { continue }
            lines.append(Line(range: offset..<(offset + length), keys: keys))
        }
        self.lines = lines
    }

    /// The first heading after `formStart` that names the topic and is not in `taken`.
    func find(_ topic: Question.Topic, excluding taken: [Range<Int>]) -> Range<Int>? {
        let phrases = (Self.phrases[topic] ?? []).map(ScreenText.keys)
        return lines.first { line in
            !taken.contains { $0.overlaps(line.range) }
                && phrases.contains { line.keys.firstIndex(of: $0, from: 0) != nil }
        }?.range
    }

    /// What a heading of each topic says, in English and Welsh.
    private static let phrases: [Question.Topic: [String]] = [
        .profile: ["profile", "our organisation", "our organization", "about us", "our institution", "proffil"],
        .definition: [
            "define", "defines", "definition", "who we count", "count as technicians", "who are our technicians",
            "diffinio",
        ],
        .governance: ["governance", "leadership and community", "llywodraethu"],
        .count: [
            "how many", "in numbers", "number of technicians", "technical community", "technical workforce",
            "technicians and structure", "our technicians", "nifer",
        ],
        .structures: ["technical structures", "structure and scope", "how we are organised"],
        .before: ["before we signed", "before signing", "prior to signing", "in place before", "cyn llofnodi"],
        .impact: ["impact", "effaith"],
        .since: ["since signing", "since we signed", "done since", "progress since", "ers llofnodi"],
        .talent: ["talent"],
        .plan: ["action plan", "cynllun gweithredu"],
        .voice: ["technician voice", "voice of technicians", "llais"],
        .url: ["published", "publication", "where our plan", "website", "url", "cyhoeddi"],
    ]
}
