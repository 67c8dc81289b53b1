/// The rules a drawn path makes, its points already in page points: a stroke's
/// horizontal and vertical pieces, and a fill's thin axis-aligned rectangles
/// (rules drawn as boxes). Large filled areas (shading) and slanted pieces are
/// no rules.
struct RulingPaths {
    /// A filled rectangle at most this thick is a rule.
    var maxRuleThickness = 4.0
    /// Pieces shorter than this are not rules.
    var minLength = 1.5

    func rules(_ subpaths: [[(Double, Double)]], stroked: Bool, width: Double) -> [RulingSegment] {
        var result: [RulingSegment] = []
        for points in subpaths {
            if stroked {
                for (p, q) in zip(points, points.dropFirst()) {
                    if let segment = segment(from: p, to: q, width: width) { result.append(segment) }
                }
            } else if let rule = thinRectangle(points) {
                result.append(rule)
            }
        }
        return result
    }

    /// A horizontal or vertical piece between two points, if it is one.
    private func segment(from p: (Double, Double), to q: (Double, Double), width: Double) -> RulingSegment? {
        let dx = abs(q.0 - p.0)
        let dy = abs(q.1 - p.1)
        if dy <= 0.5, dx >= minLength {
            return RulingSegment(axis: .horizontal, position: (p.1 + q.1) / 2, start: p.0, end: q.0, width: width)
        }
        if dx <= 0.5, dy >= minLength {
            return RulingSegment(axis: .vertical, position: (p.0 + q.0) / 2, start: p.1, end: q.1, width: width)
        }
        return nil
    }

    /// A filled subpath that is an axis-aligned rectangle at most `maxRuleThickness` thick: a rule along its long side.
    private func thinRectangle(_ points: [(Double, Double)]) -> RulingSegment? {
        guard points.count >= 4, points.count <= 6 else { return nil }
        for (p, q) in zip(points, points.dropFirst()) where abs(p.0 - q.0) > 0.5 && abs(p.1 - q.1) > 0.5 { return nil }
        let xs = points.map(\.0)
        let ys = points.map(\.1)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let width = x1 - x0
        let height = y1 - y0
        if height <= maxRuleThickness, width >= minLength, width > height {
            return RulingSegment(axis: .horizontal, position: (y0 + y1) / 2, start: x0, end: x1, width: max(height, 0.1))
        }
        if width <= maxRuleThickness, height >= minLength, height > width {
            return RulingSegment(axis: .vertical, position: (x0 + x1) / 2, start: y0, end: y1, width: max(width, 0.1))
        }
        return nil
    }
}
