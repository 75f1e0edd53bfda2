import Archive
import Foundation

/// Chooses the reviewers for a submission.
///
/// Eligible: not already on the submission, active, not from the submitting institution, no declared conflict
/// with it, and below max-open. Among the eligible, the order is, key by key:
/// 1. fewest open reviews;
/// 2. most of the `wanted` areas in their expertise — so a flagged area wins among equally loaded reviewers,
///    but never over a reviewer with fewer open reviews;
/// 3. fewest assigned this window;
/// 4. least recently assigned (never assigned first);
/// 5. primary address, alphabetically.
/// The same inputs, in any order, give the same choice.
public enum Assigner {
    /// Chooses `count` reviewers for a submission from `institution` (a short code, nil when unidentified, in
    /// which case no institution or conflict check can be made and the reason says so).
    /// - Parameters:
    ///   - wanted: areas the pre-screen flagged, e.g. `["career development"]`, matched against expertise.
    ///   - load: each reviewer's load by primary address; a reviewer missing from it has none.
    ///   - alreadyAssigned: addresses of reviewers already on this submission (open or not).
    public static func choose(
        count: Int, institution: String?, wanted: [String], reviewers: [Reviewer], load: [String: ReviewerLoad],
        alreadyAssigned: Set<String>
    ) -> AssignmentChoice {
        let submitting = institution?.uppercased()
        let wantedAreas = Set(wanted.map(Reviewer.normalisedArea).filter { !$0.isEmpty })
        let loads = Dictionary(load.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let assigned = Set(alreadyAssigned.map(Reviewer.canonical))

        var candidates: [Candidate] = []
        var excluded: [String: String] = [:]
        for reviewer in reviewers {
            let reviewerLoad = loads[reviewer.email.lowercased()] ?? ReviewerLoad()
            if let why = exclusion(reviewer, submitting: submitting, load: reviewerLoad, assigned: assigned) {
                excluded[reviewer.email] = why
            } else {
                let matches = reviewer.expertise.map(Reviewer.normalisedArea).filter { wantedAreas.contains($0) }
                candidates.append(Candidate(reviewer: reviewer, load: reviewerLoad, matches: Set(matches).sorted()))
            }
        }
        candidates.sort(by: Candidate.ranksBefore)

        let chosen = Array(candidates.prefix(max(count, 0)))
        var reasons: [String: String] = [:]
        for candidate in chosen {
            reasons[candidate.reviewer.email] = reason(for: candidate, submitting: submitting)
        }
        return AssignmentChoice(
            reviewers: chosen.map(\.reviewer), reasons: reasons, shortfall: max(count - chosen.count, 0),
            excluded: excluded)
    }

    /// Why `reviewer` cannot take this submission, or nil when they can.
    private static func exclusion(
        _ reviewer: Reviewer, submitting: String?, load: ReviewerLoad, assigned: Set<String>
    ) -> String? {
        if reviewer.addresses.contains(where: { assigned.contains($0.lowercased()) }) {
            return "already assigned to this submission"
        }
        if !reviewer.active { return "inactive" }
        if let submitting {
            if reviewer.institution?.uppercased() == submitting {
                return "from the submitting institution (\(submitting))"
            }
            if reviewer.conflicts.contains(where: { $0.uppercased() == submitting }) {
                return "declared a conflict with \(submitting)"
            }
        }
        if load.open >= reviewer.maxOpen {
            return "at their limit: \(load.open) open review\(load.open == 1 ? "" : "s"), max-open \(reviewer.maxOpen)"
        }
        return nil
    }

    /// The sentence recorded with the submission, e.g. `1 open review, 2 this window, last assigned 2024-07-02;
    /// expertise in career development; not from LJMU and no declared conflict with it`.
    private static func reason(for candidate: Candidate, submitting: String?) -> String {
        let load = candidate.load
        var parts = [
            "\(load.open) open review\(load.open == 1 ? "" : "s"), \(load.thisWindow) this window, "
                + (load.lastAssigned.map { "last assigned \(UKCalendar.dayString($0))" } ?? "never assigned")
        ]
        if !candidate.matches.isEmpty { parts.append("expertise in \(candidate.matches.joined(separator: ", "))") }
        if let submitting {
            parts.append("not from \(submitting) and no declared conflict with it")
        } else {
            parts.append("submitting institution unidentified, so no institution or conflict check was possible")
        }
        return parts.joined(separator: "; ")
    }

    /// An eligible reviewer with what the ranking looks at.
    private struct Candidate {
        var reviewer: Reviewer
        var load: ReviewerLoad
        /// The wanted areas in their expertise, sorted.
        var matches: [String]

        static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.load.open != b.load.open { return a.load.open < b.load.open }
            if a.matches.count != b.matches.count { return a.matches.count > b.matches.count }
            if a.load.thisWindow != b.load.thisWindow { return a.load.thisWindow < b.load.thisWindow }
            switch (a.load.lastAssigned, b.load.lastAssigned) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let x), .some(let y)) where x != y: return x < y
            default: break
            }
            return a.reviewer.email.lowercased() < b.reviewer.email.lowercased()
        }
    }
}
