import Configuration
import MailTransport

extension Settings {
    public var imapServer: MailServer {
        MailServer(
            url: imap.url, user: imap.user, password: imap.password, caFile: imap.caFile,
            transferTimeout: transferTimeout)
    }

    public var smtpServer: MailServer {
        MailServer(
            url: smtp.url, user: smtp.user, password: smtp.password, caFile: smtp.caFile,
            transferTimeout: transferTimeout)
    }
}
