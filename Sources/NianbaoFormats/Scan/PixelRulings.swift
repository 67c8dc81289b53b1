/// Ruling lines found in the pixels of a scanned page: the page's skew from
/// its long horizontal rules, then long dark runs (a morphological opening
/// with long kernels, done as run lengths with small gaps bridged, dashes
/// chained) as horizontal and vertical segments for `CellGridBuilder`.
///
/// A vertical run is kept only where both its ends meet a horizontal rule, so
/// a column of centred digits or a tall character never becomes a rule.
struct PixelRulings {
    /// Darker than this is ink.
    var threshold: UInt8 = 170
    /// Shortest horizontal rule, in pixels.
    var minHorizontal = 100
    /// Shortest vertical rule, in pixels.
    var minVertical = 36
    /// Gaps up to this many pixels inside a rule are bridged (blur, JPEG).
    var bridge = 4
    /// A dash of a dashed rule is at least this long (pixels; 0.75 pt dashes are about 34 at 300 dpi)…
    var minDash = 16
    /// …and the gaps between dashes at most this long (about 10 at 300 dpi).
    var dashGap = 14
    /// Ink covers at least this share of a rule (dashes about three quarters).
    var minFill = 0.6
    /// How near a vertical rule's end must come to a horizontal rule (a dashed rule may end a gap short).
    var reach = 16
    /// Parallel rules closer than this (pixels, about 5 pt at 300 dpi) are one double rule: no row is that thin.
    var doubleRule = 20

    /// The angle (radians) of the page's rules and lines of text: y grows by tan(angle) per pixel of x.
    /// The angle at which the ink, projected along it onto the vertical, piles up most sharply (the
    /// sum of the squared row counts is largest): rules and text lines then each fall on few rows.
    /// Found in steps of 0.05° over ±2°, then of 0.005° around the best.
    func skew(_ image: GrayImage) -> Double {
        var points: [(x: Int32, y: Int32)] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in stride(from: 0, to: image.height, by: 2) {
                for x in stride(from: 0, to: image.width, by: 2) where pixels[y * image.width + x] < threshold {
                    points.append((Int32(x), Int32(y)))
                }
            }
        }
        guard points.count >= 100 else { return 0 }
        let margin = image.width + 8
        var counts = [Int32](repeating: 0, count: image.height / 2 + 2 * margin)
        func score(_ angle: Double) -> Double {
            let t = tan(angle)
            for index in counts.indices { counts[index] = 0 }
            for point in points {
                // Bins two pixels high, as every other row is sampled (one-pixel bins would favour 0°).
                let bin = Int(((Double(point.y) - Double(point.x) * t) / 2).rounded(.down)) + margin
                counts[bin] += 1
            }
            return counts.reduce(0.0) { $0 + Double($1) * Double($1) }
        }
        var best = (angle: 0.0, score: score(0))
        for step in -40...40 where step != 0 {
            let angle = Double(step) * 0.05 * .pi / 180
            let value = score(angle)
            if value > best.score { best = (angle, value) }
        }
        let coarse = best.angle
        for step in -10...10 where step != 0 {
            let angle = coarse + Double(step) * 0.005 * .pi / 180
            let value = score(angle)
            if value > best.score { best = (angle, value) }
        }
        return best.angle
    }

    /// Horizontal and vertical rules of a deskewed page, in pixels.
    func segments(_ image: GrayImage) -> [RulingSegment] {
        var horizontal: [RulingSegment] = []
        for y in 0..<image.height {
            for run in runs(image, along: y, horizontal: true, minimum: minHorizontal) {
                horizontal.append(RulingSegment(axis: .horizontal, position: Double(y), start: Double(run.start), end: Double(run.end), width: 1))
            }
        }
        let merged = CellGridBuilder().lines(horizontal)
        var vertical: [RulingSegment] = []
        for x in 0..<image.width {
            for run in runs(image, along: x, horizontal: false, minimum: minVertical) {
                let meets = { (end: Int) in
                    merged.contains { abs($0.position - Double(end)) <= Double(reach) && $0.covers(Double(x), tolerance: Double(reach)) }
                }
                // A chain of dashes may begin or end in a stroke of text nearby: it runs from the first
                // piece that starts at a horizontal rule to the last that ends at one.
                guard let top = run.pieces.first(where: { meets($0.start) })?.start,
                      let bottom = run.pieces.last(where: { meets($0.end) })?.end, bottom - top >= minVertical else { continue }
                vertical.append(RulingSegment(axis: .vertical, position: Double(x), start: Double(top), end: Double(bottom), width: 1))
            }
        }
        // Horizontal rules that no vertical rule meets are underlines or text, not a table.
        vertical = CellGridBuilder().lines(vertical)
        let kept = merged.filter { line in
            vertical.contains { abs(line.position - $0.start) <= Double(reach) || abs(line.position - $0.end) <= Double(reach)
                || ($0.covers(line.position, tolerance: 0) && line.covers($0.position, tolerance: Double(reach))) }
        }
        return Self.bands(kept, gap: doubleRule) + Self.bands(vertical, gap: doubleRule)
    }

    /// Parallel lines closer than `gap` whose extents overlap, the two lines of a double rule or the
    /// rows of a thick one, as one line through their middle as wide as they are together.
    static func bands(_ lines: [RulingSegment], gap: Int) -> [RulingSegment] {
        var bands: [(low: Double, high: Double, segment: RulingSegment)] = []
        for line in lines.sorted(by: { $0.position < $1.position }) {
            let low = line.position - line.width / 2, high = line.position + line.width / 2
            if let index = bands.lastIndex(where: { low - $0.high <= Double(gap) && line.start <= $0.segment.end && $0.segment.start <= line.end }) {
                bands[index].high = max(bands[index].high, high)
                bands[index].segment.start = min(bands[index].segment.start, line.start)
                bands[index].segment.end = max(bands[index].segment.end, line.end)
            } else {
                bands.append((low, high, line))
            }
        }
        return bands.map { band in
            var segment = band.segment
            segment.position = (band.low + band.high) / 2
            segment.width = band.high - band.low
            return segment
        }
    }

    /// Whether a stretch of a row (or column) is a thin line. Of a column of four dashes or more: at
    /// nearly every point the ink across it ends within a rule's thickness and paper follows on both
    /// sides, so a dashed rule is one even where wrapped text comes close beside it; else `paperBeside`.
    private func isolated(_ image: GrayImage, along index: Int, horizontal: Bool, dashes: Int, from start: Int, to end: Int) -> Bool {
        if horizontal || dashes < 4 { return paperBeside(image, along: index, horizontal: horizontal, from: start, to: end) }
        let limit = horizontal ? image.height : image.width
        func dark(_ i: Int, _ across: Int) -> Bool {
            guard across >= 0, across < limit else { return false }
            return (horizontal ? image[i, across] : image[across, i]) < threshold
        }
        var thin = 0, samples = 0
        for i in stride(from: start, to: end, by: 2) {
            samples += 1
            var low = index, high = index
            while low > index - 24, dark(i, low - 1) { low -= 1 }
            while high < index + 24, dark(i, high + 1) { high += 1 }
            guard high - low < 24 else { continue }
            if !dark(i, low - 4), !dark(i, low - 6), !dark(i, high + 4), !dark(i, high + 6) { thin += 1 }
        }
        return thin * 100 >= samples * 85
    }

    /// Whether a stretch of a row (or column) has paper 7 pixels off on both sides nearly all along: the
    /// strokes of a line of text ("三", "一") line up like dashes, but other strokes lie beside them.
    private func paperBeside(_ image: GrayImage, along index: Int, horizontal: Bool, from start: Int, to end: Int) -> Bool {
        let margin = 7
        guard index >= margin, index + margin < (horizontal ? image.height : image.width) else { return false }
        var light = 0, samples = 0
        for i in stride(from: start, to: end, by: 2) {
            samples += 1
            let before = horizontal ? image[i, index - margin] : image[index - margin, i]
            let after = horizontal ? image[i, index + margin] : image[index + margin, i]
            if before >= threshold, after >= threshold { light += 1 }
        }
        return light * 100 >= samples * 85
    }

    /// A rule along one row or column: where it starts and ends, and its pieces (one if solid, its dashes).
    struct Run {
        var start: Int
        var end: Int
        var pieces: [(start: Int, end: Int)]
    }

    /// Dark runs along one row (or column) at least `minimum` long. Gaps up to `bridge` are bridged
    /// (blur, JPEG); pieces at least `minDash` long with gaps up to `dashGap` between them are one run
    /// (the dashes of a dashed rule) if ink covers at least `minFill` of it.
    private func runs(_ image: GrayImage, along index: Int, horizontal: Bool, minimum: Int) -> [Run] {
        let length = horizontal ? image.width : image.height
        var result: [Run] = []
        var pieces: [(start: Int, end: Int)] = []
        // A chain of pieces is a rule if it is long enough and inked enough and, if dashed, its dashes are alike
        // (a dash pattern repeats; the strokes of a line of text do not). The end dashes may be cut short.
        // A lone piece (a solid rule) needs no chain.
        func close() {
            defer { pieces.removeAll(keepingCapacity: true) }
            guard let first = pieces.first, let last = pieces.last, last.end - first.start >= minimum else { return }
            let ink = pieces.reduce(0) { $0 + $1.end - $1.start }
            guard Double(ink) >= minFill * Double(last.end - first.start) else { return }
            if pieces.count > 1 {
                let lengths = pieces.map { $0.end - $0.start }
                // Two pieces are both ends: only their longer one sets the dash length.
                let inner = pieces.count > 2 ? Array(lengths.dropFirst().dropLast()).sorted() : [lengths.max() ?? 0]
                let median = inner[inner.count / 2]
                // Long pieces are a solid rule broken by noise; short ones dashes, at least three along a row
                // (two strokes of a bold title are not a rule), all alike but the ends, which may be cut short,
                // and where a crossing rule fills a gap (two or three dashes as one).
                guard median >= 80 || (pieces.count >= (horizontal ? 3 : 2)
                    && inner.allSatisfy({ $0 * 10 >= median * 6 && $0 <= median * 3 })
                    && lengths.allSatisfy({ $0 <= median * 3 })
                    && isolated(image, along: index, horizontal: horizontal, dashes: pieces.count, from: first.start, to: last.end)) else { return }
            }
            result.append(Run(start: first.start, end: last.end, pieces: pieces))
        }
        // Dashes are at least minDash long but the first and the last, cut short where the pattern meets a
        // crossing or the rule's end; a short piece after dashes ends the chain.
        func add(_ start: Int, _ end: Int) {
            let short = end - start < minDash
            // (A short piece is only ever the first or the last: two in a row are no dashes.)
            if let last = pieces.last, start - last.end <= dashGap, !short || last.end - last.start >= minDash {
                pieces.append((start, end))
                if short { close() }
            } else {
                close()
                pieces.append((start, end))
            }
        }
        var start = -1
        var lastDark = -Int.max / 2
        image.pixels.withUnsafeBufferPointer { pixels in
            for i in 0..<length {
                let value = horizontal ? pixels[index * image.width + i] : pixels[i * image.width + index]
                guard value < threshold else { continue }
                if i - lastDark > bridge + 1 {
                    if start >= 0 { add(start, lastDark + 1) }
                    start = i
                }
                lastDark = i
            }
        }
        if start >= 0 { add(start, lastDark + 1) }
        close()
        return result
    }
}

#if canImport(Glibc)
import Glibc
#endif
