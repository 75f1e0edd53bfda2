import Archive
import Configuration
import Foundation
import MIME
import Review
import Service

/// What coordinators ask of the review desk by replying to its notices: file an unidentified submission
/// under an institution, chase a reviewer, and apply a reply that was kept aside. Each is safe to ask twice.
extension ReviewDesk {
    /// Records an unidentified submission as `institution`'s, moves its folder under that institution, and
    /// assigns reviewers. Asked again (or for a submission already that institution's), it only assigns.
    public func assign(reference: String, to institution: Institution) throws -> AssignmentResult {
        var (folder, record) = try submission(reference)
        if let current = record.institution, current != institution.name {
            throw ActionError.alreadyIdentified(reference: reference, institution: current)
        }
        let parent = context.layout.monthFolder(institution: institution.name, year: record.year, month: record.month)
        if (folder as NSString).deletingLastPathComponent != parent {
            // The folder moves first and whole (one rename); the record then says whose it is. A crash between
            // the two leaves it under the institution, which 'assign' reads as the coordinators' word.
            try FileSystem.makeDirectory(parent)
            let destination = "\(parent)/\(reference)"
            guard !FileSystem.exists(destination) else { throw ActionError.folderTaken(destination) }
            try FileSystem.rename(folder, to: destination)
            try FileSystem.syncDirectory((folder as NSString).deletingLastPathComponent)
            folder = destination
            context.log.record(
                "moved", reference: reference,
                "\(reference): folder moved under \(institution.name) by a coordinator",
                detail: ["folder": String(destination.dropFirst(context.layout.root.count + 1))])
        }
        if record.institution == nil {
            record.institution = institution.name
            record.institutionShort = institution.short
            record.identifiedBy = "coordinator"
            try FileSystem.writeAtomically(try record.encoded(), to: "\(folder)/\(ArchiveLayout.recordFileName)")
            context.log.record(
                "identified", reference: reference, "\(reference): recorded as \(institution.name)'s by a coordinator")
        }
        return try assign(record: record, folder: folder)
    }

    /// The open assignments of a submission, for the coordinators' `status` and for choosing whom to chase.
    public func openAssignments(reference: String) throws -> [AssignmentRecord] {
        let (folder, _) = try submission(reference)
        return store.assignments(in: folder).filter { $0.status == .open }
    }

    /// Every assignment of a submission, withdrawn ones included.
    public func assignments(reference: String) throws -> [AssignmentRecord] {
        let (folder, _) = try submission(reference)
        return store.assignments(in: folder)
    }

    /// Sends the reviewer of the open assignment tagged `tag` a reminder today (once a day at most), and
    /// records it; returns the reviewer's address, and whether a reminder had already gone today.
    public func remindNow(reference: String, tag: String) throws -> (reviewer: String, alreadyToday: Bool) {
        let (folder, _) = try submission(reference)
        guard let assignment = store.assignments(in: folder).first(where: { $0.tag == tag && $0.status == .open })
        else { throw ActionError.notAssigned(reference: reference, reviewer: "the reviewer of this notice") }
        let now = context.clock()
        let day = UKCalendar.dayString(now).replacingOccurrences(of: "-", with: "")
        let id = "\(reference)-reminder-\(assignment.tag)-\(day)"
        if context.outbox.contains(id: id) { return (assignment.reviewer, true) }
        let overdue = assignment.due < now
        try context.enqueue(
            letters.reminder(items: [(assignment, overdue)], day: day), id: id, reference: reference)
        var records = store.assignments(in: folder)
        if let index = records.firstIndex(where: { $0.token == assignment.token }) {
            records[index].remindersSent.append(now)
            try store.save(records, in: folder)
        }
        context.log.record(
            "reminder", reference: reference, "\(reference): reminder to \(assignment.reviewer), asked by a coordinator"
        )
        return (assignment.reviewer, false)
    }
}
