import Archive
import ArchiveView
import Configuration
import Foundation
import MIME
import Service

/// The leads' deadline reminders: a workflow of its own beside intake and review, run once a day by the
/// serve loop (`everyCycle`) and by `tcreview remind`.
public struct LeadReminders: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The service's clock.
    public var clock: @Sendable () -> Date { context.clock }

    /// Runs the reminders once per calendar day (London): the first call on a new day does it; returns how
    /// many were queued.
    @discardableResult
    public func remindIfNewDay(now: Date) throws -> Int {
        try context.oncePerDay("deadlines", now: now) { try remindLeads(now: now) }
    }

    /// Reminds each institution's lead that a stage is due, `[deadlines] remind-leads-weeks` weeks before
    /// the window closes; once per institution, stage and window. Returns how many were queued.
    func remindLeads(now: Date) throws -> Int {
        let weeks = context.settings.remindLeadsWeeks
        guard weeks > 0 else { return 0 }
        let summaries = ArchiveScanner.summaries(archive: context.settings.archive, now: now)
        let rows = Deadlines.rows(institutions: context.settings.institutions, summaries: summaries, now: now)
        var queued = 0
        for row in rows
        where row.state == "due" && row.windowCloses.timeIntervalSince(now) <= Double(weeks) * 7 * 86_400 {
            guard let institution = context.settings.institutions.first(where: { $0.short == row.short }),
                let lead = institution.lead
            else { continue }
            let id = "DEADLINE-\(row.short)-\(row.window)-stage-\(row.stage)"
            guard !context.outbox.contains(id: id) else { continue }
            var body = "Dear colleague,\n\n"
            body += "This is a friendly reminder that \(institution.name)'s Stage \(row.stage) Technician Commitment "
            body +=
                "self-assessment and action plan is due in the window that closes on \(UKCalendar.longDate(row.windowCloses)). "
            body +=
                "Please email the completed form, as one PDF titled \"\(institution.name) \(Letters.monthYear(row.windowCloses.monthInLondon, row.windowCloses.yearInLondon))\", "
            body += "to this address.\n\nIf you have already sent it, thank you, and please ignore this message.\n\n"
            body += "With best wishes,\nThe Technician Commitment team\n"
            let message = OutgoingMessage(
                from: context.serviceAddress, to: [MailAddress(address: lead)],
                subject:
                    "Reminder: your Stage \(row.stage) self-assessment is due by \(UKCalendar.longDate(row.windowCloses))",
                messageID: context.letters(now: now).messageID(id, "deadline"), date: now,
                autoSubmitted: "auto-generated", body: Letters.wrapped(body))
            try context.enqueue(message, id: id, reference: id)
            queued += 1
        }
        return queued
    }
}

extension Date {
    fileprivate var monthInLondon: Int { UKCalendar.calendar.component(.month, from: self) }
    fileprivate var yearInLondon: Int { UKCalendar.calendar.component(.year, from: self) }
}
