import Archive
import Foundation
import Prescreen
import TestSupport
import Testing

@testable import Insights

/// Insights read a folder again only when its files changed, and the cache never changes a figure.
@Suite struct InsightsCacheTests {
    let directory = TemporaryDirectory()
    let vocabulary = InitiativeVocabulary.parse(InitiativeVocabulary.seed).0
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func compute(_ vocabulary: InitiativeVocabulary? = nil) -> SectorInsights {
        SectorInsights.compute(
            archive: directory.path, filter: .init(), vocabulary: vocabulary ?? self.vocabulary, rubrics: [:],
            nameInstitutions: false, now: now)
    }

    @Test func aSecondRunFromTheCacheGivesTheSameFiguresAndAChangedFolderIsReadAgain() throws {
        try SyntheticArchive.write(count: 40, at: directory.path)
        let first = compute()
        #expect(first.submissions == 40 && !first.kinds.isEmpty)
        #expect(FileSystem.exists("\(directory.path)/_State/insights.tsv"))
        #expect(compute() == first, "the same figures from the cache")

        // A rescreen rewrites one folder's report: only its facts change.
        let path = try #require(
            ArchiveLayout(root: directory.path).submissionRecordPaths().first.map {
                ($0 as NSString).deletingLastPathComponent
            })
        var report = try #require(PrescreenReport.load(folder: path))
        report.actionPlan[0].theme = "A theme of its own"
        try FileSystem.writeAtomically(try JSONFiles.encoder.encode(report), to: "\(path)/prescreen.json")
        let changed = compute()
        #expect(changed.themes.contains("A theme of its own"))
        #expect(changed.submissions == 40)
    }

    @Test func anotherVocabularyMakesTheCacheVoid() throws {
        try SyntheticArchive.write(count: 10, at: directory.path)
        _ = compute()
        let (narrow, _) = InitiativeVocabulary.parse("Apprenticeships: apprenticeships\n")
        let kinds = Set(compute(narrow).kinds.map(\.kind))
        #expect(kinds.isSubset(of: ["Apprenticeships", "Other"]), "\(kinds)")
    }

    @Test func fieldsWithTabsAndLineBreaksComeBackAsTheyWere() throws {
        var fact = SubmissionFacts(folder: "A\tB/2024/07-July/TC-1", stamp: "1.2 - 3.4")
        fact.filed = true
        fact.window = "2024-07"
        fact.institution = "Tab\tand\\slash"
        fact.rag = [.init(kind: "Other", status: "green", text: "line one\nline two\r")]
        fact.scores = [.init(criterion: "Visibility", value: 3)]
        try InsightsCache.save([fact], root: directory.path, key: "k")
        #expect(InsightsCache.load(root: directory.path, key: "k")[fact.folder] == fact)
        #expect(InsightsCache.load(root: directory.path, key: "other").isEmpty)
    }

    @Test func withoutNamingInstitutionsOnlyWordsSharedByTwoInstitutionsAreListed() throws {
        try SyntheticArchive.write(count: 30, at: directory.path)
        let anonymous = compute()
        #expect(anonymous.unmatchedAreWords)
        #expect(anonymous.unmatched.contains { $0.text == "workshop" && $0.count >= 2 }, "\(anonymous.unmatched)")
        #expect(!anonymous.unmatched.contains { $0.text.contains(" ") }, "no action's own wording")
        let named = SectorInsights.compute(
            archive: directory.path, filter: .init(), vocabulary: vocabulary, rubrics: [:], nameInstitutions: true,
            now: now)
        #expect(named.unmatched.contains { $0.text == "Refurbished workshop" })
    }
}
