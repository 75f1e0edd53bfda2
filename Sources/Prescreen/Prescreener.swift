/// The pre-screen: a first pass over a submission's text that says which form it is, whether each
/// question is answered, and what the institution still needs to add before peer review.
public enum Prescreener {
    /// Fewer visible characters than this, over all pages, means a scanned or image-only PDF.
    public static let minimumText = 200

    /// Screens the text of a submission.
    ///
    /// - Parameter institutionNames: the name and aliases (and short code) of the institution the
    ///   submission was filed under, or empty when unidentified.
    public static func screen(_ text: DocumentText, institutionNames: [String]) -> PrescreenReport {
        let document = ScreenText(text)
        guard document.visibleCharacterCount >= minimumText else { return imageOnly }

        let formStart = FormStart.find(in: document)
        let form = FormDetector.detect(document, formStart: formStart)
        let questions = FormQuestions.questions(for: form)
        let headings = Set(
            text.layout?.pages.flatMap(\.blocks).filter { $0.kind == .heading }.flatMap { $0.lines ?? [] }
                .map { ScreenText.keys($0.text).joined(separator: " ") } ?? [])
        let layout = FormLayout(document: document, questions: questions, formStart: formStart, headings: headings)
        var context = ScreenContext(document: document, form: form, layout: layout)
        if let pages = text.layout {
            context.pages = pages
            context.tables = ReadTable.all(in: pages)
            context.signOffs = SignOffReading(layout: pages, tables: context.tables)
        }
        let answers = AnswerCheck(context: context)

        var findings: [Finding] = []
        if form == .unknown {
            findings.append(
                Finding(
                    id: "form", level: .attention, title: "Form recognised",
                    detail:
                        "The PDF does not look like a Technician Commitment self-assessment form; please use the current template from the Technician Commitment team."
                ))
        }
        if let organisation = OrganisationCheck.check(context: context, institutionNames: institutionNames) {
            findings.append(organisation)
        }

        var profileWords: Int?
        var plan: [ActionPlanRow] = []
        var planColumns: String?
        for question in questions {
            let outcome = answers.outcome(question)
            if question.optional, case .notFound = outcome { continue }
            switch question.topic {
            case .plan:
                let result = ActionPlanCheck(context: context).check(outcome)
                plan = result.rows
                planColumns = result.columns
                findings += result.findings
            case .voice:
                findings.append(TechnicianVoiceCheck.check(outcome, context: context))
            case .url:
                findings.append(URLCheck.check(context: context, answer: outcome))
            default:
                findings.append(AnswerCheck.finding(question, outcome, context: context))
            }
            if question.topic == .profile, case .answered(let section) = outcome {
                let (finding, count) = ProfileLengthCheck.check(section, context: context)
                findings.append(finding)
                profileWords = count
            }
            if question.topic == .count || question.topic == .structures {
                findings.append(TechnicianCountCheck.check(context: context))
            }
        }
        if !questions.contains(where: { $0.topic == .count || $0.topic == .structures }) {
            findings.append(TechnicianCountCheck.check(context: context))
        }

        let ragTable = RAGTableReader(tables: context.tables).read()
        // The RAG analysis from its table; from the text only when no table was read.
        let rag = ragTable == nil ? RAGCounter.count(in: document, from: formStart) : nil
        let ragCounts = ragTable.map(\.counts) ?? rag.flatMap { $0.counts.total > 0 ? $0.counts : nil }
        if form == .stage2 || form == .stage3 {
            if let ragTable {
                findings.append(RAGCheck.check(ragTable, context: context))
            } else if let rag {
                findings.append(RAGCheck.check(rag, context: context))
            }
        }
        findings.append(SignOffCheck.check(.lead, context: context))
        findings.append(SignOffCheck.check(.leader, context: context))

        return PrescreenReport(
            form: form, findings: findings, actionPlan: plan, profileWordCount: profileWords,
            rag: ragCounts, organisation: OrganisationCheck.named(in: context)?.name, hasText: true,
            planColumns: planColumns, ragMapping: ragTable?.mapping.isEmpty == false ? ragTable?.mapping : nil,
            ragRows: ragTable?.rows)
    }

    /// The one finding for a PDF with no readable text.
    static let imageOnly = PrescreenReport(
        form: .unknown,
        findings: [
            Finding(
                id: "text", level: .missing, title: "Text can be read",
                detail:
                    "Your PDF looks like a scan or an image: no text could be read — please send the PDF exported from your word processor."
            )
        ],
        hasText: false)
}
