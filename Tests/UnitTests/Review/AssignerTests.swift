import Archive
import Configuration
import Foundation
import Review
import Testing

/// A reviewer with an address made from `name`, eligible by default.
private func reviewer(
    _ name: String, from institution: String? = "ABER", expertise: [String] = [], maxOpen: Int = 5,
    active: Bool = true, conflicts: [String] = []
) -> Reviewer {
    Reviewer(
        name: name, email: "\(name.lowercased())@example.ac.uk", institution: institution, expertise: expertise,
        maxOpen: maxOpen, active: active, conflicts: conflicts)
}

private func email(_ name: String) -> String { "\(name.lowercased())@example.ac.uk" }

/// A day in July 2024, for `lastAssigned`.
private func july(_ day: Int) -> Date {
    UKCalendar.calendar.date(from: DateComponents(year: 2024, month: 7, day: day, hour: 10))!
}

/// Chooses `count` for a submission from LJMU unless told otherwise.
private func choose(
    _ count: Int, from institution: String? = "LJMU", wanted: [String] = [], _ reviewers: [Reviewer],
    load: [String: ReviewerLoad] = [:], already: Set<String> = []
) -> AssignmentChoice {
    Assigner.choose(
        count: count, institution: institution, wanted: wanted, reviewers: reviewers, load: load,
        alreadyAssigned: already)
}

/// The names of the chosen reviewers, in order.
private func names(_ choice: AssignmentChoice) -> [String] { choice.reviewers.map(\.name) }

@Suite struct AssignerEligibilityTests {
    @Test func neverChoosesFromTheSubmittingInstitution() {
        let choice = choose(2, [reviewer("Own", from: "LJMU"), reviewer("Other"), reviewer("Third", from: "BRIS")])
        #expect(names(choice) == ["Other", "Third"])
        #expect(choice.excluded[email("Own")]?.contains("submitting institution (LJMU)") == true)
    }

    @Test func institutionCodesCompareIgnoringCase() {
        let choice = choose(1, from: "ljmu", [reviewer("Own", from: "LJMU")])
        #expect(choice.reviewers.isEmpty)
        #expect(choice.shortfall == 1)
    }

    @Test func neverChoosesAReviewerWithAConflictDeclaredByNameOrByCode() {
        let institutions = [
            Institution(name: "Liverpool John Moores University", short: "LJMU"),
            Institution(name: "Aberystwyth University", short: "ABER"),
        ]
        let csv =
            "name,email,institution,expertise,max-open,active,conflicts\n"
            + "ByName,byname@example.ac.uk,ABER,,3,yes,Liverpool John Moores University\n"
            + "ByCode,bycode@example.ac.uk,ABER,,3,yes,ljmu\n"
            + "Free,free@example.ac.uk,ABER,,3,yes,\n"
        let (reviewers, problems) = ReviewerDirectory.load(csv: csv, file: "reviewers.csv", institutions: institutions)
        #expect(problems.isEmpty)
        let choice = choose(3, reviewers)
        #expect(names(choice) == ["Free"])
        #expect(choice.excluded[email("ByName")] == "declared a conflict with LJMU")
        #expect(choice.excluded[email("ByCode")] == "declared a conflict with LJMU")
        #expect(choice.shortfall == 2)
    }

    @Test func neverChoosesAnInactiveReviewer() {
        let choice = choose(1, [reviewer("Asleep", active: false), reviewer("Zed")])
        #expect(names(choice) == ["Zed"])
        #expect(choice.excluded[email("Asleep")] == "inactive")
    }

    @Test func neverChoosesAReviewerAtOrOverMaxOpen() {
        let load = [
            email("Full"): ReviewerLoad(open: 2), email("Over"): ReviewerLoad(open: 5),
            email("Room"): ReviewerLoad(open: 1),
        ]
        let choice = choose(
            3, [reviewer("Full", maxOpen: 2), reviewer("Over", maxOpen: 2), reviewer("Room", maxOpen: 2)], load: load)
        #expect(names(choice) == ["Room"])
        #expect(choice.excluded[email("Full")] == "at their limit: 2 open reviews, max-open 2")
        #expect(choice.excluded[email("Over")]?.hasPrefix("at their limit") == true)
    }

    @Test func neverChoosesAReviewerAlreadyOnTheSubmission() {
        let choice = choose(2, [reviewer("Ann"), reviewer("Bob"), reviewer("Cat")], already: ["ANN@example.ac.uk"])
        #expect(names(choice) == ["Bob", "Cat"])
        #expect(choice.excluded[email("Ann")] == "already assigned to this submission")
    }

    @Test func tooFewEligibleGivesThoseThereAreAndTheShortfall() {
        let choice = choose(3, [reviewer("Own", from: "LJMU"), reviewer("Only"), reviewer("Off", active: false)])
        #expect(names(choice) == ["Only"])
        #expect(choice.shortfall == 2)
        #expect(choice.excluded.count == 2)
    }

    @Test func enoughEligibleMeansNoShortfall() {
        let choice = choose(2, [reviewer("A"), reviewer("B"), reviewer("C")])
        #expect(choice.reviewers.count == 2)
        #expect(choice.shortfall == 0)
        #expect(choice.excluded.isEmpty)
    }

    @Test func zeroWantedChoosesNobody() {
        let choice = choose(0, [reviewer("A")])
        #expect(choice.reviewers.isEmpty)
        #expect(choice.shortfall == 0)
    }

    @Test func unidentifiedInstitutionSkipsTheInstitutionChecksAndSaysSo() {
        let choice = choose(1, from: nil, [reviewer("Anyone", from: "LJMU", conflicts: ["BRIS"])])
        #expect(names(choice) == ["Anyone"])
        #expect(choice.reasons[email("Anyone")]?.contains("unidentified") == true)
    }

    @Test func everyChosenReviewerHasARecordedReason() {
        let load = [email("Bob"): ReviewerLoad(open: 1, thisWindow: 2, lastAssigned: july(2))]
        let choice = choose(
            2, wanted: ["Career Development"], [reviewer("Ann", expertise: ["career development"]), reviewer("Bob")],
            load: load)
        #expect(
            choice.reasons[email("Ann")]
                == "0 open reviews, 0 this window, never assigned; expertise in career development; "
                + "not from LJMU and no declared conflict with it")
        #expect(
            choice.reasons[email("Bob")]
                == "1 open review, 2 this window, last assigned 2024-07-02; not from LJMU and no declared conflict with it"
        )
    }
}

@Suite struct AssignerBalanceTests {
    /// Fewest open wins even against expertise, a lighter window, an older assignment and an earlier address.
    @Test func fewestOpenReviewsComesFirst() {
        let load = [
            email("Aaa"): ReviewerLoad(open: 2, thisWindow: 0, lastAssigned: nil),
            email("Zzz"): ReviewerLoad(open: 1, thisWindow: 9, lastAssigned: july(30)),
        ]
        let reviewers = [reviewer("Aaa", expertise: ["rag"]), reviewer("Zzz")]
        #expect(names(choose(1, wanted: ["rag"], reviewers, load: load)) == ["Zzz"])
    }

    /// Among equally open, a flagged area wins over a lighter window, an older assignment and an earlier address.
    @Test func expertiseInAFlaggedAreaComesRightAfterOpenLoad() {
        let load = [
            email("Aaa"): ReviewerLoad(open: 1, thisWindow: 0, lastAssigned: nil),
            email("Zzz"): ReviewerLoad(open: 1, thisWindow: 5, lastAssigned: july(30)),
        ]
        let reviewers = [reviewer("Aaa", expertise: ["talent"]), reviewer("Zzz", expertise: ["career development"])]
        #expect(names(choose(1, wanted: ["career-development"], reviewers, load: load)) == ["Zzz"])
        #expect(names(choose(1, wanted: [], reviewers, load: load)) == ["Aaa"])
    }

    @Test func moreFlaggedAreasMatchedRanksHigher() {
        let reviewers = [reviewer("Aaa", expertise: ["rag"]), reviewer("Zzz", expertise: ["rag", "technician voice"])]
        #expect(names(choose(1, wanted: ["RAG", "Technician Voice"], reviewers)) == ["Zzz"])
    }

    /// Equal open and expertise: the lighter window wins over an older assignment and an earlier address.
    @Test func fewestThisWindowComesNext() {
        let load = [
            email("Aaa"): ReviewerLoad(open: 0, thisWindow: 3, lastAssigned: july(1)),
            email("Zzz"): ReviewerLoad(open: 0, thisWindow: 2, lastAssigned: july(30)),
        ]
        #expect(names(choose(1, [reviewer("Aaa"), reviewer("Zzz")], load: load)) == ["Zzz"])
    }

    /// Equal on everything before: the least recently assigned wins over an earlier address.
    @Test func leastRecentlyAssignedComesNext() {
        let load = [
            email("Aaa"): ReviewerLoad(open: 0, thisWindow: 1, lastAssigned: july(20)),
            email("Zzz"): ReviewerLoad(open: 0, thisWindow: 1, lastAssigned: july(3)),
        ]
        #expect(names(choose(1, [reviewer("Aaa"), reviewer("Zzz")], load: load)) == ["Zzz"])
    }

    @Test func neverAssignedCountsAsLeastRecent() {
        let load = [email("Aaa"): ReviewerLoad(open: 0, thisWindow: 0, lastAssigned: july(1))]
        #expect(names(choose(1, [reviewer("Aaa"), reviewer("Zzz")], load: load)) == ["Zzz"])
    }

    @Test func addressIsTheFinalTieBreak() {
        #expect(names(choose(2, [reviewer("Cat"), reviewer("Bob"), reviewer("Ann")])) == ["Ann", "Bob"])
    }

    @Test func loadKeysAreMatchedIgnoringCase() {
        let load = ["ANN@Example.ac.uk": ReviewerLoad(open: 1)]
        #expect(names(choose(1, [reviewer("Ann"), reviewer("Bob")], load: load)) == ["Bob"])
    }
}

@Suite struct AssignerDeterminismTests {
    private static let reviewers = (0..<12).map { index in
        reviewer(
            "R\(index)", from: ["ABER", "BRIS", "LJMU", nil][index % 4],
            expertise: index % 3 == 0 ? ["recognition"] : ["talent"], maxOpen: 1 + index % 3,
            conflicts: index == 5 ? ["LJMU"] : [])
    }
    private static let load = Dictionary(
        uniqueKeysWithValues: reviewers.enumerated().map { index, reviewer in
            (
                reviewer.email,
                ReviewerLoad(open: index % 2, thisWindow: index % 3, lastAssigned: index % 4 == 0 ? nil : july(index))
            )
        })

    @Test func sameInputsGiveTheSameChoice() {
        let first = choose(3, wanted: ["recognition"], Self.reviewers, load: Self.load, already: [email("R1")])
        for _ in 0..<5 {
            #expect(
                choose(3, wanted: ["recognition"], Self.reviewers, load: Self.load, already: [email("R1")]) == first)
        }
        #expect(first.reviewers.count == 3)
    }

    @Test func reviewerOrderDoesNotMatter() {
        let first = choose(4, wanted: ["recognition"], Self.reviewers, load: Self.load)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            let shuffled = Self.reviewers.shuffled(using: &generator)
            #expect(choose(4, wanted: ["recognition"], shuffled, load: Self.load) == first)
        }
    }
}

/// A small deterministic generator (SplitMix64) so shuffles are the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
