/// The questions each form asks, in the order it asks them.
///
/// Questions that have their own check carry that check's finding id: the technician voice
/// (`technician-voice`), the published URL (`url`) and, on Stage 3, the TALENT Commission (`q5-talent`).
enum FormQuestions {
    static func questions(for form: FormKind) -> [Question] {
        switch form {
        case .initial: initial
        case .initial2019: initial2019
        case .stage2: stage2
        case .stage3: stage3
        case .unknown: unknown
        }
    }

    private typealias P = PromptBank

    static let profile = Question(
        topic: .profile, number: 1, findingID: "q1-answered", title: "Q1 organisation profile",
        subject: "a brief profile of your organisation", prompts: [P.profile])
    static let definition = Question(
        topic: .definition, number: 2, findingID: "q2-answered", title: "Q2 how technicians are defined",
        subject: "how your organisation defines its technicians", prompts: [P.definition])
    static let governance = Question(
        topic: .governance, number: 2, findingID: "q2-answered", title: "Q2 governance, leadership and community",
        subject: "the governance, leadership and resourcing of the Commitment and your work with the wider community",
        prompts: [P.governance])
    static let count = Question(
        topic: .count, number: 3, findingID: "q3-answered", title: "Q3 technicians and their structure",
        subject: "how many technicians you have and how they are structured", prompts: [P.count])
    static let before = Question(
        topic: .before, number: 4, findingID: "q4-answered", title: "Q4 initiatives before signing",
        subject: "initiatives in place before you signed the Commitment", prompts: [P.before, P.before2019])
    static let impact = Question(
        topic: .impact, number: 4, findingID: "q4-answered", title: "Q4 evidence of impact",
        subject: "evidence that your previous action plans are having impact", prompts: [P.impact])
    static let since = Question(
        topic: .since, number: 5, findingID: "q5-answered", title: "Q5 initiatives since signing",
        subject: "initiatives put in place since you signed the Commitment", prompts: [P.since, P.since2019])
    static let talent = Question(
        topic: .talent, number: 5, findingID: "q5-talent", title: "Q5 TALENT Commission",
        subject: "how you are enacting the TALENT Commission's recommendations", prompts: [P.talent])
    static let plan = Question(
        topic: .plan, number: 6, findingID: "q6-answered", title: "Q6 action plan",
        subject: "your action plan", prompts: [P.plan, P.plan36, P.plan2019])
    static let voice = Question(
        topic: .voice, number: 7, findingID: "technician-voice", title: "Q7 technician voice",
        subject: "how the technician voice shaped the action plan", prompts: [P.voice])
    static let url = Question(
        topic: .url, number: 8, findingID: "url", title: "Q8 published status and plan (URL)",
        subject: "the web address where your status and plan are published", prompts: [P.url, P.url2019])

    static let initial = [profile, definition, count, before, since, plan, voice, url]

    /// The 2019 form: unnumbered prompts, no profile or definition question.
    static let initial2019: [Question] = [
        Question(
            topic: .structures, number: nil, findingID: "q3-answered", title: "Technical structures and scope",
            subject: "how your technical staff are organised", prompts: [P.structures2019]),
        unnumbered(before), unnumbered(since), unnumbered(plan), unnumbered(voice), unnumbered(url),
    ]

    static let stage3 = [profile, governance, count, impact, talent, plan, voice, url]

    /// Stage 2: the questions its prompts share with the other forms; the rest are checked when found.
    static let stage2: [Question] = [
        profile, optional(definition), optional(governance), count, optional(before), optional(impact),
        optional(since), optional(talent), plan, voice, url,
    ]

    static let unknown: [Question] = [
        profile, definition, governance, count, before, impact, since, talent, plan, voice, url,
    ].map(optional)

    /// The question as the 2019 form asks it: no number, its 2019 wording tried first.
    private static func unnumbered(_ question: Question) -> Question {
        Question(
            topic: question.topic, number: nil, findingID: question.findingID,
            title: String(question.title.drop(while: { $0 != " " }).dropFirst()).capitalisedFirst,
            subject: question.subject, prompts: question.prompts.reversed())
    }

    private static func optional(_ question: Question) -> Question {
        var copy = question
        copy.optional = true
        return copy
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
