import Foundation

/// The kinds of initiative the insights count (job descriptions, technician networks, apprenticeships, …),
/// each with the phrases that name it: a small, documented, editable file, seeded from the form's Appendix A.
///
/// An action is of the first kind one of whose phrases it contains, as whole words in any case; one that
/// matches none is `Other`, and its words are listed so coordinators can grow the vocabulary.
public struct InitiativeVocabulary: Sendable, Equatable {
    public struct Kind: Sendable, Equatable {
        public var name: String
        public var phrases: [String]
    }

    public var kinds: [Kind] {
        didSet { index = Self.index(kinds) }
    }
    public static let other = "Other"
    /// Each phrase's words by its first word, with the kind's position: a text is read once, word by word.
    private var index: [String: [(words: [String], kind: Int)]]

    public init(kinds: [Kind]) {
        self.kinds = kinds
        index = Self.index(kinds)
    }

    public static func == (a: InitiativeVocabulary, b: InitiativeVocabulary) -> Bool { a.kinds == b.kinds }

    private static func index(_ kinds: [Kind]) -> [String: [(words: [String], kind: Int)]] {
        var index: [String: [(words: [String], kind: Int)]] = [:]
        for (position, kind) in kinds.enumerated() {
            for phrase in kind.phrases {
                let words = phrase.split(separator: " ").map(String.init)
                if let first = words.first { index[first, default: []].append((words, position)) }
            }
        }
        return index
    }

    /// Reads `Kind: phrase, phrase, …` lines; `#` starts a note. Returns the problems with their lines.
    public static func parse(_ text: String) -> (InitiativeVocabulary, [String]) {
        var kinds: [Kind] = []
        var problems: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append("line \(number + 1): expected “Kind: phrase, phrase”, found “\(line)”")
                continue
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let phrases = line[line.index(after: colon)...].split(separator: ",").map { normalised(String($0)) }
                .filter { !$0.isEmpty }
            guard !name.isEmpty, !phrases.isEmpty else {
                problems.append("line \(number + 1): a kind needs a name and at least one phrase")
                continue
            }
            kinds.append(Kind(name: name, phrases: phrases))
        }
        return (InitiativeVocabulary(kinds: kinds), problems)
    }

    /// The kind of an action, or `Other`.
    public func kind(of text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var best: Int?
        for (start, word) in words.enumerated() {
            for candidate in index[word] ?? [] where candidate.kind < (best ?? Int.max) {
                let end = start + candidate.words.count
                if end <= words.count, Array(words[start..<end]) == candidate.words { best = candidate.kind }
            }
        }
        return best.map { kinds[$0].name } ?? Self.other
    }

    /// Lower case, letters and digits only, one space between words.
    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// The vocabulary `tcreview insights` writes beside the config file the first time, for coordinators to edit.
    public static let seed = """
        # Kinds of initiative, for `tcreview insights`: one a line, the kind, a colon, then the phrases that
        # name it, separated by commas. An action (its activity and description) is of the first kind one of
        # whose phrases it contains, as whole words in any case; list plurals too. Actions no kind matches are
        # counted as Other, and the insights page lists their words so you can add phrases or kinds here.
        # Seeded from the examples in Appendix A of the self-assessment form.
        Job descriptions: job description, job descriptions, role profile, role profiles, person specification, job family, job families, role review
        Technician network: technician network, technicians network, technical network, technician forum, technicians forum, technical forum, community of practice
        Committee seats: committee, committees, decision making, board, boards, representation
        Awards: award, awards, prize, prizes, nomination, nominations, celebrate, celebration
        Professional registration: professional registration, registration, registered, rscitech, rsci, rtech, csci, science council, engineering council, accreditation
        Authorship: authorship, author, authors, acknowledgement, acknowledgements, named on
        Career pathways: career pathway, career pathways, career framework, career development framework, progression, promotion, career route
        CPD funds: cpd, training budget, training fund, development fund, professional development fund, learning fund
        Apprenticeships: apprentice, apprentices, apprenticeship, apprenticeships, trainee, trainees, levy
        Succession planning: succession, workforce planning, workforce plan, retirement, retirements, resilience
        Secondments: secondment, secondments, placement, placements, exchange, exchanges, shadowing
        Profiles and communications: profile, profiles, website, biography, biographies, newsletter, social media, case study, case studies, prospectus
        Mentoring: mentor, mentors, mentoring, coaching
        Teaching recognition: hea, advance he, fellowship, fellowships, teaching
        Skills development: skills programme, skills development, training programme, upskill, upskilling, digital skills, training
        Technician voice: survey, surveys, consultation, working group, steering group, listening
        Leadership development: leadership, management development, line management, heated

        """
}
