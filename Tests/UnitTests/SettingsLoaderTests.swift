import Configuration
import Foundation
import Service
import TestSupport
import Testing

/// A configuration folder with `tcreview.conf`, `institutions.csv` and a password file, each replaceable by a test.
private struct ConfigFolder {
    static let validConfig = """
        # tcreview configuration
        [imap]
        url = imaps://mail.example.org/INBOX
        user = tc
        password-file = imap.password
        filed-folder = Filed

        [smtp]
        url = smtps://mail.example.org
        from = Technician Commitment <tc@example.org>

        [service]
        archive = Mailbox
        poll-interval = 60
        coordinators = coord@example.org, second@example.org

        """

    static let validInstitutions = """
        name,short,domains,aliases,lead,joined
        Liverpool John Moores University,LJMU,ljmu.ac.uk,John Moores,lead@ljmu.ac.uk,2017-05
        Queen Mary University of London,QMUL,qmul.ac.uk;QM.ac.uk,"QMUL; Queen Mary, London",,

        """

    let folder = TemporaryDirectory()
    let config: String
    var configPath: String { folder.file("tcreview.conf") }
    var csvPath: String { folder.file("institutions.csv") }

    init(config: String = validConfig, institutions: String? = validInstitutions, password: String? = "file-secret\n")
        throws
    {
        self.config = config
        try folder.write(config, to: "tcreview.conf")
        if let institutions { try folder.write(institutions, to: "institutions.csv") }
        if let password { try folder.write(password, to: "imap.password") }
    }

    /// The 1-based line of the configuration that contains `text`.
    func line(of text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let lines = config.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(text) }) else {
            Issue.record("no line contains \(text)", sourceLocation: sourceLocation)
            return -1
        }
        return index + 1
    }

    func check(environment: [String: String] = [:], workingDirectory: String = "/srv/tcreview") -> (
        Settings?, [ConfigProblem]
    ) {
        SettingsLoader(environment: environment, workingDirectory: workingDirectory).check(configPath: configPath)
    }
}

/// The valid configuration with one line replaced (or removed, when `with` is nil).
private func config(replacing old: String, with new: String?) -> String {
    precondition(ConfigFolder.validConfig.contains(old), "fixture has no line \(old)")
    return ConfigFolder.validConfig.replacingOccurrences(of: old + "\n", with: new.map { $0 + "\n" } ?? "")
}

/// Expects exactly one problem, at `file:line`, whose message contains `text`.
private func expectOneProblem(
    _ problems: [ConfigProblem], file: String, line: Int, containing text: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(problems.count == 1, "problems: \(problems)", sourceLocation: sourceLocation)
    guard let problem = problems.first else { return }
    #expect(problem.file == file, sourceLocation: sourceLocation)
    #expect(problem.line == line, "\(problem)", sourceLocation: sourceLocation)
    #expect(problem.message.contains(text), "\(problem)", sourceLocation: sourceLocation)
}

@Suite struct SettingsLoaderTests {
    @Test func validConfigurationLoads() throws {
        let folder = try ConfigFolder()
        let settings = try SettingsLoader(environment: [:], workingDirectory: "/srv/tcreview")
            .load(configPath: folder.configPath)
        #expect(settings.imap.url == "imaps://mail.example.org/INBOX")
        #expect(settings.imap.user == "tc")
        #expect(settings.imap.password == "file-secret")
        #expect(settings.imap.caFile == nil)
        #expect(settings.filedFolder == "Filed")
        #expect(settings.smtp.url == "smtps://mail.example.org")
        #expect(settings.smtp.user == nil)
        #expect(settings.smtp.password == nil)
        #expect(settings.archive == "/srv/tcreview/Mailbox")
        #expect(settings.from == "Technician Commitment <tc@example.org>")
        #expect(settings.coordinators == ["coord@example.org", "second@example.org"])
        #expect(settings.pollInterval == 60)
        #expect(settings.maxMessageSize == 25 << 20)
        #expect(settings.repliesPerHour == 5)
        #expect(settings.configDirectory == folder.folder.path)
        #expect(settings.institutions.map(\.short) == ["LJMU", "QMUL"])
    }

    @Test func unknownKeyIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(config: config(replacing: "poll-interval = 60", with: "poll-intervall = 60"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "poll-intervall"),
            containing: "unknown key 'poll-intervall' in [service]")
    }

    @Test func unknownSectionIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(config: ConfigFolder.validConfig + "[notifications]\nsend = x\n")
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "[notifications]"),
            containing: "unknown section [notifications]")
    }

    @Test func missingURLIsReportedOnItsSectionLine() throws {
        let folder = try ConfigFolder(config: config(replacing: "url = imaps://mail.example.org/INBOX", with: nil))
        let (settings, problems) = folder.check()
        #expect(settings == nil)
        expectOneProblem(
            problems, file: folder.configPath, line: folder.line(of: "[imap]"), containing: "url is required")
    }

    @Test(arguments: ["http://mail.example.org/INBOX", "smtps://mail.example.org", "mail.example.org"])
    func urlWithTheWrongSchemeIsReportedOnItsLine(url: String) throws {
        let folder = try ConfigFolder(
            config: config(replacing: "url = imaps://mail.example.org/INBOX", with: "url = \(url)"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "url = \(url)"),
            containing: "must start with imaps:// or imap://")
    }

    @Test func urlCarryingAUserIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "url = smtps://mail.example.org", with: "url = smtps://tc@mail.example.org"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "smtps://tc@"),
            containing: "carry no user or password")
    }

    @Test(arguments: ["soon", "0", "-5", "100000", "6O"])
    func pollIntervalThatIsNotAnAllowedNumberIsReported(value: String) throws {
        let folder = try ConfigFolder(config: config(replacing: "poll-interval = 60", with: "poll-interval = \(value)"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "poll-interval"),
            containing: "poll-interval must be a whole number from 1 to 86400")
    }

    @Test(arguments: ["slow", "0", "3601"])
    func transferTimeoutThatIsNotAnAllowedNumberIsReported(value: String) throws {
        let folder = try ConfigFolder(
            config: config(replacing: "poll-interval = 60", with: "poll-interval = 60\ntransfer-timeout = \(value)"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "transfer-timeout"),
            containing: "transfer-timeout must be a whole number from 1 to 3600")
    }

    @Test(arguments: [
        ("[review]", "auto-assign"), ("[feedback]", "auto-send"), ("[insights]", "name-institutions"),
    ])
    func aYesOrNoKeyWithAnotherWordIsReportedOnItsLine(section: String, key: String) throws {
        let folder = try ConfigFolder(
            config: config(replacing: "poll-interval = 60", with: "poll-interval = 60")
                + "\n\(section)\n\(key) = maybe\n")
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "\(key) = maybe"),
            containing: "\(key) must be yes or no")
    }

    @Test func insightsNameNobodyUnlessAskedAndFindTheVocabularyBesideTheConfig() throws {
        let plain = try #require(
            try ConfigFolder(config: config(replacing: "poll-interval = 60", with: "poll-interval = 60")).check().0)
        #expect(!plain.nameInstitutions && plain.vocabularyFile.hasSuffix("/initiatives.txt"))
        let named = try ConfigFolder(
            config: config(replacing: "poll-interval = 60", with: "poll-interval = 60")
                + "\n[insights]\nname-institutions = yes\nvocabulary = kinds.txt\n")
        let settings = try #require(named.check().0)
        #expect(settings.nameInstitutions && settings.vocabularyFile == named.folder.file("kinds.txt"))
    }

    @Test func transferTimeoutBoundsBothMailServers() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "poll-interval = 60", with: "poll-interval = 60\ntransfer-timeout = 7"))
        let settings = try #require(folder.check().0)
        #expect(settings.imapServer.transferTime() == 7)
        #expect(settings.smtpServer.transferTime(size: 40_000) == 9)
    }

    @Test func badCoordinatorAddressIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(
            config: config(
                replacing: "coordinators = coord@example.org, second@example.org",
                with: "coordinators = coord@example.org, second at example.org"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "coordinators"),
            containing: "coordinator 'second at example.org' is not an email address")
    }

    @Test func missingCoordinatorsAreReportedOnTheServiceSection() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "coordinators = coord@example.org, second@example.org", with: nil))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "[service]"),
            containing: "coordinators must list at least one address")
    }

    @Test func fromWithoutAnAddressIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(
            config: config(
                replacing: "from = Technician Commitment <tc@example.org>", with: "from = Technician Commitment"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "from ="), containing: "no usable address")
    }

    @Test func missingInstitutionsFileIsReportedAgainstThatFile() throws {
        let folder = try ConfigFolder(institutions: nil)
        let (settings, problems) = folder.check()
        #expect(settings != nil)
        expectOneProblem(problems, file: folder.csvPath, line: 0, containing: "cannot read institutions.csv")
        #expect(throws: ConfigErrors.self) {
            try SettingsLoader(environment: [:], workingDirectory: "/srv").load(configPath: folder.configPath)
        }
    }

    @Test func faultyInstitutionRowIsReportedWithItsCSVLine() throws {
        let folder = try ConfigFolder(
            institutions: ConfigFolder.validInstitutions + "Aberystwyth University,ABER,aber.ac.uk,,lead-at-aber,\n")
        expectOneProblem(
            folder.check().1, file: folder.csvPath, line: 4,
            containing: "the lead 'lead-at-aber' is not an email address")
    }

    @Test func missingConfigFileIsReported() {
        let folder = TemporaryDirectory()
        let path = folder.file("nothing.conf")
        let (settings, problems) = SettingsLoader(environment: [:], workingDirectory: folder.path).check(
            configPath: path)
        #expect(settings == nil)
        expectOneProblem(problems, file: path, line: 0, containing: "cannot read the file")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let broken = config(replacing: "poll-interval = 60", with: "poll-interval = soon")
            .replacingOccurrences(of: "url = smtps://mail.example.org", with: "url = http://mail.example.org")
        let folder = try ConfigFolder(config: broken, institutions: nil)
        let error = #expect(throws: ConfigErrors.self) {
            try SettingsLoader(environment: [:], workingDirectory: "/srv").load(configPath: folder.configPath)
        }
        #expect(error?.problems.count == 3)
        #expect(error?.description.components(separatedBy: "\n").count == 3)
    }

    @Test func problemDescriptionIsFileColonLineColonMessage() {
        #expect(ConfigProblem(file: "tc.conf", line: 7, message: "bad").description == "tc.conf:7: bad")
        #expect(ConfigProblem(file: "tc.conf", line: 0, message: "bad").description == "tc.conf: bad")
    }

    @Test func configWithCRLFLineEndingsLoads() throws {
        let folder = try ConfigFolder(config: ConfigFolder.validConfig.replacingOccurrences(of: "\n", with: "\r\n"))
        let (settings, problems) = folder.check()
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings?.imap.url == "imaps://mail.example.org/INBOX")
        #expect(settings?.pollInterval == 60)
    }

    @Test func institutionsFileWithAByteOrderMarkLoads() throws {
        let folder = try ConfigFolder(institutions: "\u{FEFF}" + ConfigFolder.validInstitutions)
        let (settings, problems) = folder.check()
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings?.institutions.count == 2)
    }
}

@Suite struct SettingsPasswordTests {
    @Test func passwordIsReadFromThePasswordFileBesideTheConfig() throws {
        let folder = try ConfigFolder(password: "from-file\r\n")
        #expect(folder.check().0?.imap.password == "from-file")
    }

    @Test func environmentPasswordOverridesThePasswordFile() throws {
        let folder = try ConfigFolder(password: "from-file\n")
        let (settings, problems) = folder.check(environment: ["TCREVIEW_IMAP_PASSWORD": "from-env"])
        #expect(problems.isEmpty)
        #expect(settings?.imap.password == "from-env")
    }

    @Test func environmentPasswordReplacesAMissingPasswordFile() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "password-file = imap.password", with: nil), password: nil)
        let (settings, problems) = folder.check(environment: ["TCREVIEW_IMAP_PASSWORD": "from-env"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings?.imap.password == "from-env")
    }

    @Test func environmentPasswordMeansAnUnreadablePasswordFileIsNotNeeded() throws {
        let folder = try ConfigFolder(password: nil)
        let (settings, problems) = folder.check(environment: ["TCREVIEW_IMAP_PASSWORD": "from-env"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings?.imap.password == "from-env")
    }

    @Test func unreadablePasswordFileIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(password: nil)
        let problems = folder.check().1
        #expect(
            problems.contains {
                $0.line == folder.line(of: "password-file") && $0.message.contains("cannot read the password file")
            }, "\(problems)")
    }

    @Test func userWithoutAnyPasswordIsReportedOnTheUserLine() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "password-file = imap.password", with: nil), password: nil)
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "user = tc"),
            containing: "user is set but no password")
    }

    @Test func emptyPasswordVariableCountsAsNoPassword() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "password-file = imap.password", with: nil), password: nil)
        expectOneProblem(
            folder.check(environment: ["TCREVIEW_IMAP_PASSWORD": ""]).1, file: folder.configPath,
            line: folder.line(of: "user = tc"), containing: "user is set but no password")
    }

    @Test func smtpPasswordComesFromItsOwnVariable() throws {
        let folder = try ConfigFolder(
            config: config(
                replacing: "url = smtps://mail.example.org", with: "url = smtps://mail.example.org\nuser = tc"))
        let settings = folder.check(environment: ["TCREVIEW_SMTP_PASSWORD": "smtp-secret"]).0
        #expect(settings?.smtp.password == "smtp-secret")
        #expect(settings?.imap.password == "file-secret")
    }

    @Test func passwordNeverAppearsInAProblemMessage() throws {
        let secrets = ["Hunter2-file", "Hunter2-env", "Hunter2-url", "Hunter2-inline"]
        let broken = """
            [imap]
            url = imaps://tc:Hunter2-url@mail.example.org/INBOX
            user = tc
            password = Hunter2-inline
            password-file = imap.password
            ca-file = missing.pem

            [smtp]
            url = smtp://tc:Hunter2-url@mail.example.org:587
            user = tc
            password-file = smtp.password
            from = nobody

            [service]
            poll-interval = soon

            """
        let folder = try ConfigFolder(config: broken, institutions: "name\n", password: "Hunter2-file\n")
        let problems = folder.check(environment: ["TCREVIEW_SMTP_PASSWORD": "Hunter2-env"]).1
        #expect(problems.count >= 6, "\(problems)")
        for problem in problems {
            for secret in secrets {
                #expect(!problem.description.contains(secret), "\(problem)")
            }
        }
    }
}

@Suite struct SettingsPathTests {
    @Test(arguments: [
        ("Mailbox", "/srv/tcreview/Mailbox"),
        ("data/./Mailbox/", "/srv/tcreview/data/Mailbox"),
        ("../shared/Mailbox", "/srv/shared/Mailbox"),
        ("/var/lib/tcreview", "/var/lib/tcreview"),
    ])
    func archivePathIsResolvedAgainstTheWorkingDirectory(written: String, resolved: String) throws {
        let folder = try ConfigFolder(config: config(replacing: "archive = Mailbox", with: "archive = \(written)"))
        #expect(folder.check(workingDirectory: "/srv/tcreview").0?.archive == resolved)
    }

    @Test func archiveDefaultsToMailboxInTheWorkingDirectory() throws {
        let folder = try ConfigFolder(config: config(replacing: "archive = Mailbox", with: nil))
        #expect(folder.check(workingDirectory: "/srv/tcreview").0?.archive == "/srv/tcreview/Mailbox")
    }

    @Test func caFileIsResolvedAgainstTheConfigFolder() throws {
        let folder = try ConfigFolder(
            config: config(replacing: "user = tc", with: "user = tc\nca-file = certs/ca.pem"))
        try folder.folder.write("-----BEGIN CERTIFICATE-----\n", to: "certs/ca.pem")
        let (settings, problems) = folder.check()
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings?.imap.caFile == folder.folder.file("certs/ca.pem"))
    }

    @Test func missingCAFileIsReportedOnItsLine() throws {
        let folder = try ConfigFolder(config: config(replacing: "user = tc", with: "user = tc\nca-file = certs/ca.pem"))
        expectOneProblem(
            folder.check().1, file: folder.configPath, line: folder.line(of: "ca-file"), containing: "does not exist")
    }
}
