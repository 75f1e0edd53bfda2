import Foundation
import TestSupport

// tcreview-bench-archive --count N DIR
//
// Writes a synthetic archive of N made-up submissions for scripts/benchmark. It lives beside the tests,
// not in the product: nobody running the service needs it.
var arguments = Array(CommandLine.arguments.dropFirst())
var count = 10_000
var directory: String?
while !arguments.isEmpty {
    let word = arguments.removeFirst()
    if word == "--count", let text = arguments.first, let number = Int(text), number > 0 {
        count = number
        arguments.removeFirst()
    } else if !word.hasPrefix("-"), directory == nil {
        directory = word
    } else {
        FileHandle.standardError.write(Data("usage: tcreview-bench-archive [--count N] DIR\n".utf8))
        exit(64)
    }
}
guard let directory else {
    FileHandle.standardError.write(Data("usage: tcreview-bench-archive [--count N] DIR\n".utf8))
    exit(64)
}
do {
    try SyntheticArchive.write(count: count, at: directory)
    print("\(count) submissions written to \(directory)")
} catch {
    FileHandle.standardError.write(Data("tcreview-bench-archive: \(error)\n".utf8))
    exit(1)
}
