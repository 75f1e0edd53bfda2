import Foundation

/// The executables this build made, beside the test runner: what the tests run as the service and its
/// children.
public enum BuiltProducts {
    /// The path of the executable `name` (`tcreview`, `tcreview-extract`) built with these tests.
    public static func path(of name: String) -> String {
        let testBinary =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        // The test runner may live inside a .xctest bundle folder.
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent(name).path
    }

    public static let tcreview = path(of: "tcreview")
    public static let extractor = path(of: "tcreview-extract")
}
