/// One character on a PDF page with its box (origin top-left, y downwards).
struct PDFGlyph: Sendable, Hashable {
    var scalar: Unicode.Scalar
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var midY: Double { (y0 + y1) / 2 }
    var height: Double { max(y1 - y0, 0.1) }
}

/// A run of characters on one line with no wide gap inside: one table cell or one text run.
struct PDFSegment: Sendable, Hashable {
    var text: String
    var x0: Double
    var x1: Double
    /// Split from the previous segment only by a small gap between Chinese
    /// characters: a cell border inside a table, nothing outside one.
    var continuesPrevious = false
    /// Whether a space-wide gap precedes a segment that continues the previous one.
    var spaceBefore = false

    /// Whether the text is a count, an amount or a blank placeholder.
    var isNumeric: Bool { Self.isNumeric(text) }

    static func isNumeric(_ text: String) -> Bool {
        if ["/", "—", "-", "－", "——", "无", "／"].contains(text) { return true }
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "-" || scalars.first == "+" { scalars.removeFirst() }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
        var seenDot = false
        for scalar in scalars {
            if scalar == "." {
                guard !seenDot else { return false }
                seenDot = true
            } else if !("0"..."9").contains(scalar) && scalar != "," {
                return false
            }
        }
        return scalars.last != "."
    }

    func overlaps(_ other: PDFSegment, tolerance: Double = 0) -> Bool {
        x0 <= other.x1 + tolerance && other.x0 <= x1 + tolerance
    }
}

/// A visual line: segments left to right, with its vertical extent.
struct PDFLine: Sendable, Hashable {
    /// The line's cells outside a table: segments split only by a small Chinese gap joined again.
    var textCells: [String] {
        var cells: [String] = []
        for segment in segments {
            if segment.continuesPrevious, !cells.isEmpty {
                cells[cells.count - 1] += (segment.spaceBefore ? " " : "") + segment.text
            } else {
                cells.append(segment.text)
            }
        }
        return cells
    }

    var segments: [PDFSegment]
    var y0: Double
    var y1: Double
    /// Typical glyph height on the line.
    var glyphHeight: Double

    var midY: Double { (y0 + y1) / 2 }

    /// How many segments at the end of the line are numeric.
    var trailingNumericCount: Int {
        var count = 0
        for segment in segments.reversed() {
            guard segment.isNumeric else { break }
            count += 1
        }
        return count
    }

    /// A table data row: numbers at the end, after a label or at least two of them.
    var isDataRow: Bool {
        let numeric = trailingNumericCount
        return numeric >= 2 || (numeric == 1 && segments.count >= 2)
    }

    /// Segments before the trailing numbers.
    var labelSegments: [PDFSegment] { Array(segments.dropLast(trailingNumericCount)) }

    /// Where the numbers start.
    var numericStart: Double {
        segments.dropFirst(segments.count - trailingNumericCount).first?.x0 ?? .infinity
    }

    var hasNumericSegment: Bool { segments.contains { $0.isNumeric } }
}
