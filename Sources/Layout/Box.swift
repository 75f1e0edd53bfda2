/// A rectangle on a page, in PDF points from the page's top-left corner (y grows downwards).
public struct Box: Sendable, Equatable, Codable {
    public var x1: Double
    public var y1: Double
    public var x2: Double
    public var y2: Double

    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }

    public var width: Double { x2 - x1 }
    public var height: Double { y2 - y1 }
    public var midX: Double { (x1 + x2) / 2 }
    public var midY: Double { (y1 + y2) / 2 }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        Box(x1: min(x1, other.x1), y1: min(y1, other.y1), x2: max(x2, other.x2), y2: max(y2, other.y2))
    }

    /// Whether a point lies inside, with `margin` points of slack on every side.
    public func contains(x: Double, y: Double, margin: Double = 0) -> Bool {
        x >= x1 - margin && x <= x2 + margin && y >= y1 - margin && y <= y2 + margin
    }

    /// How much two boxes overlap vertically, in points (0 when they do not).
    public func verticalOverlap(_ other: Box) -> Double { max(0, min(y2, other.y2) - max(y1, other.y1)) }

    /// How much two boxes overlap horizontally, in points (0 when they do not).
    public func horizontalOverlap(_ other: Box) -> Double { max(0, min(x2, other.x2) - max(x1, other.x1)) }

    /// The union of many boxes, nil for none.
    public static func enclosing<S: Sequence>(_ boxes: S) -> Box? where S.Element == Box {
        boxes.reduce(nil as Box?) { result, box in result.map { $0.union(box) } ?? box }
    }

    // Encoded compactly as [x1, y1, x2, y2], rounded to a tenth of a point.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        x1 = try container.decode(Double.self)
        y1 = try container.decode(Double.self)
        x2 = try container.decode(Double.self)
        y2 = try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for value in [x1, y1, x2, y2] { try container.encode((value * 10).rounded() / 10) }
    }
}
