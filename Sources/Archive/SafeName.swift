import Foundation

/// Turns text a sender controls into one safe path component.
///
/// No `/`, `\`, NUL or other control character, no leading dot (so no `..` and no hidden files), no
/// characters that trouble common file managers, at most `maxBytes` of UTF-8; never empty.
public enum SafeName {
    public static func component(_ text: String, fallback: String, maxBytes: Int = 120) -> String {
        // Keep only the last path segment of names like `C:\Users\x\plan.pdf` or `../../x`.
        let lastSegment = text.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        var previousWasSpace = false
        for scalar in lastSegment.precomposedStringWithCanonicalMapping.unicodeScalars {
            let category = scalar.properties.generalCategory
            let unsafe =
                category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || category == .surrogate || category == .unassigned
                || category == .privateUse || ":*?\"<>|".unicodeScalars.contains(scalar)
            let isSpace = unsafe || scalar.properties.isWhitespace
            if isSpace {
                if !previousWasSpace, !scalars.isEmpty {
                    scalars.append(unsafe && !scalar.properties.isWhitespace ? "_" : " ")
                }
                previousWasSpace = true
            } else {
                scalars.append(scalar)
                previousWasSpace = false
            }
        }
        var name = String(scalars).trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        name = name.trimmingCharacters(in: .whitespaces)
        name = truncate(name, maxBytes: maxBytes)
        return name.isEmpty ? fallback : name
    }

    /// A safe file name that keeps (or adds) the extension, e.g. `.pdf`.
    public static func fileName(_ text: String, extension ext: String, fallback: String, maxBytes: Int = 120) -> String
    {
        var base = component(text, fallback: "", maxBytes: 1000)
        if base.lowercased().hasSuffix("." + ext) { base = String(base.dropLast(ext.count + 1)) }
        base = truncate(base.trimmingCharacters(in: .whitespaces), maxBytes: maxBytes - ext.utf8.count - 1)
        if base.isEmpty || base.hasSuffix(".") { base = base.isEmpty ? fallback : base + "_" }
        return base + "." + ext
    }

    /// The longest prefix of whole characters within `maxBytes` of UTF-8.
    static func truncate(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var result = ""
        for character in text {
            if result.utf8.count + String(character).utf8.count > maxBytes { break }
            result.append(character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
