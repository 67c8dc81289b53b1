/// The rules of a scan without the stray ones that cut a sliver out of a table: the strokes of a
/// line of text ("三" of "3.危及“三安全一稳定”") can line up like a short rule a few points from a
/// real one, and the grid then has a row (or column) too narrow for text that splits a label in two.
/// Of the two rules bounding a sliver, the shorter (summed over its pieces within the table) is the
/// stray one and goes. A grid that is mostly slivers (bold title type) is left as it is.
struct GridSlivers {
    /// The thinnest row and column that hold a line of text, in page points.
    var minRow = 8.0
    var minColumn = 12.0

    func removed(from segments: [RulingSegment], builder: CellGridBuilder = CellGridBuilder()) -> [RulingSegment] {
        var segments = segments
        // Each pass drops one stray rule; a table has at most a few.
        for _ in 0..<6 {
            guard let stray = stray(in: builder.grids(segments), segments) else { break }
            segments = segments.enumerated().filter { !stray.contains($0.offset) }.map(\.element)
        }
        return segments
    }

    /// The indices of the pieces of one stray rule, if a grid has a sliver.
    private func stray(in grids: [CellGrid], _ segments: [RulingSegment]) -> Set<Int>? {
        for grid in grids {
            if let rule = stray(lines: grid.ys, across: (grid.xs.first ?? 0, grid.xs.last ?? 0), axis: .horizontal,
                                minimum: minRow, segments) { return rule }
            if let rule = stray(lines: grid.xs, across: (grid.ys.first ?? 0, grid.ys.last ?? 0), axis: .vertical,
                                minimum: minColumn, segments) { return rule }
        }
        return nil
    }

    private func stray(lines: [Double], across: (Double, Double), axis: RulingSegment.Axis, minimum: Double,
                       _ segments: [RulingSegment]) -> Set<Int>? {
        let gaps = zip(lines, lines.dropFirst()).map { $1 - $0 }
        let thin = gaps.indices.filter { gaps[$0] < minimum }
        // Mostly slivers: not a table but type; leave it to be refused whole.
        guard let sliver = thin.first, thin.count * 3 <= gaps.count else { return nil }
        // The pieces along each of the two lines, within the table.
        func pieces(_ line: Int) -> [Int] {
            segments.indices.filter { index in
                let segment = segments[index]
                guard segment.axis == axis, segment.end > across.0, segment.start < across.1 else { return false }
                let nearest = lines.indices.min { abs(lines[$0] - segment.position) < abs(lines[$1] - segment.position) }
                return nearest == line && abs(segment.position - lines[line]) <= minimum / 2
            }
        }
        let first = pieces(sliver), second = pieces(sliver + 1)
        let length = { (indices: [Int]) in indices.reduce(0.0) { $0 + segments[$1].length } }
        let shorter = length(first) <= length(second) ? first : second
        return shorter.isEmpty ? nil : Set(shorter)
    }
}
