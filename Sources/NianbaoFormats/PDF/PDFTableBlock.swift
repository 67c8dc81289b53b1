/// One table (or one block of table 1) in a PDF: data rows that follow each
/// other with only label fragments between them, possibly across pages.
struct PDFTableBlock {
    /// Indices (into the document's placed lines) of the data rows.
    var dataRows: [Int]
    /// Indices of lines without numbers whose pieces are all label text of this block.
    var fragments: [Int]
    /// Left edge of the number columns.
    var numericStart: Double
    /// Typical glyph height.
    var height: Double

    /// Every line the block turns into rows (its data rows and fragments).
    var consumed: [Int] { dataRows + fragments }

    /// Most label fragment lines between two data rows of one block.
    static let maxFragmentRun = 12

    /// Finds the blocks: a run of data rows, with fragments between them that lie
    /// wholly in the label area, plus the fragments just above the first row and
    /// just below the last (a wrapped first or last label).
    static func blocks(in lines: [PDFPlacedLine]) -> [PDFTableBlock] {
        var blocks: [PDFTableBlock] = []
        var index = 0
        while index < lines.count {
            guard lines[index].line.isDataRow else { index += 1; continue }
            var block = PDFTableBlock(dataRows: [index], fragments: [], numericStart: lines[index].line.numericStart,
                                      height: lines[index].line.glyphHeight)
            var next = index + 1
            var pending: [Int] = []
            while next < lines.count {
                let line = lines[next].line
                if line.isDataRow {
                    block.dataRows.append(next)
                    block.fragments += pending
                    pending.removeAll()
                    block.numericStart = min(block.numericStart, line.numericStart)
                } else if block.isLabelOnly(line), pending.count < maxFragmentRun {
                    pending.append(next)
                } else {
                    break
                }
                next += 1
            }
            // Fragments after the last row: only a wrapped label's tail, close below it.
            var previous = lines[block.dataRows.last!]
            for candidate in pending {
                guard lines[candidate].top - previous.bottom < 0.9 * block.height, lines[candidate].page == previous.page else { break }
                block.fragments.append(candidate)
                previous = lines[candidate]
            }
            // Fragments before the first row: a wrapped first label's head, close above it.
            var following = lines[index]
            var back = index - 1
            while back >= 0, !lines[back].line.isDataRow, block.isLabelOnly(lines[back].line),
                  lines[back].page == following.page, following.top - lines[back].bottom < 0.9 * block.height,
                  !blocks.contains(where: { $0.consumed.contains(back) }) {
                block.fragments.append(back)
                following = lines[back]
                back -= 1
            }
            block.fragments.sort()
            blocks.append(block)
            index = block.dataRows.last! + 1
        }
        return blocks
    }

    /// A line with no numbers whose text lies left of the number columns.
    private func isLabelOnly(_ line: PDFLine) -> Bool {
        guard !line.hasNumericSegment, let last = line.segments.last else { return false }
        return last.x1 < numericStart - 0.3 * height
    }

    /// The block's output: one row per data row (label cells, then one cell per
    /// number column), and label text that belongs to no single row as lines of its own.
    func rows(_ lines: [PDFPlacedLine]) -> [(key: Double, row: PDFTableRebuilder.Row)] {
        let labels = PDFLabelCells(block: self, lines: lines)
        let anchors = columnAnchors(lines)
        var result: [(key: Double, row: PDFTableRebuilder.Row)] = []
        for (position, index) in dataRows.enumerated() {
            let line = lines[index]
            let texts = labels.cells(ofRow: position)
            result.append((line.key, PDFTableRebuilder.Row(page: line.page, cells: texts + cells(of: line.line, anchors: anchors))))
        }
        for loose in labels.loose {
            result.append((loose.key, PDFTableRebuilder.Row(page: loose.page, cells: [loose.text])))
        }
        return result
    }

    /// Number columns across the whole block: overlapping x-extents of numeric cells merged.
    private func columnAnchors(_ lines: [PDFPlacedLine]) -> [PDFSegment]? {
        var ranges = dataRows.flatMap { lines[$0].line.segments.suffix(lines[$0].line.trailingNumericCount) }
        ranges.sort { $0.x0 < $1.x0 }
        var anchors: [PDFSegment] = []
        for range in ranges {
            if let last = anchors.last, last.overlaps(range) {
                anchors[anchors.count - 1].x1 = max(last.x1, range.x1)
            } else {
                anchors.append(range)
            }
        }
        // Use the columns only when the widest rows agree with them; otherwise the block mixes tables.
        let widest = dataRows.map { lines[$0].line.trailingNumericCount }.max() ?? 0
        guard anchors.count == widest, anchors.count <= 64 else { return nil }
        return anchors
    }

    /// A row's numbers, one cell per column anchor (blank where the row has no number there).
    private func cells(of row: PDFLine, anchors: [PDFSegment]?) -> [String] {
        let numbers = Array(row.segments.suffix(row.trailingNumericCount))
        guard let anchors, numbers.count < anchors.count else { return numbers.map(\.text) }
        var cells: [String] = []
        var remaining = numbers[...]
        for anchor in anchors {
            if let next = remaining.first, next.overlaps(anchor) || next.x1 < anchor.x0 {
                cells.append(next.text)
                remaining.removeFirst()
            } else {
                cells.append("")
            }
        }
        cells.append(contentsOf: remaining.map(\.text))
        return cells
    }
}
