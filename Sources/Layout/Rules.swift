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
        var open: [Run] = []
        var done: [Run] = []
        for y in 0..<bitmap.height {
            var runs: [(Int, Int)] = []
            var x = 0
            let row = y * bitmap.width
            while x < bitmap.width {
                guard Bitmap.isInk(bitmap.pixels[row + x]) else {
                    x += 1
                    continue
                }
                let start = x
                while x < bitmap.width, Bitmap.isInk(bitmap.pixels[row + x]) { x += 1 }
                if x - start >= minimum { runs.append((start, x)) }
            }
            merge(runs, at: y, open: &open, done: &done)
        }
        done += open
        return done.compactMap { rule($0, .horizontal, bitmap) }
    }

    private static func vertical(_ bitmap: Bitmap) -> [Rule] {
        let minimum = Int(minimumLength * bitmap.scale)
        var open: [Run] = []
        var done: [Run] = []
        // Column by column, counting each column's current run as it goes down the rows.
        var runStart = [Int](repeating: -1, count: bitmap.width)
        var runsByColumn = [[(Int, Int)]](repeating: [], count: bitmap.width)
        for y in 0...bitmap.height {
            let row = y * bitmap.width
            for x in 0..<bitmap.width {
                let ink = y < bitmap.height && Bitmap.isInk(bitmap.pixels[row + x])
                if ink {
                    if runStart[x] < 0 { runStart[x] = y }
                } else if runStart[x] >= 0 {
                    if y - runStart[x] >= minimum { runsByColumn[x].append((runStart[x], y)) }
                    runStart[x] = -1
                }
            }
        }
        for x in 0..<bitmap.width { merge(runsByColumn[x], at: x, open: &open, done: &done) }
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
