/// Groups a page's glyphs into visual lines and splits each line into segments at wide gaps.
struct PDFLineBuilder {
    /// A gap wider than this many glyph heights separates cells.
    var cellGap = 0.5
    /// A gap wider than this many glyph heights inside a cell becomes a space.
    var spaceGap = 0.2
    /// A gap wider than this many glyph heights between two Chinese characters may separate cells.
    var cjkCellGap = 0.18

    /// Whether the glyph at `index` can start a cell after a Chinese character:
    /// another Chinese character, or a row number "2、" / "2." / "2．".
    private static func opensCell(_ glyphs: [PDFGlyph], at index: Int) -> Bool {
        let scalar = glyphs[index].scalar
        if !scalar.isASCII { return true }
        guard ("0"..."9").contains(scalar), index + 1 < glyphs.count else { return false }
        let next = glyphs[index + 1].scalar
        return next == "、" || next == "." || next == "．"
    }

    /// The median gap between neighbouring glyphs of a line (letter spacing of justified text).
    private static func medianGap(_ glyphs: [PDFGlyph]) -> Double {
        guard glyphs.count > 2 else { return 0 }
        var gaps = zip(glyphs, glyphs.dropFirst()).map { max(0, $1.x0 - $0.x1) }
        gaps.sort()
        return gaps[gaps.count / 2]
    }

    func lines(from glyphs: [PDFGlyph]) -> [PDFLine] {
        let visible = glyphs.filter { !$0.scalar.properties.isWhitespace && $0.x1 >= $0.x0 && $0.y1 >= $0.y0 }
        let sorted = visible.sorted { ($0.midY, $0.x0) < ($1.midY, $1.x0) }
        var groups: [[PDFGlyph]] = []
        var groupMid = 0.0
        for glyph in sorted {
            if let last = groups.last, let first = last.first,
               abs(glyph.midY - groupMid) <= 0.4 * min(glyph.height, first.height) {
                groups[groups.count - 1].append(glyph)
                let count = Double(last.count + 1)
                groupMid += (glyph.midY - groupMid) / count
            } else {
                groups.append([glyph])
                groupMid = glyph.midY
            }
        }
        return groups.map(line(from:))
    }

    private func line(from group: [PDFGlyph]) -> PDFLine {
        let glyphs = group.sorted { $0.x0 < $1.x0 }
        let heights = glyphs.map(\.height).sorted()
        let height = heights[heights.count / 2]
        var segments: [PDFSegment] = []
        var previous: PDFGlyph?
        let cjkGap = max(cjkCellGap * height, 3 * Self.medianGap(glyphs))
        for (index, glyph) in glyphs.enumerated() {
            let gap = previous.map { glyph.x0 - $0.x1 } ?? .infinity
            if gap > cellGap * height || segments.isEmpty {
                segments.append(PDFSegment(text: String(Character(glyph.scalar)), x0: glyph.x0, x1: glyph.x1))
            } else if let previous, !previous.scalar.isASCII, gap > cjkGap, Self.opensCell(glyphs, at: index) {
                // Chinese text runs without gaps: a visible one after a Chinese character,
                // before another or before a row number ("2、"), is most likely the
                // border between two narrow table cells.
                var segment = PDFSegment(text: String(Character(glyph.scalar)), x0: glyph.x0, x1: glyph.x1)
                segment.continuesPrevious = true
                segment.spaceBefore = gap > spaceGap * height
                segments.append(segment)
            } else {
                if gap > spaceGap * height { segments[segments.count - 1].text.append(" ") }
                segments[segments.count - 1].text.unicodeScalars.append(glyph.scalar)
                segments[segments.count - 1].x1 = max(segments[segments.count - 1].x1, glyph.x1)
            }
            previous = glyph
        }
        let y0 = glyphs.map(\.y0).min() ?? 0
        let y1 = glyphs.map(\.y1).max() ?? 0
        return PDFLine(segments: segments, y0: y0, y1: y1, glyphHeight: height)
    }
}
