/// Text laid out like the Technician Commitment's Initial (Stage 1) form, filled in by a made-up
/// institution, for building submission PDFs in end-to-end tests. One string per page.
public enum FormFixture {
    /// A complete Initial self-assessment for `organisation`; `leaderDate: nil` leaves the leader's sign-off undated.
    public static func initial(organisation: String, leaderDate: String? = "12 July 2024") -> [String] {
        [
            """
            Technician Commitment Initial Self-Assessment & Action Plan
            Evaluating Impact through Self-Assessment & Future Action Planning
            Organisation: \(organisation)
            Name of Institutional Lead: Dr Alex Example    E-mail: alex.example@institution.test
            Date joined: May 2022
            1. To provide some context, please provide a brief profile of your organisation. (up to 250 words)
            We are a research-intensive university of 24,000 students across three faculties, with strong
            laboratory and workshop teaching in science, engineering, art and design.
            2. Please tell us how your organisation defines its technicians.
            Technicians are staff whose main role is providing technical expertise and support in labs,
            workshops, studios and facilities, across all job families and grades.
            3. How many technicians are there in your organisation? Please provide some information on where
            they are based and/or how they are structured (in terms of subject/discipline/department).
            There are 412 technicians, based in faculty technical teams and central research facilities.
            """,
            """
            4. Please provide details of initiatives/programmes/activities that were already in place for the
            technical community within your organisation prior to becoming a signatory of the Technician Commitment.
            A technical staff forum met termly, and technicians could apply to a staff development fund.
            5. The Technician Commitment aims to ensure visibility, recognition, career development and
            sustainability for technical staff across higher education and research. Please tell us of any
            initiatives your organisation has put in place to address these themes since becoming a signatory.
            We launched a technician network, an annual technician award, and a career pathways review.
            6. Please provide a 24-month action plan, detailing future plans to ensure your institution addresses
            the themes of the Technician Commitment and details of how impact will be evidenced. This may be
            detailed here or attached to this document as an appendix.
            Please see Appendix B.
            7. Please evidence how the 'technician voice' was present in the development and formation of the
            institutional action plan.
            The plan was drafted by a working group of twelve technicians from every faculty, discussed at two
            open technician forums with over 90 attendees, and revised after an online survey of all technical
            staff that received 214 responses, before the steering group agreed it.
            8. Please confirm that your Technician Commitment status and action plan is published on your
            organisation's website and provide the relevant URL below.
            Published at https://www.institution.test/technician-commitment
            """,
            """
            Signed  Alex Example  (Technician Commitment Nominated Institutional Lead)
            Date: 10 July 2024
            Signed  Professor Sam Leader  (Technician Commitment Signatory - Leader of Institution)
            Date: \(leaderDate ?? "")
            Appendix B: Action Plan
            Theme\tActivity\tDescription\tTime scale
            Visibility\tTechnician profiles\tProfiles on the website\tDecember 2024
            Recognition\tRegistration\tFees paid for 20\tJuly 2025
            Career Development\tCareer pathways\tA career framework\tMarch 2026
            Sustainability\tApprenticeships\tFour apprentices a year\tSeptember 2025
            """,
        ]
    }

    /// A Stage 2 (or, with `stage: 3`, Stage 3) self-assessment for `organisation`: a RAG analysis of the
    /// previous plan (`rag`: action, progress and status, one row each) and a new plan (`plan`: theme,
    /// activity, description, time scale). Cells are kept short so the table's columns stay apart, as a
    /// word processor's table keeps them.
    public static func stage2(
        organisation: String, rag: [(String, String, String)], plan: [(String, String, String, String)],
        stage: Int = 2
    ) -> [String] {
        [
            """
            Technician Commitment Stage \(stage) Self-Assessment & Action Plan
            Organisation: \(organisation)
            Name of Institutional Lead: Dr Alex Example    E-mail: alex.example@institution.test
            1. To provide some context, please provide a brief profile of your organisation. (up to 250 words)
            We are a research-intensive university of 24,000 students across three faculties.
            3. How many technicians are there in your organisation? Please provide some information on where
            they are based and/or how they are structured (in terms of subject/discipline/department).
            There are 430 technicians, based in faculty technical teams and central research facilities.
            Appendix A: RAG analysis of the previous action plan
            Action\tProgress\tRAG status
            """ + rag.map { "\n\($0.0)\t\($0.1)\t\($0.2)" }.joined(),
            """
            6. Please provide a 24-month action plan, detailing future plans to ensure your institution addresses
            the themes of the Technician Commitment and details of how impact will be evidenced.
            Please see Appendix B.
            7. Please evidence how the 'technician voice' was present in the development and formation of the
            institutional action plan.
            The plan was drafted by a working group of twelve technicians from every faculty and revised after
            an online survey of all technical staff that received 214 responses.
            8. Please confirm that your Technician Commitment status and action plan is published on your
            organisation's website and provide the relevant URL below.
            Published at https://www.institution.test/technician-commitment
            Signed  Alex Example  (Technician Commitment Nominated Institutional Lead)
            Date: 10 July 2027
            Signed  Professor Sam Leader  (Technician Commitment Signatory - Leader of Institution)
            Date: 12 July 2027
            Appendix B: Action Plan
            Theme\tActivity\tDescription\tTime scale
            """ + plan.map { "\n\($0.0)\t\($0.1)\t\($0.2)\t\($0.3)" }.joined(),
        ]
    }
}
