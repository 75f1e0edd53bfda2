/// The prompts of the Technician Commitment forms, as printed on the 2024 Initial form, the 2019 form
/// and the Stage 3 form, keyed by topic.
enum PromptBank {
    static let profile = Question.Prompt(
        text: "To provide some context, please provide a brief profile of your organisation. (up to 250 words)",
        anchors: ["brief profile of your organisation", "profile of your organisation", "profile of your institution"])

    static let definition = Question.Prompt(
        text: "Please tell us how your organisation defines its technicians.",
        anchors: ["defines its technicians", "define its technicians", "organisation defines technicians"])

    static let governance = Question.Prompt(
        text: """
            Please provide an overview of the governance, leadership and reporting lines of the Technician \
            Commitment at your institution, along with details on how it is resourced, and information on how \
            your organisation has engaged with the wider community within and beyond your institution. How has \
            this developed since you became a signatory?
            """,
        anchors: ["governance leadership and reporting lines", "overview of the governance"])

    static let count = Question.Prompt(
        text: """
            How many technicians are there in your organisation? Please provide some information on where they \
            are based and/or how they are structured (in terms of subject/discipline/department).
            """,
        anchors: ["how many technicians are there", "how many technicians"])

    static let structures2019 = Question.Prompt(
        text: """
            Comments on organisation of technical structures and the internal scope/reach established for the \
            Technician Commitment at this institution:
            """,
        anchors: ["organisation of technical structures", "organisation of technical structure"])

    static let before = Question.Prompt(
        text: """
            Please provide details of initiatives/programmes/activities that were already in place for the \
            technical community within your organisation prior to becoming a signatory of the Technician Commitment.
            """,
        anchors: ["already in place for the technical community"])

    static let before2019 = Question.Prompt(
        text: """
            Comments on level of initiatives/programmes/activities that were already in place for the technical \
            community within this organisation prior to them becoming a signatory of the Technician Commitment:
            """,
        anchors: ["comments on level of initiatives"])

    static let impact = Question.Prompt(
        text: """
            Please provide evidence that your previous action plans are having impact. (For example, you may wish \
            to provide links to initiatives, websites, testimonials, articles/blogs).
            """,
        anchors: ["previous action plans are having impact", "previous action plan is having impact"])

    static let since = Question.Prompt(
        text: """
            The Technician Commitment aims to ensure visibility, recognition, career development and sustainability \
            for technical staff across higher education and research. Please tell us of any initiatives your \
            organisation has put in place to address these themes since becoming a signatory of the Technician \
            Commitment.
            """,
        anchors: ["put in place to address these themes"])

    static let since2019 = Question.Prompt(
        text: """
            Comments on initiatives this organisation has put in place to address the themes of the Technician \
            Commitment since becoming a signatory:
            """,
        anchors: ["put in place to address the themes"])

    static let talent = Question.Prompt(
        text: """
            Please provide details of how your institution is enacting the recommendations of the TALENT \
            Commission (https://www.mitalent.ac.uk/theTALENTcommission).
            """,
        anchors: ["recommendations of the talent commission", "talent commission"])

    static let plan = Question.Prompt(
        text: """
            Please provide a 24-month action plan, detailing future plans to ensure your institution addresses the \
            themes of the Technician Commitment and details of how impact will be evidenced. This may be detailed \
            here or attached to this document as an appendix.
            """,
        anchors: ["detailing future plans", "24 month action plan"])

    static let plan36 = Question.Prompt(
        text: """
            Please provide a 24/36-month action plan, detailing future plans to ensure your institution addresses \
            the themes of the Technician Commitment and details of how impact will be evidenced. This may be \
            detailed here or attached to this document as an appendix.
            """,
        anchors: ["36 month action plan"])

    static let voice = Question.Prompt(
        text: """
            Please evidence how the 'technician voice' was present in the development and formation of the \
            institutional action plan.
            """,
        anchors: ["evidence how the technician voice", "technician voice was present"])

    static let url = Question.Prompt(
        text: """
            Please confirm that your Technician Commitment status and action plan is published on your \
            organisation's website and provide the relevant URL below.
            """,
        anchors: ["provide the relevant url", "action plan is published on your"])

    static let url2019 = Question.Prompt(
        text: """
            Please confirm that your Technician Commitment status and action plan is published on your \
            organisation website and provide the relevant URL here:
            """,
        anchors: ["provide the relevant url", "action plan is published on your"])

    static let plan2019 = Question.Prompt(
        text: """
            Please provide a 24-month action plan, detailing future plans to ensure your organisations addresses \
            the themes of the Technician Commitment and details of how impact will be evidenced: (this may be \
            detailed here or attached to this document as an appendix):
            """,
        anchors: ["detailing future plans", "24 month action plan"])
}
