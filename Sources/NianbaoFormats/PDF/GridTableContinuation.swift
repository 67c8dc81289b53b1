/// Joins a table that continues onto the next page: the table that ends one
/// page and the one that starts the next, with nothing between them and the
/// same columns, are one table. Header rows repeated at the top of the next
/// page are dropped, and a row split by the break (a label wrapped over the
/// break, its numbers on one side) is one row again.
enum GridTableContinuation {
    /// `bodyLines[page]` are the middles (y) of the text lines outside tables on each page.
    static func joined(_ tables: [GridTableReader.Table], bodyLines: [[Double]]) -> [GridTableReader.Table] {
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
            let header = tables[chainStart].rows
            var dropped = 0
            while dropped < next.rows.count, dropped < header.count, dropped < 8, next.rows[dropped] == header[dropped] {
                dropped += 1
            }
            tables[index].rows.removeFirst(dropped)
            tables[index].rowKeys.removeFirst(dropped)
            // A row split by the break.
            if let last = tables[index - 1].rows.last, let first = tables[index].rows.first, splitRow(last, first) {
                tables[index - 1].rows[tables[index - 1].rows.count - 1] = zip(last, first).map(PDFTableRebuilder.join)
                tables[index].rows.removeFirst()
                tables[index].rowKeys.removeFirst()
            }
        }
        return tables
    }

    /// Whether `next` (first on its page) continues `previous` (last on the page before).
    private static func continues(_ previous: GridTableReader.Table, _ next: GridTableReader.Table, bodyLines: [[Double]]) -> Bool {
        guard next.page == previous.page + 1, previous.grid.xs.count == next.grid.xs.count,
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
