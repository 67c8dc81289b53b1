/// Builds `Section`s from the headings: body lines and the body text with line
/// breaks removed (narrative wrapped by PDF extraction is rejoined).
enum SectionBuilder {
    static func sections(_ headings: [SectionHeading], lines: [[Unicode.Scalar]]) -> [Section] {
        var documentEnd = lines.count
        if let first = headings.first,
           let separator = lines.indices.first(where: { $0 > first.start.line && SectionFinder.isSeparator(lines[$0]) }) {
            documentEnd = separator
        }
        var sections: [Section] = []
        sections.reserveCapacity(headings.count)
        for (index, heading) in headings.enumerated() {
            let end = index + 1 < headings.count ? headings[index + 1].start : TextPosition(line: documentEnd, offset: 0)
            let bodyStartLine = heading.end.offset >= lineLength(lines, heading.end.line) ? heading.end.line + 1 : heading.end.line
            let bodyEndLine = end.offset > 0 ? end.line + 1 : end.line
            let bodyLines = min(bodyStartLine, bodyEndLine)..<max(bodyStartLine, bodyEndLine)
            sections.append(Section(kind: heading.kind, headingLine: heading.start.line, bodyLines: bodyLines,
                                    text: text(lines, from: heading.end, to: end)))
        }
        return sections
    }

    private static func lineLength(_ lines: [[Unicode.Scalar]], _ line: Int) -> Int {
        line < lines.count ? lines[line].count : 0
    }

    /// The text between two positions, each line trimmed, joined without breaks.
    static func text(_ lines: [[Unicode.Scalar]], from start: TextPosition, to end: TextPosition) -> String {
        guard start < end, start.line < lines.count else { return "" }
        var pieces: [(line: Int, lo: Int, hi: Int)] = []
        let last = min(end.line, lines.count - 1)
        pieces.reserveCapacity(last - start.line + 1)
        for lineIndex in start.line...last {
            let line = lines[lineIndex]
            let lo = lineIndex == start.line ? min(start.offset, line.count) : 0
            let hi = lineIndex == end.line ? min(end.offset, line.count) : line.count
            let (a, b) = ScalarText.trim(line, lo, hi)
            if a < b { pieces.append((lineIndex, a, b)) }
        }
        return ScalarText.joined(lines, pieces)
    }
}
