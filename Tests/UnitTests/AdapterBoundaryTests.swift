import Foundation
import Testing

/// C lives in the adapters: no raw pointer, `Unmanaged`, `errno` or system call appears in any other module
/// of `Sources/`, so the rest of the product is plain, safe Swift.
@Suite struct AdapterBoundaryTests {
    /// The modules that may touch C: the libraries' adapters and the POSIX one.
    static let adapters: Set<String> = ["MailTransport", "MIME", "PDFReader", "PDFWriter", "Hashing", "POSIX"]

    /// Pointers, and the calls and constants of the C library (a method of the same name, `x.read(`, or a
    /// Swift function with labels, `read(settings:)`, is not one).
    static let forbidden = try! NSRegularExpression(
        pattern: #"""
            Unsafe|OpaquePointer|withMemoryRebound|\bUnmanaged\b|(?<![.\w])errno(?!\s*:)|\bEINTR\b|\bO_[A-Z]+\b|\#
            \bLOCK_(?:EX|NB|UN|SH)\b|\bS_IF[A-Z]+\b|\bSIG_(?:IGN|DFL)\b|posix_spawn|\#
            (?<![.\w])(?<!func )(?:waitpid|fsync|fdatasync|flock|ftruncate|lseek|pread|pwrite|opendir|readdir|\#
            setrlimit|mkdir|unlink|lstat|fstat|stat|poll|pipe|dup2|strlen|strdup|open|close|read|write|rename|kill|\#
            signal)\((?!\)|\s*\w+:)
            """#)

    static var sources: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources").path
    }

    @Test func noModuleOutsideTheAdaptersTouchesC() throws {
        var offences: [String] = []
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources)
        for module in modules.sorted() where !Self.adapters.contains(module) {
            let root = "\(Self.sources)/\(module)"
            for file in FileManager.default.enumerator(atPath: root)?.compactMap({ $0 as? String }) ?? []
            where file.hasSuffix(".swift") {
                let lines = try String(contentsOfFile: "\(root)/\(file)", encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    guard !code.hasPrefix("//") else { continue }
                    let range = NSRange(code.startIndex..., in: code)
                    if Self.forbidden.firstMatch(in: code, range: range) != nil {
                        offences.append("\(module)/\(file):\(number + 1): \(code)")
                    }
                }
            }
        }
        #expect(offences.isEmpty, "C outside the adapters:\n\(offences.joined(separator: "\n"))")
    }

    @Test func thePatternCatchesWhatItIsFor() {
        func caught(_ line: String) -> Bool {
            Self.forbidden.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
        }
        #expect(caught("let fd = open(path, O_RDONLY)"))
        #expect(caught("guard fsync(fd) == 0 else { return }"))
        #expect(caught("bytes.withUnsafeBytes { hasher.update($0) }"))
        #expect(caught("if errno == EINTR { continue }"))
        #expect(!caught("let text = read(settings: settings)"))
        #expect(!caught("try FileSystem.rename(a, to: b)"))
        #expect(!caught("throw .io(path: path, operation: \"read\", errno: code)"))
        #expect(!caught("func close() {"))
    }
}
