/// One question of a self-assessment form, recognised by distinctive phrases of its prompt.
struct Question: Sendable {
    /// What the question asks about; checks find their section by it.
    enum Topic: String, Sendable, CaseIterable {
        case profile, definition, governance, structures, count, before, impact, since, talent, plan, voice, url
    }

    /// One wording of the prompt: its full text (to tell the prompt from the answer) and the phrases
    /// of it that identify it.
    struct Prompt: Sendable {
        let text: String
        let anchors: [String]
    }

    let topic: Topic
    /// The number printed before it, nil on the 2019 form's unnumbered prompts.
    let number: Int?
    /// The id of the finding on whether it is answered.
    let findingID: String
    /// The finding's title, e.g. "Q2 definition of technicians".
    let title: String
    /// How an institution's lead would name it, e.g. "how your organisation defines its technicians".
    let subject: String
    let prompts: [Prompt]
    /// Optional questions get a finding only when their prompt is found.
    var optional = false

    /// "Question 2" or, for unnumbered prompts, the prompt's opening words.
    var name: String {
        if let number { return "Question \(number)" }
        let opening = prompts.first?.text.split(separator: " ").prefix(8).joined(separator: " ") ?? subject
        return "The section \u{201C}\(opening)…\u{201D}"
    }
}
