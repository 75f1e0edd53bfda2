/// The `scale =` value: points `<number>: <label>` separated by `|`, consecutive and ascending.
enum ScaleText {
    /// The points read, and a message for each fault (all on the `scale` line).
    static func parse(_ text: String) -> ([ScalePoint], [String]) {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.allSatisfy(\.isEmpty) {
            return ([], ["the scale is empty; write e.g. 'scale = 1: Not evident | 2: Partly evident | 3: Evident'"])
        }
        var points: [ScalePoint] = []
        var messages: [String] = []
        var misordered = false
        for part in parts {
            if part.isEmpty {
                messages.append("the scale has an empty point (two '|' in a row, or one at an end)")
                continue
            }
            guard let colon = part.firstIndex(of: ":"),
                let value = Int(part[..<colon].trimmingCharacters(in: .whitespaces))
            else {
                messages.append(
                    "the scale point '\(part)' must be written '<whole number>: <label>', as in '3: Evident'")
                continue
            }
            let label = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if label.isEmpty {
                messages.append("the scale point \(value) has no label")
                continue
            }
            // Only the first fault of order is reported: a reversed scale is one mistake, not three.
            if let previous = points.last, !misordered {
                if value <= previous.value {
                    misordered = true
                    messages.append("the scale must go up: \(value) comes after \(previous.value)")
                    continue
                }
                if value != previous.value + 1 {
                    misordered = true
                    messages.append(
                        "the scale skips from \(previous.value) to \(value); use consecutive numbers so every score from the lowest to the highest has a label"
                    )
                }
            }
            points.append(ScalePoint(value: value, label: label))
        }
        if points.count == 1, messages.isEmpty {
            messages.append("the scale needs at least two points")
        }
        return (messages.isEmpty ? points : [], messages)
    }
}
