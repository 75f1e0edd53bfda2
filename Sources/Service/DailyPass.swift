import Archive
import Foundation

extension ServiceContext {
    private struct LastRun: Codable {
        var day: String
    }

    /// Runs `pass` once per London calendar day for the workflow `name`: the first call on a new day runs
    /// it, later ones that day return 0. A pass that throws runs again on the next call.
    public func oncePerDay(_ name: String, now: Date, _ pass: () throws -> Int) throws -> Int {
        let day = UKCalendar.dayString(now)
        if state.load(LastRun.self, kind: name, key: "last-run")?.day == day { return 0 }
        let done = try pass()
        try state.save(LastRun(day: day), kind: name, key: "last-run")
        return done
    }
}
