import Foundation
import TestSupport
import Testing

@testable import Intake

/// The PDF reader child parses hostile files: it must not see the service's secrets.
@Suite struct PDFInspectorEnvironmentTests {
    @Test func theChildThatReadsPDFsGetsNoneOfTheServicesEnvironment() throws {
        let folder = TemporaryDirectory()
        let dump = folder.file("environment.txt")
        // A stand-in for the extraction child that writes down its environment and answers as the real one.
        let fake = try folder.writeScript(
            "env > '\(dump)'\necho '{\"summary\":{\"pages\":1}}'\n", to: "fake-extract")
        // A variable of this process's own, as the service's passwords are (not their real names: the
        // tests that start the service share this process's environment).
        let name = "TCREVIEW_TEST_SECRET_\(UInt32.random(in: 0...UInt32.max))"
        setenv(name, "secret-in-the-service", 1)
        defer { unsetenv(name) }

        let inspection = PDFInspector(executable: fake, timeout: 10, memoryLimit: 1 << 30).inspect(folder.file("x.pdf"))

        #expect(inspection.pages == 1)
        let environment = try String(contentsOfFile: dump, encoding: .utf8)
        #expect(!environment.contains("secret"))
        #expect(!environment.contains("TCREVIEW"))
        #expect(environment.contains("PATH=/usr/bin:/bin"))
    }
}
