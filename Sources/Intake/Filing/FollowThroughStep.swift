import Archive
import FollowThrough
import Foundation
import Prescreen

/// For a Stage 2 or 3 form from a known institution: compares it with the institution's previous plan and
/// writes `followthrough.json` and `.txt` into the work folder, to be filed with the pre-screen.
enum FollowThroughStep {
    static func run(
        report: PrescreenReport, institution: String?, reference: String, directory: String, layout: ArchiveLayout
    ) throws -> [SubmissionFiler.Input] {
        guard let institution, let stage = report.form.stage, stage >= 2,
            let previous = PreviousPlan.find(
                layout: layout, institution: institution, stage: stage, excluding: reference)
        else { return [] }
        let comparison = FollowThroughReport.compare(
            reference: reference, report: report, previousReference: previous.reference,
            previousStage: previous.stage, previous: previous.report)
        let json = "\(directory)/\(FollowThroughReport.fileName)"
        let text = "\(directory)/\(FollowThroughReport.textFileName)"
        try FileSystem.writeAtomically(try JSONFiles.encoder.encode(comparison), to: json, durable: false)
        try FileSystem.writeAtomically(Data(comparison.renderText().utf8), to: text, durable: false)
        return [(json, FollowThroughReport.fileName), (text, FollowThroughReport.textFileName)].map {
            SubmissionFiler.Input(source: $0.0, name: $0.1, originalName: nil, pages: nil, role: .prescreen)
        }
    }
}
