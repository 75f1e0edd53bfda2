import Foundation
import POSIX
import Prescreen

// tcreview-screen [--memory-limit BYTES] REQUEST
//
// The small child the service starts to pre-screen a submission's text, under the same time and memory
// limits as the PDF reader, because that text comes from a PDF anyone could have crafted. It links the
// pre-screen and nothing else of the service, so it starts quickly. `tcreview screen` does the same job.
let commandLine = ChildCommandLine(
    Array(CommandLine.arguments.dropFirst()), valued: [], usage: "tcreview-screen [--memory-limit BYTES] REQUEST")
do {
    guard let data = FileManager.default.contents(atPath: commandLine.positional) else {
        StandardStreams.write("tcreview-screen: cannot read \(commandLine.positional)\n")
        exit(66)
    }
    let request = try JSONDecoder().decode(ScreenRequest.self, from: data)
    exit(try request.screen() == nil ? 3 : 0)
} catch {
    StandardStreams.write("tcreview-screen: \(error)\n")
    exit(1)
}
