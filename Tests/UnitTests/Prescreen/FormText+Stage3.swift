extension FormText {
    /// A Stage 3 submission: the changed Q2, Q4 and Q5, a RAG analysis of the previous plan in Appendix A
    /// and the new plan in Appendix B.
    struct Stage3 {
        var organisation = "University of Example"
        /// The answer to Q5 (the TALENT Commission); empty leaves it blank.
        var talentAnswer = """
            We have adopted the TALENT Commission's recommendations on technical career pathways and on technician \
            representation in research strategy, and report progress to the Research Committee each year.
            """
        /// The statuses of the previous plan's actions; nil leaves the RAG analysis out.
        var ragStatuses: [String]? = ["Green", "Green", "Green", "Green", "Amber", "Amber", "Red"]
        var leader: SignOff? = SignOff(name: "Professor Sam Leader", date: "3 March 2025")
        var title = "Technician Commitment Stage 3 Self-Assessment & Action Plan"

        static let prompts: [Int: String] = [
            2: """
            2. Please provide an overview of the governance, leadership and reporting lines of the Technician \
            Commitment at your institution, along with details on how it is resourced, and information on how your \
            organisation has engaged with the wider community within and beyond your institution. How has this \
            developed since you became a signatory?
            """,
            4: """
            4. Please provide evidence that your previous action plans are having impact. (For example, you may \
            wish to provide links to initiatives, websites, testimonials, articles/blogs).
            """,
            5: """
            5. Please provide details of how your institution is enacting the recommendations of the TALENT \
            Commission (https://www.mitalent.ac.uk/theTALENTcommission).
            """,
            6: """
            6. Please provide a 24/36-month action plan, detailing future plans to ensure your institution addresses \
            the themes of the Technician Commitment and details of how impact will be evidenced. This may be \
            detailed here or attached to this document as an appendix.
            """,
        ]

        func pages() -> [String] {
            let guidance = """
                Technician Commitment: Stage 3 Self-Assessment & Action Plan Guidance
                Please note: This guidance and template is for institutions who have already submitted their Stage One \
                and Two Self-Assessments & Action Plans. Stage 2/3 also require a RAG analysis of previous action plans.
                """
            let first = """
                \(title)
                Evaluating Impact through Self-Assessment & Future Action Planning
                Organisation: \(organisation)
                Name of Institutional Lead: Dr Alex Example
                \(FormText.prompts2024[1]!)
                \(FormText.profile)
                \(Self.prompts[2]!)
                A Technician Commitment steering group chaired by the Pro Vice-Chancellor for Research meets quarterly \
                and reports to the University Executive Board; a half-time coordinator supports it, and we co-lead the \
                regional technician network.
                \(FormText.prompts2024[3]!)
                There are approximately 1,200 technical staff across the University.
                \(Self.prompts[4]!)
                Registrations with the Science Council rose from 12 to 85; see https://www.example.ac.uk/technicians/impact.
                """
            let second = """
                \(Self.prompts[5]!)
                \(talentAnswer)
                \(Self.prompts[6]!)
                Please see Appendix B.
                \(FormText.prompts2024[7]!)
                \(FormText.answers2024[7]!)
                \(FormText.prompts2024[8]!)
                https://www.example.ac.uk/technician-commitment

                \(FormText.signOffs(lead: SignOff(name: "Dr Alex Example", date: "1 March 2025"), leader: leader))
                """
            var pages = [guidance, first, second]
            if let ragStatuses {
                let previous = [
                    "Visibility", "Visibility", "Recognition", "Career Development", "Sustainability", "Recognition",
                    "Sustainability",
                ]
                var table = ["Appendix A: RAG analysis of our 2021 action plan", "Theme\tAction\tProgress\tRAG status"]
                for (index, status) in ragStatuses.enumerated() {
                    table.append(
                        "\(previous[index % previous.count])\tAction \(index + 1) of the 2021 plan\tWork reported to the steering group\t\(status)"
                    )
                }
                pages.append(table.joined(separator: "\n"))
            }
            pages.append("Appendix B: Action Plan 2025–2028\n" + FormText.plan(FormText.actions, layout: .tabs))
            return pages
        }
    }
}
