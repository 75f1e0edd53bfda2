import Foundation

/// A fresh, empty folder under the system's temporary folder, removed with everything in it when released.
public final class TemporaryDirectory: @unchecked Sendable {
    /// The folder's absolute path, without a trailing slash.
    public let path: String

    public init(prefix: String = "tcreview-test") {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix).XXXXXX")
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { fatalError("mkdtemp failed for \(template): errno \(errno)") }
        path = (String(cString: made) as NSString).resolvingSymlinksInPath
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `name` inside the folder.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `data` to `name` inside the folder (creating subfolders) and returns its path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Writes UTF-8 `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    /// Writes a shell script to `name` inside the folder, makes it executable, and returns its path: a
    /// stand-in for a child process the service starts.
    @discardableResult
    public func writeScript(_ body: String, to name: String) throws -> String {
        let target = try write("#!/bin/sh\n" + body, to: name)
        chmod(target, 0o755)
        return target
    }

    /// Creates the subfolder `name` (and its parents) and returns its path.
    @discardableResult
    public func makeFolder(_ name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }

    /// The names in the folder (or a subfolder), sorted, hidden ones included.
    public func contents(of name: String = "") -> [String] {
        let folder = name.isEmpty ? path : file(name)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}
