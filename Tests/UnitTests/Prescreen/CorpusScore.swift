import Foundation
import Layout
import PDFReader

@testable import Prescreen

/// The project's own corpus of realistic forms (`Corpus/`, made by `Corpus/make-corpus`) and their
/// hand-written labels, read the way the service reads a submission, and scored.
struct CorpusLabel: Decodable {
    struct Row: Decodable, Equatable {
        var theme: String
        var activity: String
        var description: String
        var timescale: String
        var page: Int
    }
    struct SignOff: Decodable {
        var name: String
        var date: String
    }
    struct SignOffs: Decodable {
        var lead: SignOff?
        var leader: SignOff?
    }

    var file: String
    var about: String
    var form: String
    var organisation: String
    var complete: Bool
    var findings: [String: String]
    var actionPlan: [Row]
    var rag: RAGCounts?
    var signoffs: SignOffs?
}

/// What the pre-screen got right and wrong over the corpus.
struct CorpusScore {
    var findingsRight = 0
    var findingsLabelled = 0
    /// `missing` findings the institution would be told that the labels say are not missing.
    var falseMissing: [String] = []
    var plansExact = 0
    var plans = 0
    var ragExact = 0
    var rags = 0
    /// Sign-offs reported ok that the labels say are missing.
    var falseOK: [String] = []
    /// Every disagreement, for the test's log.
    var wrong: [String] = []

    var summary: String {
        "\(findingsRight)/\(findingsLabelled) labelled findings right; \(falseMissing.count) false missing; "
            + "plan rows exact in \(plansExact)/\(plans); RAG counts exact in \(ragExact)/\(rags); "
            + "\(falseOK.count) false ok on a sign-off"
    }

    var findingsRate: Double { findingsLabelled == 0 ? 1 : Double(findingsRight) / Double(findingsLabelled) }
    var plansRate: Double { plans == 0 ? 1 : Double(plansExact) / Double(plans) }

    mutating func add(_ label: CorpusLabel, _ report: PrescreenReport) {
        let name = label.file
        for (id, expected) in label.findings.sorted(by: { $0.key < $1.key }) {
            findingsLabelled += 1
            let found = report.finding(id)
            let level = found.map { $0.certainty == .certain ? $0.level.rawValue : "unsure-\($0.level.rawValue)" }
            if level == expected {
                findingsRight += 1
            } else {
                wrong.append("\(name): \(id) expected \(expected), got \(level ?? "none") — \(found?.detail ?? "")")
            }
        }
        for finding in report.findings where finding.level == .missing && finding.certainty == .certain {
            if label.findings[finding.id] != "missing" {
                falseMissing.append("\(name): \(finding.id) — \(finding.detail)")
            }
        }
        for id in ["signoff-lead", "signoff-leader"] where label.findings[id] == "missing" {
            if report.finding(id)?.level == .ok { falseOK.append("\(name): \(id) — \(report.finding(id)!.detail)") }
        }
        if !label.actionPlan.isEmpty {
            plans += 1
            let read = report.actionPlan.map {
                CorpusLabel.Row(
                    theme: $0.theme, activity: Self.plain($0.activity), description: Self.plain($0.description),
                    timescale: Self.plain($0.timescale), page: $0.page)
            }
            let expected = label.actionPlan.map {
                CorpusLabel.Row(
                    theme: $0.theme, activity: Self.plain($0.activity), description: Self.plain($0.description),
                    timescale: Self.plain($0.timescale), page: $0.page)
            }
            if read == expected {
                plansExact += 1
            } else {
                wrong.append("\(name): plan read \(read.count) rows, labelled \(expected.count)")
                for (index, row) in expected.enumerated() where index >= read.count || read[index] != row {
                    wrong.append("  expected \(row)\n  got      \(index < read.count ? "\(read[index])" : "nothing")")
                    break
                }
            }
        }
        if let rag = label.rag {
            rags += 1
            if report.rag == rag {
                ragExact += 1
            } else {
                wrong.append("\(name): RAG expected \(rag), got \(report.rag.map { "\($0)" } ?? "none")")
            }
        }
    }

    static func plain(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

enum Corpus {
    /// A corpus bundled with the tests (`Corpus`, `HeldOut`), or the folder `TCREVIEW_CORPUS` names (to
    /// score another set, such as one kept outside the project).
    static func folder(_ name: String) throws -> URL {
        if let path = ProcessInfo.processInfo.environment["TCREVIEW_CORPUS"] { return URL(fileURLWithPath: path) }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    static func labels(_ name: String) throws -> [CorpusLabel] {
        let data = try Data(contentsOf: try folder(name).appendingPathComponent("labels.json"))
        return try JSONDecoder().decode([CorpusLabel].self, from: data)
    }

    /// Reads a corpus PDF as the extraction child does: layout, then text from it.
    static func document(_ file: String, in name: String) throws -> DocumentText {
        let pdf = try PDFDocument(path: try folder(name).appendingPathComponent("pdf/\(file)").path)
        let layout = pdf.layout()
        return DocumentText(pages: layout.pages.map(PlainText.text), layout: layout)
    }
}

extension Corpus {
    /// Scores every labelled PDF of a corpus.
    static func score(_ name: String) throws -> (score: CorpusScore, count: Int) {
        var score = CorpusScore()
        let labels = try labels(name)
        for label in labels {
            let report = Prescreener.screen(try document(label.file, in: name), institutionNames: [label.organisation])
            score.add(label, report)
        }
        return (score, labels.count)
    }
}
