/// Lays out table cells with column and row spans onto a grid, so that
/// every row has its cells in the right columns.
///
/// A cell spanning n columns is followed by n-1 empty cells; a cell spanning
/// rows leaves empty cells in the rows below (HTML rowspan). Spans are capped.
struct TableGrid {
    static let maxColumnSpan = 64
    static let maxRowSpan = 1_000
    static let maxColumns = 512

    private(set) var rows: [[String]] = []
    private var current: [String]?
    /// The last row index covered by a rowspan from above, per column.
    private var coveredUntil: [Int: Int] = [:]

    mutating func startRow() {
        if current != nil { endRow() }
        current = []
        fillCovered()
    }

    mutating func addCell(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1) {
        if current == nil { startRow() }
        guard var row = current, row.count < Self.maxColumns else { return }
        let span = min(max(columnSpan, 1), Self.maxColumnSpan)
        let down = min(max(rowSpan, 1), Self.maxRowSpan)
        for offset in 0..<span where row.count < Self.maxColumns {
            if down > 1 { coveredUntil[row.count] = rows.count + down - 1 }
            row.append(offset == 0 ? text : "")
        }
        current = row
        fillCovered()
    }

    mutating func endRow() {
        guard let row = current else { return }
        rows.append(row)
        current = nil
    }

    /// Appends empty cells for columns covered by rowspans at the current position.
    private mutating func fillCovered() {
        guard var row = current else { return }
        while row.count < Self.maxColumns, let last = coveredUntil[row.count], last >= rows.count {
            row.append("")
        }
        current = row
    }
}
