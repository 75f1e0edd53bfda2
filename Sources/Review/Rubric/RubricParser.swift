import Configuration
import Foundation

/// Reads a `.rubric` file (format in `Rubrics/README.md`) and checks it, with a `file:line` message per fault.
public enum RubricParser {
    static let headerKeys = ["stage", "title", "reviewers", "days", "scale"]
    static let criterionKeys = ["title", "guidance", "score", "comment"]
    static let defaultReviewers = 2
    static let defaultDays = 21
    /// Longer titles would make the form line wrap at 78 columns in the email.
    static let maxTitleLength = 60

    /// The rubric, or nil with every problem found; a rubric is returned only when there are no problems.
    public static func parse(_ text: String, file: String) -> (Rubric?, [ConfigProblem]) {
        let (rubric, problems, _) = parseWithStageLine(text, file: file)
        return (rubric, problems)
    }

    /// As `parse`, also giving the line of `stage =` so the library can point at a stage defined twice.
    static func parseWithStageLine(_ text: String, file: String) -> (Rubric?, [ConfigProblem], Int) {
        let raw = RubricFile(path: file, text: text)
        var problems = raw.problems
        func problem(_ line: Int, _ message: String) {
            problems.append(ConfigProblem(file: file, line: line, message: message))
        }

        for (key, value) in raw.header.sorted(by: { $0.value.line < $1.value.line }) where !headerKeys.contains(key) {
            let hint = criterionKeys.contains(key) ? " (criterion keys belong under a [criterion <id>] line)" : ""
            problem(value.line, "unknown key '\(key)'\(hint); the header takes \(headerKeys.joined(separator: ", "))")
        }

        let stage = raw.header["stage"]
        var stageNumber: Int?
        if let stage {
            if let number = Int(stage.text), (1...3).contains(number) {
                stageNumber = number
            } else {
                problem(stage.line, "stage must be 1, 2 or 3, not '\(stage.text)'")
            }
        } else {
            problem(0, "the header has no 'stage = 1' (or 2, 3) above the first [criterion]")
        }

        let title = raw.header["title"]
        if title == nil || title?.text.isEmpty == true {
            problem(title?.line ?? 0, "the rubric has no title; write 'title = …' in the header")
        }

        func count(_ key: String, default fallback: Int, what: String) -> Int {
            guard let value = raw.header[key] else { return fallback }
            guard let number = Int(value.text), number >= 1 else {
                problem(value.line, "\(key) must be a whole number of at least 1 (\(what)), not '\(value.text)'")
                return fallback
            }
            return number
        }
        let reviewers = count("reviewers", default: defaultReviewers, what: "reviewers per submission")
        let days = count("days", default: defaultDays, what: "days a reviewer has")

        var scale: [ScalePoint] = []
        if let value = raw.header["scale"] {
            let (points, messages) = ScaleText.parse(value.text)
            scale = points
            for message in messages { problem(value.line, message) }
        } else {
            problem(0, "the header has no scale; write e.g. 'scale = 1: Not evident | 2: Partly evident | 3: Evident'")
        }

        let criteria = raw.sections.compactMap { section in
            criterion(section, problem: problem)
        }
        if raw.sections.isEmpty {
            problem(0, "the rubric has no criteria; add a [criterion <id>] section for each")
        }
        checkTitlesAreDistinct(raw.sections, problem: problem)

        guard problems.isEmpty, let stageNumber, let title else { return (nil, problems, stage?.line ?? 0) }
        let rubric = Rubric(
            stage: stageNumber, title: title.text, reviewersPerSubmission: reviewers, daysToReview: days, scale: scale,
            criteria: criteria)
        return (rubric, problems, stage?.line ?? 0)
    }

    private static func criterion(
        _ section: RubricFile.Section, problem: (Int, String) -> Void
    ) -> Criterion? {
        let name = "[criterion \(section.id)]"
        for (key, value) in section.values.sorted(by: { $0.value.line < $1.value.line })
        where !criterionKeys.contains(key) {
            let hint = headerKeys.contains(key) ? " (header keys belong above the first [criterion])" : ""
            problem(
                value.line,
                "unknown key '\(key)' in \(name)\(hint); a criterion takes \(criterionKeys.joined(separator: ", "))")
        }
        var valid = true
        let title = section.values["title"]?.text ?? ""
        if title.isEmpty {
            problem(section.values["title"]?.line ?? section.line, "\(name) has no title; write 'title = …' under it")
            valid = false
        } else if let line = section.values["title"]?.line, let fault = titleFault(title) {
            problem(line, fault)
            valid = false
        }
        var scored = true
        if let value = section.values["score"] {
            switch value.text.lowercased() {
            case "yes": scored = true
            case "no": scored = false
            default:
                problem(value.line, "score must be yes or no, not '\(value.text)'")
                valid = false
            }
        }
        var commentRequired = false
        if let value = section.values["comment"] {
            switch value.text.lowercased() {
            case "required": commentRequired = true
            case "optional": commentRequired = false
            default:
                problem(value.line, "comment must be required or optional, not '\(value.text)'")
                valid = false
            }
        }
        if scored, ReviewForm.endsWithComments(title) {
            problem(
                section.values["title"]?.line ?? section.line,
                "a scored criterion's title cannot end in 'comments' (its score line would read like a comment line)")
            valid = false
        }
        guard valid else { return nil }
        return Criterion(
            id: section.id, title: title, guidance: section.values["guidance"]?.text ?? "", scored: scored,
            commentRequired: commentRequired)
    }

    /// Why a title cannot be a form line, or nil when it can.
    static func titleFault(_ title: String) -> String? {
        if title.count > maxTitleLength {
            return
                "the title is \(title.count) characters; keep it to \(maxTitleLength) so its form line fits on one line"
        }
        if let mark = title.first(where: { ":()|".contains($0) }) {
            return "a title cannot contain '\(mark)' (the form line uses it: 'Title (1-4):')"
        }
        if title.first == ">" || title.first == "=" || title.first == "-" {
            return "a title cannot start with '\(title.first!)' (reply quoting and form headings use it)"
        }
        return nil
    }

    /// Reviewers' answers are found by title, so two criteria may not share one (whatever the case).
    private static func checkTitlesAreDistinct(_ sections: [RubricFile.Section], problem: (Int, String) -> Void) {
        var seen: [String: RubricFile.Section] = [:]
        for section in sections {
            guard let title = section.values["title"], !title.text.isEmpty else { continue }
            let key = FormLine.normalised(title.text)
            if let first = seen[key] {
                problem(
                    title.line,
                    "the title '\(title.text)' is already used by [criterion \(first.id)] (line \(first.values["title"]?.line ?? first.line)); reviewers' answers are matched by title"
                )
            } else {
                seen[key] = section
            }
        }
    }
}
