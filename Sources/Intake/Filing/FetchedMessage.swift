import Foundation

/// A message downloaded into the archive's scratch folder, ready to be processed.
public struct FetchedMessage: Sendable {
    /// The message file (or only its header when `size` is over the limit).
    public var path: String
    /// The size the server reported.
    public var size: Int
    /// True when only the header was fetched, because the message is over `max-message-size`.
    public var headerOnly: Bool
    public var uidValidity: UInt32?
    public var uid: UInt32?

    public init(path: String, size: Int, headerOnly: Bool = false, uidValidity: UInt32? = nil, uid: UInt32? = nil) {
        self.path = path
        self.size = size
        self.headerOnly = headerOnly
        self.uidValidity = uidValidity
        self.uid = uid
    }
}
