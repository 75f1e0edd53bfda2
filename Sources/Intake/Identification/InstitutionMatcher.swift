import Configuration
import Foundation

/// What the service concluded about a submission's origin and period.
public struct Identification: Sendable, Equatable {
    public var institution: Institution?
    /// `file name`, `subject`, `sender domain` or `nothing`.
    public var source: String
    public var year: Int
    public var month: Int
    /// `title` when the file name or subject gave the period, `received` otherwise.
    public var periodSource: String
}

/// Recognises institutions from `institutions.csv` in file names, subjects and sender domains.
///
/// Names and aliases match when all their significant words appear, in any order and case, so
/// "University of X" and "X University" and "x_university" all match; the longest name wins.
/// Short codes match as whole words (`LJMU_07_2024`).
public struct InstitutionMatcher: Sendable {
    private struct Candidate: Sendable {
        let institution: Institution
        let words: Set<String>
    }

    private let candidates: [Candidate]
    private let institutions: [Institution]

    public init(institutions: [Institution]) {
        self.institutions = institutions
        var candidates: [Candidate] = []
        for institution in institutions {
            for name in [institution.name] + institution.aliases {
                let words = TitleWords(name).significant
                if !words.isEmpty { candidates.append(Candidate(institution: institution, words: words)) }
            }
        }
        self.candidates = candidates
    }

    /// The institution a title names, if any.
    public func institution(inTitle title: String) -> Institution? {
        let words = TitleWords(title)
        let present = Set(words.words)
        let byName = candidates.filter { $0.words.isSubset(of: present) }.max { $0.words.count < $1.words.count }
        if let byName { return byName.institution }
        return institutions.first { present.contains($0.short.lowercased()) }
    }

    /// The institution whose mail domain the address belongs to (subdomains included).
    public func institution(forSender address: String) -> Institution? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return institutions.first { institution in
            institution.domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
        }
    }

    /// Identifies a submission from its PDF names, then its subject, then its sender.
    ///
    /// - Parameter received: when it arrived; gives the period when the titles do not.
    public func identify(fileNames: [String], subject: String?, sender: String, received: Date) -> Identification {
        let titles =
            fileNames.map { ($0.replacingOccurrences(of: ".pdf", with: "", options: .caseInsensitive), "file name") }
            + [(subject ?? "", "subject")]
        var institution: Institution?
        var source = "nothing"
        for (title, kind) in titles {
            if let found = self.institution(inTitle: title) {
                institution = found
                source = kind
                break
            }
        }
        if institution == nil, let found = self.institution(forSender: sender) {
            institution = found
            source = "sender domain"
        }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let arrived = calendar.dateComponents([.year, .month], from: received)
        for (title, _) in titles {
            let period = TitleWords(title).period
            if let month = period.month {
                return Identification(
                    institution: institution, source: source, year: period.year ?? arrived.year!, month: month,
                    periodSource: "title")
            }
        }
        return Identification(
            institution: institution, source: source, year: arrived.year!, month: arrived.month!,
            periodSource: "received")
    }
}
