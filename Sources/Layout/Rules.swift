/// A ruling line: horizontal (`y` fixed, from `start` to `end` along x) or vertical (`x` fixed, along y).
public struct Rule: Sendable, Equatable {
    public enum Direction: Sendable { case horizontal, vertical }
    public var direction: Direction
    /// The fixed coordinate: y of a horizontal rule, x of a vertical one, in points.
    public var position: Double
    public var start: Double
    public var end: Double

    public init(_ direction: Direction, at position: Double, from start: Double, to end: Double) {
        self.direction = direction
        self.position = position
        self.start = start
        self.end = end
    }

    public var length: Double { end - start }
}

/// Finds ruling lines in a rendered page: long, thin runs of dark pixels (as Camelot's lattice mode
/// does with morphological opening). Letters make only short runs; filled areas are too thick.
public enum RuleFinder {
    /// A run shorter than this, in points, is part of a letter, not a rule.
    public static let minimumLength = 12.0
    /// A run thicker than this, in points, is a filled shape, not a rule.
    static let maximumThickness = 3.0

    public static func rules(in bitmap: Bitmap) -> [Rule] {
        horizontal(bitmap) + vertical(bitmap)
    }

    private struct Run {
        var position: Int
        var start: Int
        var end: Int
        var thickness: Int
    }

    private static func horizontal(_ bitmap: Bitmap) -> [Rule] {
        let minimum = Int(minimumLength * bitmap.scale)
        let width = bitmap.width
        var open: [Run] = []
        var done: [Run] = []
        var runs: [(Int, Int)] = []
        let pixels = bitmap.pixels.span
        for y in 0..<bitmap.height {
            runs.removeAll(keepingCapacity: true)
            let row = y * width
            var x = 0
            while x < width {
                // Most of a page is white: step over it first.
                guard !Bitmap.isWhite(pixels[row + x]), Bitmap.isInk(pixels[row + x]) else {
                    x += 1
                    continue
                }
                let start = x
                while x < width, Bitmap.isInk(pixels[row + x]) { x += 1 }
                if x - start >= minimum { runs.append((start, x)) }
            }
            if !runs.isEmpty || !open.isEmpty { merge(runs, at: y, open: &open, done: &done) }
        }
        done += open
        return done.compactMap { rule($0, .horizontal, bitmap) }
    }

    /// Vertical runs are looked for on every other row: a rule long enough to count spans many, and the
    /// scan costs half as much.
    private static func vertical(_ bitmap: Bitmap) -> [Rule] {
        let step = 2
        let minimum = Int32(minimumLength * bitmap.scale) / Int32(step)
        let width = bitmap.width
        // Going down the rows, each column's current run of ink; a run that ends long enough is kept.
        var length = [Int32](repeating: 0, count: width)
        var ended: [(x: Int, start: Int, end: Int)] = []
        let pixels = bitmap.pixels.span
        var lengths = length.mutableSpan
        for y in stride(from: 0, through: bitmap.height + step - 1, by: step) {
            let inside = y < bitmap.height
            let row = y * width
            for x in 0..<width {
                if inside, !Bitmap.isWhite(pixels[row + x]), Bitmap.isInk(pixels[row + x]) {
                    lengths[x] += 1
                } else if lengths[x] > 0 {
                    if lengths[x] >= minimum { ended.append((x, y - Int(lengths[x]) * step, y - step + 1)) }
                    lengths[x] = 0
                }
            }
        }
        ended.sort { ($0.x, $0.start) < ($1.x, $1.start) }
        var open: [Run] = []
        var done: [Run] = []
        var index = 0
        while index < ended.count {
            let x = ended[index].x
            var runs: [(Int, Int)] = []
            while index < ended.count, ended[index].x == x {
                runs.append((ended[index].start, ended[index].end))
                index += 1
            }
            merge(runs, at: x, open: &open, done: &done)
        }
        done += open
        return done.compactMap { rule($0, .vertical, bitmap) }
    }

    /// Joins this line of runs to the runs of the line before that they overlap (a rule two pixels thick).
    private static func merge(_ runs: [(Int, Int)], at position: Int, open: inout [Run], done: inout [Run]) {
        var next: [Run] = []
        for (start, end) in runs {
            if let index = open.firstIndex(where: { $0.position + $0.thickness == position && overlap($0, start, end) })
            {
                var run = open.remove(at: index)
                run.start = min(run.start, start)
                run.end = max(run.end, end)
                run.thickness += 1
                next.append(run)
            } else {
                next.append(Run(position: position, start: start, end: end, thickness: 1))
            }
        }
        done += open
        open = next
    }

    private static func overlap(_ run: Run, _ start: Int, _ end: Int) -> Bool {
        let shared = min(run.end, end) - max(run.start, start)
        return Double(shared) >= 0.8 * Double(min(run.end - run.start, end - start))
    }

    private static func rule(_ run: Run, _ direction: Rule.Direction, _ bitmap: Bitmap) -> Rule? {
        guard Double(run.thickness) <= maximumThickness * bitmap.scale else { return nil }
        let scale = bitmap.scale
        let middle = (Double(run.position) + Double(run.thickness) / 2) / scale
        return Rule(direction, at: middle, from: Double(run.start) / scale, to: Double(run.end) / scale)
    }
}
