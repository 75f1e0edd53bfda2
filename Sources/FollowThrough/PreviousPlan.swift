import Archive
import Foundation
import Prescreen

/// The plan a new form follows on from: the institution's latest filed submission of an earlier stage that
/// has a plan the pre-screen read.
public struct PreviousPlan: Sendable {
    public var reference: String
    public var stage: Int?
    public var report: PrescreenReport

    /// Looks in the institution's folder (wherever its submissions were filed or moved) for the latest
    /// submission of a stage below `stage`, other than `reference`, whose `prescreen.json` has a plan.
    public static func find(layout: ArchiveLayout, institution: String, stage: Int, excluding reference: String)
        -> PreviousPlan?
    {
        let root = "\(layout.root)/\(SafeName.component(institution, fallback: ArchiveLayout.unidentifiedFolder))"
        var best: (record: SubmissionRecord, report: PrescreenReport)?
        for year in FileSystem.list(root) where !year.hasPrefix(".") {
            for month in FileSystem.list("\(root)/\(year)") where !month.hasPrefix(".") {
                for name in FileSystem.list("\(root)/\(year)/\(month)") where name != reference {
                    let folder = "\(root)/\(year)/\(month)/\(name)"
                    guard let record = try? SubmissionRecord.load("\(folder)/\(ArchiveLayout.recordFileName)"),
                        record.status == .filed, record.institution == institution,
                        let earlier = record.stage, earlier < stage,
                        let report = PrescreenReport.load(folder: folder), !report.actionPlan.isEmpty
                    else { continue }
                    if let current = best,
                        (current.record.stage ?? 0, current.record.received) >= (earlier, record.received)
                    {
                        continue
                    }
                    best = (record, report)
                }
            }
        }
        return best.map { PreviousPlan(reference: $0.record.reference, stage: $0.record.stage, report: $0.report) }
    }
}
