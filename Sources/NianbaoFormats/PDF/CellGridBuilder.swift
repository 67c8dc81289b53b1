/// Builds cell grids from a page's ruling segments, wherever they came from.
///
/// Collinear pieces (dashes, per-cell borders, the two lines of a double rule)
/// are merged into lines; lines that cross or touch form one table; the x of
/// its vertical lines and the y of its horizontal ones are the grid lines. A
/// table without outer side rules gets them from where its horizontal rules
/// end, and one whose closing rule is left off (at a page break) gets it where
/// its vertical rules end. Between two basic rectangles a missing rule means
/// they are one merged cell.
public struct CellGridBuilder: Sendable {
    /// Lines closer than this are one grid line (double and thick rules).
    public var snap = 3.0
    /// Collinear pieces with a gap up to this are one line (dashed rules).
    public var joinGap = 4.5
    /// How near a line's end must come to another line to touch it.
    public var touch = 3.0
    /// Most grid lines a table may have in either direction.
    public var maxLines = 400

    public init() {}

    /// The tables the segments draw, top to bottom.
    public func grids(_ segments: [RulingSegment]) -> [CellGrid] {
        let horizontal = lines(segments.filter { $0.axis == .horizontal && $0.length.isFinite && $0.position.isFinite })
        let vertical = lines(segments.filter { $0.axis == .vertical && $0.length.isFinite && $0.position.isFinite })
        guard !horizontal.isEmpty, !vertical.isEmpty,
              horizontal.count <= 50 * maxLines, vertical.count <= 50 * maxLines else { return [] }
        var sets = DisjointSets(count: horizontal.count + vertical.count)
        for (h, across) in horizontal.enumerated() {
            for (v, down) in vertical.enumerated() where touches(across, down) {
                sets.join(h, horizontal.count + v)
            }
        }
        var groups: [Int: (h: [RulingSegment], v: [RulingSegment])] = [:]
        for (index, line) in horizontal.enumerated() { groups[sets.root(index), default: ([], [])].h.append(line) }
        for (index, line) in vertical.enumerated() { groups[sets.root(horizontal.count + index), default: ([], [])].v.append(line) }
        return groups.values.compactMap { grid(horizontal: $0.h, vertical: $0.v) }.sorted { ($0.ys[0], $0.xs[0]) < ($1.ys[0], $1.xs[0]) }
    }

    /// How far apart two parallel lines of these widths may lie and still be one
    /// grid line: `snap` between their edges (the two lines of a double rule).
    private func reach(_ a: Double, _ b: Double) -> Double {
        snap + min(max(a, b), 4)
    }

    private func touches(_ h: RulingSegment, _ v: RulingSegment) -> Bool {
        h.covers(v.position, tolerance: touch) && v.covers(h.position, tolerance: touch)
    }

    /// Segments of one axis merged into lines: pieces within reach of one another
    /// (the two lines of a double rule) whose extents overlap or nearly touch
    /// (dashes, per-cell borders) are one line. Pieces of different tables that
    /// happen to lie at nearly the same position stay apart, as their extents do.
    func lines(_ segments: [RulingSegment]) -> [RulingSegment] {
        var lines: [RulingSegment] = []
        var sums: [(position: Double, count: Double)] = []
        for piece in segments.sorted(by: { $0.position < $1.position }) {
            var match: Int?
            var index = lines.count - 1
            while index >= 0, piece.position - lines[index].position <= 2 * snap + 8 {
                let line = lines[index]
                if piece.position - line.position <= reach(line.width, piece.width),
                   piece.start <= line.end + joinGap, line.start <= piece.end + joinGap {
                    match = index
                    break
                }
                index -= 1
            }
            if let match {
                lines[match].start = min(lines[match].start, piece.start)
                lines[match].end = max(lines[match].end, piece.end)
                lines[match].width = max(lines[match].width, piece.width)
                sums[match].position += piece.position
                sums[match].count += 1
                lines[match].position = sums[match].position / sums[match].count
            } else {
                lines.append(piece)
                sums.append((piece.position, 1))
            }
        }
        return lines
    }

    /// The grid of one group of touching lines, with implied outer lines, or nil if it is no table.
    private func grid(horizontal: [RulingSegment], vertical: [RulingSegment]) -> CellGrid? {
        // A lone rule (an underline, a rule touching nothing) is no table.
        guard !horizontal.isEmpty, !vertical.isEmpty else { return nil }
        var horizontal = horizontal
        var vertical = vertical
        // Outer side rules left off: the horizontal rules' ends imply them.
        let left = horizontal.map(\.start).min()!
        let right = horizontal.map(\.end).max()!
        for side in [left, right] where !vertical.contains(where: { abs($0.position - side) <= reach($0.width, $0.width) }) {
            let reaching = horizontal.filter { $0.covers(side, tolerance: snap) && abs((side == left ? $0.start : $0.end) - side) <= snap }
            if reaching.count >= 2 {
                vertical.append(RulingSegment(axis: .vertical, position: side, start: reaching.map(\.position).min()!,
                                              end: reaching.map(\.position).max()!))
            }
        }
        // A closing (or opening) rule left off at a page break: the vertical rules' ends imply it.
        let top = vertical.map(\.start).min()!
        let bottom = vertical.map(\.end).max()!
        for edge in [top, bottom] where !horizontal.contains(where: { abs($0.position - edge) <= reach($0.width, $0.width) }) {
            let reaching = vertical.filter { abs((edge == top ? $0.start : $0.end) - edge) <= snap }
            if !reaching.isEmpty, horizontal.count >= 2 {
                horizontal.append(RulingSegment(axis: .horizontal, position: edge, start: horizontal.map(\.start).min()!,
                                                end: horizontal.map(\.end).max()!))
            }
        }
        let xs = positions(vertical)
        let ys = positions(horizontal)
        guard xs.count >= 2, ys.count >= 2, xs.count <= maxLines, ys.count <= maxLines,
              (xs.count - 1) * (ys.count - 1) >= 2 else { return nil }
        let rows = ys.count - 1
        let columns = xs.count - 1
        var sets = DisjointSets(count: rows * columns)
        for row in 0..<rows {
            let middle = (ys[row] + ys[row + 1]) / 2
            for column in 1..<max(columns, 1) where !vertical.contains(where: {
                abs($0.position - xs[column]) <= reach($0.width, 0) && $0.covers(middle, tolerance: 0)
            }) {
                sets.join(row * columns + column - 1, row * columns + column)
            }
        }
        for row in 1..<max(rows, 1) {
            for column in 0..<columns {
                let middle = (xs[column] + xs[column + 1]) / 2
                if !horizontal.contains(where: { abs($0.position - ys[row]) <= reach($0.width, 0) && $0.covers(middle, tolerance: 0) }) {
                    sets.join((row - 1) * columns + column, row * columns + column)
                }
            }
        }
        var cellOfRoot: [Int: Int] = [:]
        var cells: [CellGrid.Cell] = []
        var owner = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let key = sets.root(row * columns + column)
                if let index = cellOfRoot[key] {
                    owner[row][column] = index
                    let cell = cells[index]
                    cells[index].rowSpan = max(cell.rowSpan, row - cell.row + 1)
                    cells[index].columnSpan = max(cell.columnSpan, column - cell.column + 1)
                    if column < cell.column {
                        cells[index].columnSpan += cell.column - column
                        cells[index].column = column
                    }
                } else {
                    cellOfRoot[key] = cells.count
                    owner[row][column] = cells.count
                    cells.append(CellGrid.Cell(row: row, column: column, rowSpan: 1, columnSpan: 1))
                }
            }
        }
        return CellGrid(xs: xs, ys: ys, cells: cells, owner: owner)
    }

    /// The distinct positions of lines, those within reach of one another averaged into one.
    private func positions(_ lines: [RulingSegment]) -> [Double] {
        var result: [(first: Double, width: Double, positions: [Double])] = []
        for line in lines.sorted(by: { $0.position < $1.position }) {
            if let last = result.last, line.position - last.first <= reach(last.width, line.width) {
                result[result.count - 1].positions.append(line.position)
                result[result.count - 1].width = max(last.width, line.width)
            } else {
                result.append((line.position, line.width, [line.position]))
            }
        }
        return result.map { $0.positions.reduce(0, +) / Double($0.positions.count) }
    }
}
