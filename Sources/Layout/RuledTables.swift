/// Finds tables drawn with ruling lines ("lattice"), as pdfplumber and Camelot do: rules that touch form
/// a grid; the rectangles between neighbouring rules are cells; where an inner rule is absent, the cells
/// on either side are one merged cell (a theme spanning several actions).
enum RuledTables {
    /// Coordinates closer than this, in points, are the same line.
    static let snap = 2.5

    /// A table's grid: column and row edges, and its cells as rectangles of grid positions.
    struct Grid {
        var xs: [Double]
        var ys: [Double]
        var cells: [Cell]

        struct Cell {
            var column: Int
            var row: Int
            var columnSpan: Int
            var rowSpan: Int
        }

        var box: Box { Box(x1: xs.first!, y1: ys.first!, x2: xs.last!, y2: ys.last!) }

        func box(of cell: Cell) -> Box {
            Box(
                x1: xs[cell.column], y1: ys[cell.row], x2: xs[cell.column + cell.columnSpan],
                y2: ys[cell.row + cell.rowSpan])
        }
    }

    static func grids(_ rules: [Rule]) -> [Grid] {
        let horizontals = rules.filter { $0.direction == .horizontal }
        let verticals = rules.filter { $0.direction == .vertical }
        guard horizontals.count >= 2, verticals.count >= 2 else { return [] }

        // Rules that cross or touch belong to one table.
        var sets = DisjointSets(count: rules.count)
        let all = horizontals + verticals
        for (h, horizontal) in horizontals.enumerated() {
            for (v, vertical) in verticals.enumerated() where touches(horizontal, vertical) {
                sets.join(horizontals.count + v, h)
            }
        }
        var groups: [Int: [Rule]] = [:]
        for index in all.indices { groups[sets.find(index), default: []].append(all[index]) }
        return groups.values.compactMap(grid).sorted { ($0.ys[0], $0.xs[0]) < ($1.ys[0], $1.xs[0]) }
    }

    private static func touches(_ h: Rule, _ v: Rule) -> Bool {
        v.position >= h.start - snap && v.position <= h.end + snap && h.position >= v.start - snap
            && h.position <= v.end + snap
    }

    private static func grid(_ rules: [Rule]) -> Grid? {
        let horizontals = rules.filter { $0.direction == .horizontal }
        let verticals = rules.filter { $0.direction == .vertical }
        let xs = cluster(verticals.map(\.position))
        let ys = cluster(horizontals.map(\.position))
        guard xs.count >= 2, ys.count >= 2, xs.count * ys.count >= 6 || (xs.count >= 2 && ys.count >= 3) else {
            return nil
        }
        let columns = xs.count - 1
        let rows = ys.count - 1
        guard columns * rows >= 2 else { return nil }

        func verticalRule(at x: Double, from y1: Double, to y2: Double) -> Bool {
            verticals.contains { abs($0.position - x) <= snap && overlap($0, y1, y2) >= 0.6 * (y2 - y1) }
        }
        func horizontalRule(at y: Double, from x1: Double, to x2: Double) -> Bool {
            horizontals.contains { abs($0.position - y) <= snap && overlap($0, x1, x2) >= 0.6 * (x2 - x1) }
        }

        // Grid positions joined where no rule separates them.
        var sets = DisjointSets(count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let here = row * columns + column
                if column + 1 < columns, !verticalRule(at: xs[column + 1], from: ys[row], to: ys[row + 1]) {
                    sets.join(here, here + 1)
                }
                if row + 1 < rows, !horizontalRule(at: ys[row + 1], from: xs[column], to: xs[column + 1]) {
                    sets.join(here, here + columns)
                }
            }
        }
        var extents: [Int: (c1: Int, r1: Int, c2: Int, r2: Int)] = [:]
        for row in 0..<rows {
            for column in 0..<columns {
                let root = sets.find(row * columns + column)
                if let e = extents[root] {
                    extents[root] = (min(e.c1, column), min(e.r1, row), max(e.c2, column), max(e.r2, row))
                } else {
                    extents[root] = (column, row, column, row)
                }
            }
        }
        let cells = extents.values.map {
            Grid.Cell(column: $0.c1, row: $0.r1, columnSpan: $0.c2 - $0.c1 + 1, rowSpan: $0.r2 - $0.r1 + 1)
        }.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        // A frame around text (one cell) is not a table.
        guard cells.count >= 2 else { return nil }
        return Grid(xs: xs, ys: ys, cells: cells)
    }

    private static func overlap(_ rule: Rule, _ a: Double, _ b: Double) -> Double {
        max(0, min(rule.end, b) - max(rule.start, a))
    }

    /// Sorted positions, with those within `snap` of each other replaced by their mean.
    static func cluster(_ values: [Double]) -> [Double] {
        var result: [Double] = []
        var group: [Double] = []
        for value in values.sorted() {
            if let last = group.last, value - last > snap {
                result.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(value)
        }
        if !group.isEmpty { result.append(group.reduce(0, +) / Double(group.count)) }
        return result
    }
}
