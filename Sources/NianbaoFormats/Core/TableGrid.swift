/// Lays out table cells with column and row spans on a grid, reading every
/// merged cell once, in its place.
///
/// A cell spanning n columns is one cell that occupies n grid columns (so a
/// value in a `colspan=2` cell is one value, not a value and a blank). A cell
/// spanning rows leaves an empty cell at its grid column in each row below
/// (HTML rowspan), so the cells after it keep their order. Spans are capped.
struct TableGrid {
    static let maxColumnSpan = 64
    static let maxRowSpan = 1_000
    static let maxColumns = 512

    private(set) var rows: [[String]] = []
    private var current: [String]?
    /// The grid column the next cell of the current row starts at.
    private var column = 0
    /// The last row index covered by a rowspan from above, per grid column, with the span's width.
    private var coveredUntil: [Int: (row: Int, width: Int)] = [:]

    mutating func startRow() {
        if current != nil { endRow() }
        current = []
        column = 0
        fillCovered()
    }

    mutating func addCell(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1) {
        if current == nil { startRow() }
        guard var row = current, column < Self.maxColumns else { return }
        let span = min(max(columnSpan, 1), Self.maxColumnSpan)
        let down = min(max(rowSpan, 1), Self.maxRowSpan)
        if down > 1 { coveredUntil[column] = (rows.count + down - 1, span) }
        row.append(text)
        column += span
        current = row
        fillCovered()
    }

    mutating func endRow() {
        guard let row = current else { return }
        rows.append(row)
        current = nil
    }

    /// Appends an empty cell for each rowspan from above that covers the current grid column.
    private mutating func fillCovered() {
        guard var row = current else { return }
        while column < Self.maxColumns, let covered = coveredUntil[column], covered.row >= rows.count {
            row.append("")
            column += covered.width
        }
        current = row
    }
}
