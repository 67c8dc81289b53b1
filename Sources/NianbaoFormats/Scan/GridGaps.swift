/// Column rules a scan's rule finder lost partway: a vertical grid line that runs above and below a
/// few rows but not through them, where the pixels along it show a thin line (the dashes of a dashed
/// rule worn or broken by the scan). Without it the rows' two cells were one, and two numbers ran
/// together ("0 ¦ 0" read as "1010"). A gap where the pixels show no thin line, or text across the
/// line (a label spanning both columns), stays a gap.
struct GridGaps {
    /// Darker than this is ink.
    var threshold: UInt8 = 170

    /// The segments with the column rules found in the gaps of the grids' vertical lines.
    /// `scale` is pixels per page point.
    func bridged(_ segments: [RulingSegment], grids: [CellGrid], image: GrayImage, scale: Double) -> [RulingSegment] {
        var added: [RulingSegment] = []
        for grid in grids where grid.rowCount >= 3 {
            for column in grid.xs.indices.dropFirst().dropLast() {
                let x = grid.xs[column]
                let covered = (0..<grid.rowCount).map { row in
                    let middle = (grid.ys[row] + grid.ys[row + 1]) / 2
                    return segments.contains { $0.axis == .vertical && abs($0.position - x) <= 4 && $0.covers(middle, tolerance: 0) }
                }
                // Gaps with the line both above and below.
                var row = 0
                while row < grid.rowCount {
                    guard !covered[row] else { row += 1; continue }
                    let start = row
                    while row < grid.rowCount, !covered[row] { row += 1 }
                    guard start > 0, row < grid.rowCount else { continue }
                    if thinLine(image, x: Int(x * scale), from: Int(grid.ys[start] * scale), to: Int(grid.ys[row] * scale)) {
                        added.append(RulingSegment(axis: .vertical, position: x, start: grid.ys[start], end: grid.ys[row]))
                    }
                }
            }
        }
        return segments + added
    }

    /// Whether the pixels along column `x` (a few pixels either side, for what skew is left) from `top`
    /// to `bottom` show a thin line: inked along at least 40 % (dashes), paper beside it wherever inked,
    /// and hardly any ink wider than a rule (the strokes of text).
    func thinLine(_ image: GrayImage, x: Int, from top: Int, to bottom: Int) -> Bool {
        let band = 3, beside = 8
        guard x - band - beside - 1 >= 0, x + band + beside + 1 < image.width, bottom - top > 12 else { return false }
        var thin = 0, wide = 0, samples = 0
        for y in max(0, top + 4)..<min(image.height, bottom - 4) {
            samples += 1
            guard let dark = (x - band...x + band).first(where: { image[$0, y] < threshold }) else { continue }
            let left = image[dark - beside, y] >= threshold && image[dark - beside - 1, y] >= threshold
            let right = image[dark + beside, y] >= threshold && image[dark + beside + 1, y] >= threshold
            if left && right { thin += 1 } else { wide += 1 }
        }
        return samples > 0 && thin * 100 >= samples * 40 && wide * 100 <= samples * 10
    }
}
