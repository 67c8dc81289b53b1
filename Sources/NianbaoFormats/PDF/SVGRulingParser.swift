/// Reads ruling segments out of the SVG that cairo writes for a page: the
/// straight strokes whose pieces run horizontally or vertically, and filled
/// thin rectangles (rules drawn as boxes). Paths with curves (glyph outlines),
/// white or invisible paint, large filled areas (shading) and everything in
/// `<defs>` (glyph shapes, clip paths) are ignored.
///
/// cairo's SVG is regular: one `<path style="…" d="M x y L x y … Z"
/// transform="matrix(a,b,c,d,e,f)"/>` per drawing operation.
struct SVGRulingParser {
    /// Most segments taken from one page.
    var maxSegments = 20_000
    /// Most coordinates read from one path.
    var maxPathNumbers = 4_000
    /// A filled rectangle at most this thick is a rule.
    var maxRuleThickness = 4.0
    /// Pieces shorter than this are not rules.
    var minLength = 1.5

    private struct Affine {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

        func apply(_ x: Double, _ y: Double) -> (Double, Double) {
            (a * x + c * y + e, b * x + d * y + f)
        }

        var scale: Double { (abs(a * d - b * c)).squareRoot() }
    }

    func segments(_ svg: [UInt8]) -> [RulingSegment] {
        var result: [RulingSegment] = []
        var index = Self.find(Array("</defs>".utf8), in: svg, from: 0) ?? 0
        let open = Array("<path".utf8)
        while result.count < maxSegments, let start = Self.find(open, in: svg, from: index) {
            let end = Self.elementEnd(svg, from: start + open.count)
            let element = svg[(start + open.count)..<end]
            index = end
            guard let d = Self.attribute("d", in: element) else { continue }
            let style = Self.attribute("style", in: element).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let transform = Self.attribute("transform", in: element).flatMap(Self.matrix) ?? Affine()
            read(path: d, style: style, transform: transform, into: &result)
        }
        if result.count > maxSegments { result.removeLast(result.count - maxSegments) }
        return result
    }

    private func read(path: ArraySlice<UInt8>, style: String, transform: Affine, into result: inout [RulingSegment]) {
        guard let subpaths = subpaths(path) else { return }
        let stroked = !style.contains("stroke:none") && style.contains("stroke")
        if stroked {
            guard !Self.isInvisible(style, paint: "stroke") else { return }
            let width = (Self.number(after: "stroke-width:", in: style) ?? 1) * transform.scale
            for points in subpaths {
                let placed = points.map { transform.apply($0.0, $0.1) }
                for (p, q) in zip(placed, placed.dropFirst()) {
                    if let segment = segment(from: p, to: q, width: width) { result.append(segment) }
                }
            }
        } else {
            guard !Self.isInvisible(style, paint: "fill") else { return }
            for points in subpaths {
                let placed = points.map { transform.apply($0.0, $0.1) }
                if let rule = thinRectangle(placed) { result.append(rule) }
            }
        }
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
        let x0 = xs.min()!, x1 = xs.max()!, y0 = ys.min()!, y1 = ys.max()!
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

    /// The straight subpaths of a path (a closed one ends at its start again), or nil if it has curves.
    private func subpaths(_ d: ArraySlice<UInt8>) -> [[(Double, Double)]]? {
        var paths: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        var command: UInt8 = 0
        var pending: [Double] = []
        var numbers = 0
        var index = d.startIndex
        func flush() {
            if current.count >= 2 { paths.append(current) }
            current = []
        }
        while index < d.endIndex {
            let byte = d[index]
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                switch byte {
                case UInt8(ascii: "M"): flush(); command = byte
                case UInt8(ascii: "L"): command = byte
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    if let first = current.first, current.count >= 2 { current.append(first) }
                    flush()
                    command = 0
                default: return nil  // curves, arcs, relative commands: not a rule
                }
                pending.removeAll()
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || (byte >= 0x30 && byte <= 0x39) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < d.endIndex, d[end] == UInt8(ascii: ".") || d[end] == UInt8(ascii: "e") || (d[end] >= 0x30 && d[end] <= 0x39)
                    || (d[end] == UInt8(ascii: "-") && d[end - 1] == UInt8(ascii: "e")) {
                end += 1
            }
            numbers += 1
            guard numbers <= maxPathNumbers, command != 0,
                  let value = Double(String(decoding: d[index..<end], as: UTF8.self)), value.isFinite else { return nil }
            pending.append(value)
            if pending.count == 2 {
                current.append((pending[0], pending[1]))
                pending.removeAll()
            }
            index = end
        }
        flush()
        return paths
    }

    /// White or fully transparent paint draws no rule.
    private static func isInvisible(_ style: String, paint: String) -> Bool {
        if let opacity = number(after: "\(paint)-opacity:", in: style), opacity < 0.05 { return true }
        guard let range = style.range(of: "\(paint):rgb(") else { return false }
        let channels = style[range.upperBound...].prefix { $0 != ")" }.split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: "% "))
        }
        return channels.count == 3 && channels.allSatisfy { $0 >= 95 }
    }

    private static func number(after key: String, in style: String) -> Double? {
        guard let range = style.range(of: key) else { return nil }
        return Double(style[range.upperBound...].prefix { $0 != ";" && $0 != "\"" }.trimmingCharacters(in: " "))
    }

    private static func matrix(_ value: ArraySlice<UInt8>) -> Affine? {
        let text = String(decoding: value, as: UTF8.self)
        guard let open = text.range(of: "matrix(") else { return nil }
        let numbers = text[open.upperBound...].prefix { $0 != ")" }.split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: " "))
        }
        guard numbers.count == 6, numbers.allSatisfy(\.isFinite) else { return nil }
        return Affine(a: numbers[0], b: numbers[1], c: numbers[2], d: numbers[3], e: numbers[4], f: numbers[5])
    }

    /// The value of attribute `name` in an element's bytes.
    private static func attribute(_ name: String, in element: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let key = Array(" \(name)=\"".utf8)
        guard let start = find(key, in: element, from: element.startIndex) else { return nil }
        let valueStart = start + key.count
        guard let close = element[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return element[valueStart..<close]
    }

    /// The index just past the element's closing `>`.
    private static func elementEnd(_ bytes: [UInt8], from index: Int) -> Int {
        guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return bytes.count }
        return close + 1
    }

    private static func find<C: RandomAccessCollection>(_ needle: [UInt8], in haystack: C, from start: C.Index) -> C.Index?
    where C.Element == UInt8, C.Index == Int {
        guard let first = needle.first, !needle.isEmpty else { return nil }
        var index = start
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == first {
                var match = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars
        let trim = Set(set.unicodeScalars)
        while let first = scalars.first, trim.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, trim.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
