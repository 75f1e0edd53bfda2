/// Page texts laid out like the Technician Commitment forms, as poppler extracts them, filled in by a
/// made-up institution; each builder has switches to leave parts out or change them.
enum FormText {
    /// A sign-off: the name (or nil for an empty signature line) and the date (nil for an empty `Date:`).
    struct SignOff {
        var name: String?
        var date: String?
    }

    static let prompts2024: [Int: String] = [
        1: "1. To provide some context, please provide a brief profile of your organisation. (up to 250 words)",
        2: "2. Please tell us how your organisation defines its technicians.",
        3: """
        3. How many technicians are there in your organisation? Please provide some information on where they are \
        based and/or how they are structured (in terms of subject/discipline/department).
        """,
        4: """
        4. Please provide details of initiatives/programmes/activities that were already in place for the technical \
        community within your organisation prior to becoming a signatory of the Technician Commitment.
        """,
        5: """
        5. The Technician Commitment aims to ensure visibility, recognition, career development and sustainability \
        for technical staff across higher education and research. Please tell us of any initiatives your \
        organisation has put in place to address these themes since becoming a signatory of the Technician Commitment.
        """,
        6: """
        6. Please provide a 24-month action plan, detailing future plans to ensure your institution addresses the \
        themes of the Technician Commitment and details of how impact will be evidenced. This may be detailed here \
        or attached to this document as an appendix.
        """,
        7:
            "7. Please evidence how the ‘technician voice’ was present in the development and formation of the institutional action plan.",
        8:
            "8. Please confirm that your Technician Commitment status and action plan is published on your organisation’s website and provide the relevant URL below.",
    ]

    static let profile = """
        The University of Example is a civic university in the north of England with 21,000 students and 4,800 \
        staff across three faculties: Science and Engineering, Health, and Arts and Humanities. Research in \
        materials, health sciences and digital humanities depends on well-equipped laboratories, studios and \
        workshops, and our teaching includes a large practical component in every faculty.
        """

    static let answers2024: [Int: String] = [
        1: profile,
        2: """
        Technicians are staff whose main role is to provide technical expertise and support in laboratories, \
        workshops, studios and facilities, in any job family and at any grade.
        """,
        3: """
        We employ c. 450 technicians. Most are based in faculty technical teams; about a fifth work in central \
        research facilities and IT.
        """,
        4: "A technical staff forum met termly, and technicians could apply to the staff development fund.",
        5: "We launched a technician network, an annual technician award and a review of technical career pathways.",
        7: """
        The plan was drafted by a working group of twelve technicians from every faculty, discussed at two open \
        technician forums with over 90 attendees, and revised after a survey of all technical staff that \
        received 214 responses.
        """,
        8: "Our status and plan are published at https://www.example.ac.uk/technician-commitment",
    ]

    /// An Initial (Stage 1) submission on the current (2024) form.
    struct Initial {
        var organisation = "University of Example"
        var answers = FormText.answers2024
        /// Questions whose prompt (and answer) are left out.
        var omitted: Set<Int> = []
        var planPlacement = PlanPlacement.inAnswer
        var planLayout = PlanLayout.tabs
        var actions = FormText.actions
        var lead: SignOff? = SignOff(name: "Dr Alex Example", date: "10 July 2024")
        var leader: SignOff? = SignOff(name: "Professor Sam Leader", date: "12 July 2024")
        /// Printed at the top of every page, as Word headers are.
        var runningHeader: String?
        /// Keep the blank form's Appendix A (example activities) at the end.
        var keepsExampleAppendix = false

        func pages() -> [String] {
            func question(_ number: Int) -> String {
                guard !omitted.contains(number) else { return "" }
                var answer = answers[number] ?? ""
                if number == 6 {
                    switch planPlacement {
                    case .inAnswer: answer = FormText.plan(actions, layout: planLayout)
                    case .appendixB, .referencedButMissing: answer = "Please see Appendix B below."
                    case .none: answer = answers[6] ?? ""
                    }
                }
                return FormText.prompts2024[number]! + "\n" + answer + "\n"
            }
            let guidance = """
                Technician Commitment: Initial Self-Assessment & Action Plan Guidance
                The Technician Commitment is a university and research institution initiative. The themes of the \
                Technician Commitment are: Visibility, Recognition, Career Development, Sustainability and Evaluating \
                Impact. Finalised Action Plans should be signed off at an institutional leadership level (e.g. \
                Vice-Chancellor/President/Director level). For any additional queries, please contact tc@itss.org.uk.
                """
            let first = """
                Technician Commitment Initial Self-Assessment & Action Plan
                Evaluating Impact through Self-Assessment & Future Action Planning
                Organisation:\t\(organisation)
                Name of Institutional Lead: Dr Alex Example\tE-mail: a.example@example.ac.uk
                Date joined: March 2022
                \(question(1))\(question(2))\(question(3))\(question(4))
                """
            var second = "\(question(5))\(question(6))\(question(7))\(question(8))\n"
            second += FormText.signOffs(lead: lead, leader: leader)
            var pages = [guidance, first, second]
            if planPlacement == .appendixB {
                pages.append("Appendix B: Action Plan 2024–2026\n" + FormText.plan(actions, layout: planLayout))
            }
            if keepsExampleAppendix { pages.append(FormText.exampleAppendix) }
            if let runningHeader {
                pages = pages.enumerated().map { "\(runningHeader)\n\($1)\nPage \($0 + 1) of \(pages.count)" }
            }
            return pages
        }
    }

    /// The sign-off block as the form prints it, filled in.
    static func signOffs(lead: SignOff?, leader: SignOff?) -> String {
        var text = ""
        if let lead {
            text +=
                "Signed\t\(lead.name ?? "")\t(Technician Commitment Nominated Institutional Lead)\nDate: \(lead.date ?? "")\n\n"
        }
        if let leader {
            text +=
                "Signed\t\(leader.name ?? "")\t(Technician Commitment Signatory – Leader of Institution)\nDate: \(leader.date ?? "")\n"
        }
        return text
    }

    /// The blank form's Appendix A: guidance, not a plan.
    static let exampleAppendix = """
        Appendix A: Examples of activities and initiatives to address the themes of the Technician Commitment
        Please note that this is not an exhaustive list, it intends to demonstrate example activities to support institutions in action planning.
        \tTheme
        \tExample Activities
        \tVisibility
        Ensure that technicians within the organisation are identifiable
        \t· Organisations can identify how many technicians they employ
        · Technician roles have clear job descriptions
        \tRecognition
        Support technicians to gain recognition through professional registration
        \t· Internal award schemes recognise the contribution of technical staff
        \tCareer Development
        \t· Technician specific professional career paths/frameworks
        \tSustainability
        \t· A technician trainee/apprenticeship programme
        """
}
