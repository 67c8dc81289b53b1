/// Fits the values found after a row label to the number of columns the table has.
enum RowFitter {
    enum Fit {
        /// The cells (possibly fewer than expected: the rules report missing cells).
        case cells([Cell])
        /// The first `expected` cells; the extra ones were all zero or blank.
        case extraIgnored([Cell])
        /// More non-empty values than columns, and the extras are not zero: cannot tell which are which.
        case ambiguous
    }

    static func fit(_ items: ArraySlice<TableItem>, expected: Int, lines: [[Unicode.Scalar]]) -> Fit {
        if items.count == expected { return .cells(items.map { $0.cell(in: lines) }) }
        var lo = items.startIndex
        var hi = items.endIndex
        while lo < hi, items[lo].kind == .empty { lo += 1 }
        while hi > lo, items[hi - 1].kind == .empty { hi -= 1 }
        let kept = items[lo..<hi]
        if kept.count <= expected { return .cells(kept.map { $0.cell(in: lines) }) }
        let extras = kept.dropFirst(expected)
        if extras.allSatisfy({ CellValueReader.isZeroOrBlank($0.value) }) {
            return .extraIgnored(kept.prefix(expected).map { $0.cell(in: lines) })
        }
        return .ambiguous
    }
}
