/// A title wrapped over several lines at the top of the first page: the first
/// run of consecutive lines in large type (well above the page's body size),
/// close below one another, is one title line.
enum PDFTitleLines {
    /// Type this much larger than the page's typical line is title type.
    static let titleRatio = 1.25
    /// How far down the page's lines the title may start.
    static let searchDepth = 8

    static func joined(_ lines: [PDFLine]) -> [PDFLine] {
        guard lines.count >= 3 else { return lines }
        let heights = lines.map(\.glyphHeight).sorted()
        let body = heights[heights.count / 2]
        let isTitle = { (line: PDFLine) in line.glyphHeight >= titleRatio * body && !line.isDataRow }
        guard let first = lines.prefix(searchDepth).firstIndex(where: isTitle) else { return lines }
        var last = first
        while last + 1 < lines.count, isTitle(lines[last + 1]),
              abs(lines[last + 1].glyphHeight - lines[first].glyphHeight) <= 0.2 * lines[first].glyphHeight,
              lines[last + 1].y0 - lines[last].y1 < 1.2 * lines[first].glyphHeight {
            last += 1
        }
        guard last > first else { return lines }
        let title = lines[first...last]
        let text = title.map { $0.segments.map(\.text).joined() }.reduce("", PDFTableRebuilder.join)
        let x0 = title.compactMap { $0.segments.first?.x0 }.min() ?? 0
        let x1 = title.compactMap { $0.segments.last?.x1 }.max() ?? 0
        let line = PDFLine(segments: [PDFSegment(text: text, x0: x0, x1: x1)], y0: title.first!.y0, y1: title.last!.y1,
                           glyphHeight: lines[first].glyphHeight)
        return Array(lines[..<first]) + [line] + Array(lines[(last + 1)...])
    }
}
