import Foundation
import POSIX
import Prescreen

// tcreview-screen [--memory-limit BYTES] REQUEST
//
// The small child the service starts to pre-screen a submission's text, under the same time and memory
// limits as the PDF reader, because that text comes from a PDF anyone could have crafted. It links the
// pre-screen and nothing else of the service, so it starts quickly. `tcreview screen` does the same job.
var arguments = Array(CommandLine.arguments.dropFirst())
var memoryLimit: Int?
var requestPath: String?

func usage(_ problem: String) -> Never {
    StandardStreams.write("tcreview-screen: \(problem)\nusage: tcreview-screen [--memory-limit BYTES] REQUEST\n")
    exit(64)
}

while !arguments.isEmpty {
    let word = arguments.removeFirst()
    switch word {
    case "--memory-limit" where !arguments.isEmpty:
        let text = arguments.removeFirst()
        guard let bytes = Int(text), bytes > 0 else { usage("--memory-limit needs a number of bytes, not '\(text)'") }
        memoryLimit = bytes
    case let option where option.hasPrefix("--"): usage("\(option) is not an option, or needs a value")
    default: requestPath = word
    }
}
guard let requestPath else { usage("no REQUEST given") }
if let memoryLimit { ProcessLimits.limitMemory(to: memoryLimit) }
do {
    guard let data = FileManager.default.contents(atPath: requestPath) else { usage("cannot read \(requestPath)") }
    let request = try JSONDecoder().decode(ScreenRequest.self, from: data)
    exit(try request.screen() == nil ? 3 : 0)
} catch {
    StandardStreams.write("tcreview-screen: \(error)\n")
    exit(1)
}
