/// Builds `Section`s from the headings: body lines and the body text with line
/// breaks removed (narrative wrapped by PDF extraction is rejoined).
enum SectionBuilder {
    /// The document's own lines, and which of them normalisation left unchanged:
    /// the text of those is copied from the line instead of being re-encoded.
    struct Source {
        var lines: [SourceLine]
        var unchanged: [Bool]

        static let none = Source(lines: [], unchanged: [])
    }

    static func sections(_ headings: [SectionHeading], lines: [[Unicode.Scalar]], source: Source = .none) -> [Section] {
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
                                    text: text(lines, from: heading.end, to: end, source: source)))
        }
        return sections
    }

    private static func lineLength(_ lines: [[Unicode.Scalar]], _ line: Int) -> Int {
        line < lines.count ? lines[line].count : 0
    }

    /// The text between two positions, each line trimmed, joined without breaks.
    static func text(_ lines: [[Unicode.Scalar]], from start: TextPosition, to end: TextPosition, source: Source = .none) -> String {
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
        guard source.unchanged.count == lines.count, source.lines.count == lines.count else {
            return ScalarText.joined(lines, pieces)
        }
        // Whole lines the normaliser left alone are copied from the document's text:
        // only the spaces and tabs trimmed at either end (one byte each) are left out.
        var out = ""
        var bytes = 0
        for piece in pieces { bytes += source.lines[piece.line].text.utf8.count }
        out.reserveCapacity(bytes)
        for piece in pieces {
            let line = lines[piece.line]
            if source.unchanged[piece.line], piece.lo == 0, piece.hi == line.count {
                out.append(source.lines[piece.line].text)
                continue
            }
            let (lineLo, lineHi) = ScalarText.trim(line, 0, line.count)
            if source.unchanged[piece.line], piece.lo == lineLo, piece.hi == lineHi {
                let text = source.lines[piece.line].text
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: piece.lo)
                let upper = utf8.index(utf8.endIndex, offsetBy: piece.hi - line.count)
                out.append(contentsOf: text[lower..<upper])
            } else {
                out.append(ScalarText.string(line[piece.lo..<piece.hi]))
            }
        }
        return out
    }
}
