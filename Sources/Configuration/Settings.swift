import Foundation

/// Everything the service reads from `tcreview.conf` and the files beside it.
public struct Settings: Sendable {
    public struct Server: Sendable, Equatable {
        public var url: String
        public var user: String?
        public var password: String?
        public var caFile: String?
    }

    public var imap: Server
    /// The IMAP folder processed messages move to; nil marks them with `processedKeyword` instead.
    public var filedFolder: String?
    public var processedKeyword = "$TCReviewFiled"
    /// Whether new mail is waited for with IMAP IDLE where the server offers it (`[imap] idle`), polling
    /// every `pollInterval` all the same; false: polling alone.
    public var idle: Bool = true
    public var smtp: Server
    /// The `From` of every message the service sends, e.g. `Technician Commitment <tc@example.org>`.
    public var from: String
    /// The archive folder, absolute.
    public var archive: String
    public var pollInterval: Int
    public var maxMessageSize: Int
    public var coordinators: [String]
    /// The most automatic replies one sender gets in an hour.
    public var repliesPerHour: Int
    /// Seconds a mail server may take to answer a command (`[service] transfer-timeout`); a message's
    /// transfer gets this and a second per 20 KB.
    public var transferTimeout: Int = 120
    /// Seconds a PDF reader child may run.
    public var pdfTimeout: Double
    /// Bytes of address space a PDF reader child may use.
    public var pdfMemoryLimit: Int
    public var institutions: [Institution]
    /// The folder the config file is in; the other config files are looked up here.
    public var configDirectory: String
    /// The folder of review rubrics, absolute (`[service] rubrics`, default `Rubrics`).
    public var rubricsFolder: String = "Rubrics"
    /// Days before a review's due date that the reviewer is reminded.
    public var reminderDaysBefore: Int = 3
    /// Days overdue after which the coordinators are told.
    public var overdueNotifyDays: Int = 7
    /// Whether reviewers are assigned as soon as a submission is filed.
    public var autoAssign: Bool = true
    /// The receiving server's name in `Authentication-Results` (`[review] authserv-id`): when set, a review
    /// is applied only if that server saw DKIM or DMARC pass for it.
    public var authservID: String?
    /// Whether compiled feedback goes to the institution at once, instead of as a draft to the coordinators.
    public var autoSendFeedback: Bool = false
    /// Weeks before a submission window closes that leads who owe a stage are reminded; 0 is off.
    public var remindLeadsWeeks: Int = 0
    /// Whether `tcreview insights` may name institutions beside their examples (`[insights] name-institutions`).
    public var nameInstitutions: Bool = false
    /// The vocabulary of kinds of initiative (`[insights] vocabulary`, default `initiatives.txt` beside the
    /// config file), absolute.
    public var vocabularyFile: String = "initiatives.txt"

    /// `reviewers.csv` beside the config file.
    public var reviewersFile: String { (configDirectory as NSString).appendingPathComponent("reviewers.csv") }
}

extension Settings {
    /// The institution `name` names in institutions.csv: its short name, or its full name, in any case.
    public func institution(named name: String) -> Institution? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return institutions.first { $0.short.lowercased() == wanted }
            ?? institutions.first { $0.name.lowercased() == wanted }
    }
}
