internal import CGMime
internal import CGMimeShims

/// One-time GMime set-up, and the small pointer helpers every file of this module shares.
enum GMime {
    private static let initialized: Void = { g_mime_init() }()

    /// Call before any GMime function.
    static func ensureInitialized() { initialized }
}

/// Views a GObject as one of its parent classes (GObject instances begin with their parent's struct).
func upcast<From, To>(_ pointer: UnsafeMutablePointer<From>, to: To.Type = To.self) -> UnsafeMutablePointer<To> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: To.self)
}

/// Releases a GObject reference; nil is ignored.
func unref<T>(_ pointer: UnsafeMutablePointer<T>?) {
    tc_g_object_unref(pointer.map(UnsafeMutableRawPointer.init))
}

/// A Swift string from a C string that may be nil.
func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

/// A Swift string from a C string GMime allocated for the caller, which is freed here.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    return String(cString: pointer)
}
