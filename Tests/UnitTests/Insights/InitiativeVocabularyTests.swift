import Insights
import Testing

/// The vocabulary of kinds of initiative: its file format, and how an action finds its kind.
@Suite struct InitiativeVocabularyTests {
    @Test func theSeedParsesAndNamesTheKindsTheProgrammeAsksAbout() {
        let (vocabulary, problems) = InitiativeVocabulary.parse(InitiativeVocabulary.seed)
        #expect(problems.isEmpty)
        for kind in [
            "Job descriptions", "Technician network", "Committee seats", "Awards", "Professional registration",
            "Authorship", "Career pathways", "CPD funds", "Apprenticeships", "Succession planning", "Secondments",
        ] {
            #expect(vocabulary.kinds.contains { $0.name == kind }, "\(kind)")
        }
    }

    @Test(arguments: [
        ("Review all technical job descriptions", "Job descriptions"),
        ("Launch a Technician Network with termly meetings", "Technician network"),
        ("Fund RSciTech registration with the Science Council", "Professional registration"),
        ("Recruit two laboratory apprentices a year", "Apprenticeships"),
        ("Succession planning for specialist roles", "Succession planning"),
        ("Name technicians as authors on outputs", "Authorship"),
        ("Refurbish the glassblowing workshop", "Other"),
    ])
    func anActionIsOfTheFirstKindWhosePhraseItContains(text: String, kind: String) {
        #expect(InitiativeVocabulary.parse(InitiativeVocabulary.seed).0.kind(of: text) == kind)
    }

    @Test func phrasesMatchWholeWordsInAnyCase() {
        let (vocabulary, _) = InitiativeVocabulary.parse("Awards: award, awards\nCPD funds: cpd\n")
        #expect(vocabulary.kind(of: "An AWARD for technicians") == "Awards")
        #expect(vocabulary.kind(of: "Awarding bodies") == "Other", "a phrase is whole words")
        #expect(vocabulary.kind(of: "CPD: a fund") == "CPD funds", "punctuation is not a word")
    }

    @Test func aLineThatIsNotAKindIsReportedWithItsNumber() {
        let (vocabulary, problems) = InitiativeVocabulary.parse("# notes\nAwards: award\nno colon here\nEmpty:\n")
        #expect(vocabulary.kinds.map(\.name) == ["Awards"])
        #expect(problems.count == 2 && problems[0].hasPrefix("line 3:") && problems[1].hasPrefix("line 4:"))
    }
}
