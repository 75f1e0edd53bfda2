/// The background colour of a table cell, read from the rendered page: RAG tables are often coloured
/// cells rather than words.
enum CellShade {
    /// `red`, `amber` or `green` when most of the cell's background is that colour.
    static func of(_ box: Box, in bitmap: Bitmap) -> String? {
        let inset = 1.5
        let x1 = Int((box.x1 + inset) * bitmap.scale)
        let x2 = Int((box.x2 - inset) * bitmap.scale)
        let y1 = Int((box.y1 + inset) * bitmap.scale)
        let y2 = Int((box.y2 - inset) * bitmap.scale)
        guard x1 >= 0, y1 >= 0, x2 < bitmap.width, y2 < bitmap.height, x2 - x1 >= 2, y2 - y1 >= 2 else { return nil }
        let step = max(1, min(x2 - x1, y2 - y1) / 12)
        var samples = 0
        var counts: [String: Int] = [:]
        var y = y1
        while y <= y2 {
            var x = x1
            while x <= x2 {
                samples += 1
                if let hue = colour(bitmap.pixel(x, y)) { counts[hue, default: 0] += 1 }
                x += step
            }
            y += step
        }
        guard samples > 0, let best = counts.max(by: { $0.value < $1.value }), best.value * 2 >= samples else {
            return nil
        }
        return best.key
    }

    /// The RAG colour of one saturated pixel, nil for white, grey, black and other colours.
    static func colour(_ pixel: UInt32) -> String? {
        let r = Double((pixel >> 16) & 0xFF) / 255
        let g = Double((pixel >> 8) & 0xFF) / 255
        let b = Double(pixel & 0xFF) / 255
        let high = max(r, g, b)
        let low = min(r, g, b)
        guard high - low >= 0.25, high >= 0.35 else { return nil }
        var hue: Double
        if high == r {
            hue = 60 * ((g - b) / (high - low))
        } else if high == g {
            hue = 60 * ((b - r) / (high - low) + 2)
        } else {
            hue = 60 * ((r - g) / (high - low) + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<20, 335...: return "red"
        case 20..<62: return "amber"
        case 62..<170: return "green"
        default: return nil
        }
    }
}
