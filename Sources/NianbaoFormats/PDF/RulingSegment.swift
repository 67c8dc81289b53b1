/// A horizontal or vertical ruling line on a page, in page points (origin
/// top-left, y downwards), wherever it came from: a PDF's own drawing or,
/// later, lines detected in the pixels of a scan.
public struct RulingSegment: Sendable, Hashable {
    /// Which way the segment runs.
    public enum Axis: Sendable, Hashable {
        case horizontal
        case vertical
    }

    public var axis: Axis
    /// y of a horizontal segment, x of a vertical one.
    public var position: Double
    /// Where the segment starts along its axis (x for horizontal, y for vertical).
    public var start: Double
    /// Where it ends along its axis; `end >= start`.
    public var end: Double
    /// The drawn width of the line (stroke width or rectangle thickness).
    public var width: Double

    public init(axis: Axis, position: Double, start: Double, end: Double, width: Double = 0.5) {
        self.axis = axis
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.width = width
    }

    public var length: Double { end - start }

    /// Whether `value` along the axis lies on the segment, within `tolerance`.
    func covers(_ value: Double, tolerance: Double) -> Bool {
        value >= start - tolerance && value <= end + tolerance
    }
}
