import Foundation
import Testing

/// Debian's Chromium, headless: opens a page of the archive's site as a coordinator's browser does (the
/// page's own script runs) and hands back the document it built.
struct HeadlessBrowser {
    static let executable = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let executable: String
    let profile: String

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        executable = try #require(
            Self.executable, "Chromium is not installed: apt-get install chromium (.ci/run does)",
            sourceLocation: sourceLocation)
        profile = try makeTemporaryDirectory(prefix: "chromium")
    }

    /// The page's DOM after it loaded and its scripts ran, as HTML.
    func dom(of path: String) throws -> String {
        // --no-sandbox: Chromium's sandbox does not start as root; these are the archive's own files.
        let result = try runProcess(
            executable,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)", "--dump-dom",
                URL(fileURLWithPath: path).absoluteString,
            ], environment: ["HOME": profile, "PATH": "/usr/bin:/bin"], timeout: 60)
        guard result.status == 0, result.stdout.contains("</html>") else {
            throw LabError.failed("chromium could not open \(path) (\(result.status)): \(result.stderr.suffix(2000))")
        }
        return result.stdout
    }
}
