extension FormText {
    /// A submission on the older (2019) form: unnumbered "Comments on …" prompts, the plan as an HTML-ish
    /// table in Appendix A, shaped like a real 2019 submission.
    struct Form2019 {
        /// The value after "Organisation:"; the real example left it empty.
        var organisation = ""
        var url = "In progress"
        var leaderDate = ""

        func pages() -> [String] {
            let guidance = """
                Technician Commitment

                Guidance for Completing the Self-Assessment & Action Plan

                The Technician Commitment is a university and research institution initiative, led by a steering group \
                of sector bodies. To support institutional action planning, please see Appendix A for examples of \
                activities and initiatives. Additional details are available at <http://technicians.org.uk/techniciancommitment/>.
                """
            let form = """
                Technician Commitment

                Evaluating Impact through Self-Assessment & Future Action Planning

                Organisation:\(organisation.isEmpty ? "" : " " + organisation)

                Comments on organisation of technical structures and the internal scope/reach established for the Technician Commitment at this institution:

                In 2017 all technical staff were brought together in one Technical Services department of 140 technicians, reporting to the Deputy Vice-Chancellor.

                Comments on level of initiatives/programmes/activities that were already in place for the technical community within this organisation prior to them becoming a signatory of the Technician Commitment:

                Technical staff could draw on a central fund for vocational qualifications and professional development.

                Comments on initiatives this organisation has put in place to address the themes of the Technician Commitment since becoming a signatory:

                Visibility – all technical staff received updated job descriptions. Recognition – staff were funded for professional certifications.

                Please provide a 24-month action plan, detailing future plans to ensure your organisations addresses the themes of the Technician Commitment and details of how impact will be evidenced: (this may be detailed here or attached to this document as an appendix):

                \u{20}
                Please see 'Appendix A' below

                Please evidence how the 'technician voice' was present in the development and formation of the institutional action plan:

                The Head of Technical Services sits on the senior leadership team, and the action plan below was discussed at all-staff meetings of Technical Services and revised with the recommendations technicians made there.

                Please confirm that your Technician Commitment status and action plan is published on your organisation website and provide the relevant URL here:

                \u{20}
                \(url)



                Signed

                (Technician Commitment Nominated Institutional Lead)

                Date: 6th December 2019

                Signed..........(Technician Commitment Signatory – Leader of Institution)

                Date:\(leaderDate.isEmpty ? "" : " " + leaderDate)
                """
            let appendix = """
                Appendix A: Activities and initiatives to address the themes of the Technician Commitment

                Please note that this is not an exhaustive list, it intends to demonstrate example activities to support institutions in action planning.

                Theme\tActivities
                <p>Visibility</p> <p>Ensure that technicians within the organisation are identifiable</p>\t<ul style="list-style-type: none"> • Publish clear reporting structures - complete • Technicians to feature in prospectuses and marketing materials
                <p>Recognition</p> <p>Promote subject &amp; practice through seminars</p>\t<ul style="list-style-type: none"> • Nominations to external award schemes • Present talks and workshops
                <p>Career Development</p> <p>Enable career progression opportunities</p>\t<ul style="list-style-type: none"> • Review of the technical role

                \t<ul style="list-style-type: none"> • Introduction of an exchange programme between institutions
                <p>Sustainability</p> <p>Ensure the future sustainability of technical skills</p>\t<ul style="list-style-type: none"> • Succession planning for technical roles • A technician apprenticeship programme
                """
            return [guidance, form, appendix]
        }
    }
}
