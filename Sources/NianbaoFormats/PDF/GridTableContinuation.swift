/// Joins a table that continues onto the next page: the table that ends one
/// page and the one that starts the next, with nothing between them and the
/// same outer edges, are one table. Header rows repeated at the top of the
/// next page are dropped; a row split by the break (a label wrapped over the
/// break, its numbers on one side) is one row again; and a merged cell split
/// by the break (its text begun on one page and ended on the next) is one cell.
enum GridTableContinuation {
    /// `bodyLines[page]` are the middles (y) of the text lines outside tables on each page.
    /// `scannedPages`: pages read by OCR, where a repeated header row may be read a character
    /// differently; elsewhere only an exact repeat is a header (「第二十条第（八）项」 is no
    /// repeat of 「第二十条第（一）项」).
    static func joined(_ tables: [GridTableReader.Table], bodyLines: [[Double]],
                       scannedPages: Set<Int> = []) -> [GridTableReader.Table] {
        var tables = tables
        var chainStart = 0
        for index in tables.indices.dropFirst() {
            let previous = tables[index - 1]
            let next = tables[index]
            guard continues(previous, next, bodyLines: bodyLines) else {
                chainStart = index
                continue
            }
            // Header rows repeated from the first page of the table.
            let header = tables[chainStart].lines
            let lines = next.lines
            var dropped = 0
            let fuzzy = scannedPages.contains(next.page)
            while dropped < lines.count, dropped < header.count, dropped < 8,
                  fuzzy ? repeats(lines[dropped], header[dropped]) : lines[dropped] == header[dropped] {
                dropped += 1
            }
            tables[index].rows.removeFirst(dropped)
            tables[index].rowKeys.removeFirst(dropped)
            // A row split by the break.
            if let last = tables[index - 1].rows.last, let first = tables[index].rows.first,
               splitRow(last.map(\.text), first.map(\.text)) {
                for column in last.indices {
                    tables[index - 1].rows[tables[index - 1].rows.count - 1][column].text =
                        PDFTableRebuilder.join(last[column].text, first[column].text)
                }
                tables[index].rows.removeFirst()
                tables[index].rowKeys.removeFirst()
            } else {
                var upper = tables[index - 1]
                var lower = tables[index]
                joinSplitMergedCells(&upper, &lower)
                tables[index - 1] = upper
                tables[index] = lower
            }
        }
        return tables
    }

    /// A merged cell reaching the bottom of `upper` whose text goes on in a merged
    /// cell at the top of `lower`, in the same place, that opens no new label.
    private static func joinSplitMergedCells(_ upper: inout GridTableReader.Table, _ lower: inout GridTableReader.Table) {
        guard let last = upper.rows.last, let first = lower.rows.first else { return }
        for (position, entry) in first.enumerated() where entry.first && !entry.text.isEmpty {
            guard let cell = entry.cell, lower.grid.cells[cell].rowSpan > 1, !PDFSegment.isNumeric(entry.text),
                  !PDFTableRebuilder.startsWithMarker(entry.text) else { continue }
            let overlapping = last.first { above in
                guard let aboveCell = above.cell else { return false }
                let grid = upper.grid.cells[aboveCell]
                let overlap = min(above.x1, entry.x1) - max(above.x0, entry.x0)
                return grid.row + grid.rowSpan == upper.grid.rowCount && grid.rowSpan > 1
                    && overlap > 0.5 * min(above.x1 - above.x0, entry.x1 - entry.x0)
            }
            guard let above = overlapping, let aboveCell = above.cell else { continue }
            for row in upper.rows.indices {
                guard let column = upper.rows[row].firstIndex(where: { $0.cell == aboveCell && $0.first }) else { continue }
                upper.rows[row][column].text = PDFTableRebuilder.join(upper.rows[row][column].text, entry.text)
                lower.rows[0][position].text = ""
                break
            }
        }
    }

    /// Whether a row repeats a header row: the same cells, each with the same text, or, where neither is a
    /// number, nearly the same (a character in three differs: a scan's OCR reads a repeated heading anew).
    static func repeats(_ row: [String], _ header: [String]) -> Bool {
        guard row.count == header.count else { return false }
        return zip(row, header).allSatisfy { a, b in
            guard a != b else { return true }
            guard !PDFSegment.isNumeric(a), !PDFSegment.isNumeric(b), !a.isEmpty, !b.isEmpty else { return false }
            return TemplateLabels.editDistance(Array(a), Array(b)) <= max(1, min(a.count, b.count) / 3)
        }
    }

    /// Whether `next` (first on its page) continues `previous` (last on the page before).
    private static func continues(_ previous: GridTableReader.Table, _ next: GridTableReader.Table, bodyLines: [[Double]]) -> Bool {
        guard next.page == previous.page + 1,
              let a = previous.grid.xs.first, let b = next.grid.xs.first, abs(a - b) <= 6,
              let c = previous.grid.xs.last, let d = next.grid.xs.last, abs(c - d) <= 6 else { return false }
        let after = bodyLines.indices.contains(previous.page) ? bodyLines[previous.page].filter { $0 > previous.bottom } : []
        let before = bodyLines.indices.contains(next.page) ? bodyLines[next.page].filter { $0 < next.top } : []
        return after.isEmpty && before.isEmpty
    }

    /// Two halves of one row: the same cells, numbers on exactly one side, no cell
    /// filled on both sides unless it is label text, and the lower half opening no new label.
    private static func splitRow(_ upper: [String], _ lower: [String]) -> Bool {
        guard upper.count == lower.count else { return false }
        let upperNumbers = upper.contains(where: PDFSegment.isNumeric)
        let lowerNumbers = lower.contains(where: PDFSegment.isNumeric)
        guard upperNumbers != lowerNumbers else { return false }
        for (a, b) in zip(upper, lower) where !a.isEmpty && !b.isEmpty {
            if PDFSegment.isNumeric(a) || PDFSegment.isNumeric(b) { return false }
        }
        if let first = lower.first(where: { !$0.isEmpty }), PDFTableRebuilder.startsWithMarker(first) { return false }
        return true
    }
}
