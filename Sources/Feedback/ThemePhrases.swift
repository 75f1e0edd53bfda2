/// The words strengths and suggestions are made of: for the criteria of the shipped rubrics, a phrase about
/// the theme itself; for any other criterion, one built from its title.
enum ThemePhrases {
    struct Phrases {
        /// Completes "The reviewers saw …", e.g. "clear evidence that technicians are visible …".
        var strength: String
        /// Completes "The plan would be stronger if it …".
        var suggestion: String
    }

    static let known: [String: Phrases] = [
        "visibility": Phrases(
            strength:
                "good evidence that technicians and their contribution are visible, within the institution and beyond it",
            suggestion:
                "showed how technicians will be made more visible, for example through a technician network, places on decision-making committees or celebrating their achievements"
        ),
        "recognition": Phrases(
            strength:
                "real steps to recognise technicians' contributions, such as authorship, awards or professional registration",
            suggestion:
                "set out how technicians' contributions will be recognised, for example named authorship on outputs, support for professional registration, or internal and external awards"
        ),
        "career-development": Phrases(
            strength: "clear career pathways and development opportunities for technicians",
            suggestion:
                "described the career pathways open to technicians and the development opportunities that support them; many institutions are at an early stage with this theme, and a first step such as gathering case studies of technician careers is well worth including"
        ),
        "sustainability": Phrases(
            strength: "thoughtful planning for the future of technical skills and expertise",
            suggestion:
                "said more about securing technical skills for the future, for example succession planning, an analysis of the technician profile, apprenticeships or trainee schemes"
        ),
        "technician-voice": Phrases(
            strength: "that technicians themselves shaped the self-assessment and the action plan",
            suggestion:
                "showed how technicians themselves helped to shape it, for example through a survey, focus groups, a technician network or technicians on the steering group"
        ),
        "action-plan": Phrases(
            strength: "a specific, well-timed action plan with clear owners",
            suggestion:
                "gave each action an owner and a date, said how its impact will be evidenced, and included actions under every one of the four themes"
        ),
        "rag": Phrases(
            strength: "an honest and useful review of progress against the previous plan",
            suggestion:
                "reviewed each action of the previous plan with its Red, Amber or Green status, and said what was learnt from the actions that are not yet complete"
        ),
        "impact": Phrases(
            strength: "convincing evidence of the difference the Commitment has made for technicians",
            suggestion:
                "brought together evidence of impact, such as survey results, numbers of technicians registered or promoted, or technicians' own accounts of what has changed"
        ),
        "talent": Phrases(
            strength: "considered engagement with the TALENT Commission recommendations",
            suggestion:
                "explained how the institution is responding to the TALENT Commission recommendations that matter most to it"
        ),
    ]

    /// Closing words for strengths, taken in turn so that a list of them does not repeat itself.
    static let praise = [
        "This is a real strength to build on.",
        "This is good practice that other institutions could learn from.",
        "Well done: this is a firm foundation for the next stage.",
    ]

    /// A sentence on a criterion the reviewers scored highly; `position` (0 for the first strength) picks the
    /// closing words.
    static func strength(id: String, title: String, rating: String, position: Int = 0) -> String {
        let closing = praise[position % praise.count]
        if let phrases = known[id] {
            return "\(title): the reviewers saw \(phrases.strength) (\(rating)). \(closing)"
        }
        return "\(title) is one of the strongest parts of the submission (\(rating)). \(closing)"
    }

    /// A constructive sentence on a criterion in the lower part of the scale.
    static func suggestion(id: String, title: String, rating: String) -> String {
        if let phrases = known[id] {
            return "\(title) (\(rating)): the plan would be stronger if it \(phrases.suggestion)."
        }
        return
            "\(title) (\(rating)): the plan would be stronger if it said more about this theme; the reviewers' comments above suggest where to begin."
    }

    /// A constructive sentence on a criterion that is developing well but not yet a strength.
    static func nextStep(id: String, title: String, rating: String) -> String {
        if let phrases = known[id] {
            return "\(title) is taking shape (\(rating)); the plan would be stronger still if it \(phrases.suggestion)."
        }
        return
            "\(title) is taking shape (\(rating)); the plan would be stronger still with the next steps the reviewers suggest above."
    }
}
