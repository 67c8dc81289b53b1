/// A table's cell grid built from its ruling lines: the grid lines, the basic
/// rectangles between them, and the cells, each a rectangle of basic
/// rectangles (a merged cell covers several). Page points, origin top-left.
public struct CellGrid: Sendable, Hashable {
    /// One cell: its top-left basic rectangle and how many it spans.
    public struct Cell: Sendable, Hashable {
        public var row: Int
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
    }

    /// x of the vertical grid lines, left to right.
    public var xs: [Double]
    /// y of the horizontal grid lines, top to bottom.
    public var ys: [Double]
    /// The cells, in reading order of their top-left corners.
    public var cells: [Cell]
    /// The cell each basic rectangle belongs to: `owner[row][column]` indexes `cells`.
    var owner: [[Int]]

    public var rowCount: Int { max(ys.count - 1, 0) }
    public var columnCount: Int { max(xs.count - 1, 0) }

    /// The basic rectangle holding a point, if the point is inside the grid.
    func basicRectangle(x: Double, y: Double) -> (row: Int, column: Int)? {
        guard let row = Self.interval(y, in: ys), let column = Self.interval(x, in: xs) else { return nil }
        return (row, column)
    }

    /// Whether a point lies inside the grid's outer frame.
    func contains(x: Double, y: Double) -> Bool { basicRectangle(x: x, y: y) != nil }

    /// The index `i` with `lines[i] <= value < lines[i + 1]`.
    private static func interval(_ value: Double, in lines: [Double]) -> Int? {
        guard let first = lines.first, let last = lines.last, value >= first, value < last else { return nil }
        var low = 0
        var high = lines.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if lines[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }
}
