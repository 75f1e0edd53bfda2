import Foundation

/// A minimal `tcreview.conf` and `institutions.csv` in a test's folder, for tests that build the
/// service's context without a mail lab (the servers named are never reached).
public enum ConfigFixture {
    public static let institutionsHeader = "name,short,domains,aliases,lead,joined\n"

    /// Writes `config/tcreview.conf` (archive in the folder's `Mailbox`, plus `imap` and `service` lines) and
    /// `config/institutions.csv`; returns the config file's path.
    @discardableResult
    public static func write(
        in directory: TemporaryDirectory, imap: [String] = [], service: [String] = [],
        institutions: String = institutionsHeader
    ) throws -> String {
        try directory.write(
            """
            [imap]
            url = imaps://mail.example.org/INBOX
            \(imap.joined(separator: "\n"))
            [smtp]
            url = smtps://mail.example.org
            from = Technician Commitment <tc@example.org>
            [service]
            archive = \(directory.file("Mailbox"))
            coordinators = coord@example.org
            \(service.joined(separator: "\n"))

            """, to: "config/tcreview.conf")
        try directory.write(institutions, to: "config/institutions.csv")
        return directory.file("config/tcreview.conf")
    }
}
