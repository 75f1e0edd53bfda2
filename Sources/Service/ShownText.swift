/// Sender text made safe to show: on one line in the log (one event, one line), and without the
/// invisible characters that reorder text, so a file name cannot pose as another
/// (`LJMU_<U+202E>fdp.exe` displays as `LJMU_exe.pdf`).
public enum ShownText {
    /// On one line: line breaks and tabs shown as `\n`, `\r`, `\t`, other control characters (C0 and C1)
    /// and direction controls as `<U+…>`.
    public static func oneLine(_ text: String) -> String {
        shown(text, named: ["\n": "\\n", "\r": "\\r", "\t": "\\t"]) { scalar in
            isControl(scalar) || (0x80..<0xA0).contains(scalar.value) || isBidiControl(scalar)
        }
    }

    /// A file name with its direction controls and control characters shown as `<U+202E>`.
    public static func fileName(_ name: String) -> String {
        shown(name, named: [:]) { isControl($0) || isBidiControl($0) }
    }

    /// The marks that change the direction text is shown in: embeddings, overrides, isolates, marks.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    /// `text` with each scalar that `hidden` picks written as its name in `named`, or as `<U+…>`.
    private static func shown(
        _ text: String, named: [Unicode.Scalar: String], hidden: (Unicode.Scalar) -> Bool
    ) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let name = named[scalar] {
                out += name
            } else if hidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
