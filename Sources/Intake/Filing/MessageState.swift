/// What the service remembers about one message, keyed by its Message-ID (or content hash).
///
/// Written before the submission folder is created, so a crash part way through finishes the same
/// filing under the same reference on restart instead of starting a second one.
struct MessageState: Codable, Equatable {
    var reference: String
    /// The submission or quarantine folder, relative to the archive.
    var folder: String
    var lettersQueued: Bool
    /// Why nothing could be filed, for the letters.
    var quarantine: QuarantineReason?
    var notes: [String] = []
}

/// What the service remembers about one IMAP UID (with its UIDVALIDITY): that its message was handled.
struct UIDState: Codable, Equatable {
    var reference: String
}
