/// Turns arbitrary bytes into drawn paths, ruling segments and glyphs for the
/// "grid" fuzz target, so the path reader, the grid builder, the cell reader and
/// the page-break joining meet every shape of input, not only what a real
/// drawing gives. Records of six bytes: a tag, then coordinates and a width or
/// character; tag 3 adds a point to a path, ended (stroked or filled) by its fifth byte.
enum GridFuzzInput {
    /// Runs the grid path on the records `bytes` decode to. Returns the segments and cells read.
    static func run(_ bytes: [UInt8]) -> Int {
        var work = 0
        var path: [(Double, Double)] = []
        var segments: [RulingSegment] = []
        var glyphs: [PDFGlyph] = []
        var index = 0
        func coordinate(_ byte: UInt8, _ scale: UInt8) -> Double {
            Double(byte) * (1 + Double(scale & 7)) - 40
        }
        while index + 6 <= bytes.count, segments.count + glyphs.count < 4_096 {
            let tag = bytes[index]
            let a = coordinate(bytes[index + 1], tag >> 3)
            let b = coordinate(bytes[index + 2], tag >> 3)
            let c = coordinate(bytes[index + 3], tag >> 3)
            let d = bytes[index + 4]
            let e = bytes[index + 5]
            switch tag % 4 {
            case 0: segments.append(RulingSegment(axis: .horizontal, position: a, start: b, end: c, width: Double(d) / 32))
            case 1: segments.append(RulingSegment(axis: .vertical, position: a, start: b, end: c, width: Double(d) / 32))
            case 3:
                path.append((a, b))
                if d & 0x80 != 0 || path.count >= 64 {
                    let drawn = RulingPaths().rules([path], stroked: d & 1 == 1, width: Double(e) / 32)
                    work += drawn.count
                    segments += drawn
                    path.removeAll()
                }
            default:
                let scalars: [Unicode.Scalar] = ["1", "2", "0", "年", "件", "（", "一", " ", "/", ".", "、"]
                let size = 1 + Double(d % 24)
                glyphs.append(PDFGlyph(scalar: scalars[Int(e) % scalars.count], x0: a, y0: b, x1: a + size * (tag % 4 == 2 ? 1 : -0.5),
                                       y1: b + size))
            }
            index += 6
        }
        let grids = CellGridBuilder().grids(segments)
        var tables: [GridTableReader.Table] = []
        for (number, grid) in grids.enumerated() {
            let table = GridTableReader.read(grid, glyphs: glyphs, page: number % 3).table
            tables.append(table)
        }
        tables.sort { ($0.page, $0.top) < ($1.page, $1.top) }
        for table in GridTableContinuation.joined(tables, bodyLines: [[], [10], []]) {
            work += table.lines.reduce(0) { $0 + $1.count }
        }
        return work
    }
}
