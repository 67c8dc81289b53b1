/// Reads one table from its cell grid: each glyph goes into the cell holding
/// its centre, a cell's text is its glyphs in reading order however they wrap,
/// and the rows come out the way the Word reader gives them: one line per grid
/// row, a merged cell once (in its first row; empty in the rows below it).
///
/// Numbers are read from the basic rectangles: a "merged" cell whose basic
/// rectangles each hold a number of their own (a rule the drawing left out, or
/// one that was missed) is read as those separate cells, so a missed rule never
/// shifts a value into its neighbour's place.
struct GridTableReader {
    /// One cell of an emitted row.
    struct Entry: Equatable {
        /// The grid cell (an index into `grid.cells`), or nil for a basic rectangle read on its own.
        var cell: Int?
        var text: String
        /// Whether the cell's text is given here (its first row); below, a merged cell is empty.
        var first: Bool
        var x0: Double
        var x1: Double
    }

    /// A table read from one page.
    struct Table {
        var page: Int
        var grid: CellGrid
        /// The cells of each emitted row.
        var rows: [[Entry]]
        /// Each row's vertical middle on the page.
        var rowKeys: [Double]
        /// Every cell of the grid with its text (split cells as their basic rectangles).
        var cells: [(cell: CellGrid.Cell, text: String)] = []

        /// The rows as the Word reader gives them: a merged cell's text in its first row, empty below.
        var lines: [[String]] { rows.map { row in row.map { $0.first ? $0.text : "" } } }

        var top: Double { grid.ys.first ?? 0 }
        var bottom: Double { grid.ys.last ?? 0 }
    }

    /// The grid's table, and which glyphs it took.
    static func read(_ grid: CellGrid, glyphs: [PDFGlyph], page: Int) -> (table: Table, taken: [Bool]) {
        var taken = [Bool](repeating: false, count: glyphs.count)
        var basic: [[[PDFGlyph]]] = Array(repeating: Array(repeating: [], count: grid.columnCount), count: grid.rowCount)
        for (index, glyph) in glyphs.enumerated() {
            guard let place = grid.basicRectangle(x: (glyph.x0 + glyph.x1) / 2, y: glyph.midY) else { continue }
            taken[index] = true
            guard !glyph.scalar.properties.isWhitespace else { continue }
            basic[place.row][place.column].append(glyph)
        }
        let split = Set(grid.cells.indices.filter { holdsSeparateNumbers(grid.cells[$0], basic) })
        var rows: [[Entry]] = []
        var keys: [Double] = []
        var cellTexts: [(cell: CellGrid.Cell, text: String)] = []
        for row in 0..<grid.rowCount {
            var cells: [Entry] = []
            var column = 0
            while column < grid.columnCount {
                let index = grid.owner[row][column]
                if split.contains(index) {
                    cells.append(Entry(cell: nil, text: text(of: basic[row][column]), first: true,
                                       x0: grid.xs[column], x1: grid.xs[column + 1]))
                    cellTexts.append((CellGrid.Cell(row: row, column: column, rowSpan: 1, columnSpan: 1), cells[cells.count - 1].text))
                    column += 1
                    continue
                }
                let cell = grid.cells[index]
                let x0 = grid.xs[column]
                let x1 = grid.xs[min(cell.column + cell.columnSpan, grid.columnCount)]
                if row == cell.row {
                    var glyphs: [PDFGlyph] = []
                    for r in cell.row..<(cell.row + cell.rowSpan) {
                        for c in cell.column..<(cell.column + cell.columnSpan) where grid.owner[r][c] == index {
                            glyphs += basic[r][c]
                        }
                    }
                    cells.append(Entry(cell: index, text: text(of: glyphs), first: true, x0: x0, x1: x1))
                    cellTexts.append((cell, cells[cells.count - 1].text))
                } else {
                    cells.append(Entry(cell: index, text: "", first: false, x0: x0, x1: x1))
                }
                while column < grid.columnCount, grid.owner[row][column] == index { column += 1 }
            }
            guard cells.contains(where: { !$0.text.isEmpty }) else { continue }
            rows.append(cells)
            keys.append((grid.ys[row] + grid.ys[row + 1]) / 2)
        }
        return (Table(page: page, grid: grid, rows: rows, rowKeys: keys, cells: cellTexts), taken)
    }

    /// Whether a merged cell's basic rectangles each hold a separate number:
    /// two or more of them hold text, all of it numeric, and side by side
    /// with a clear gap between (one number centred over a border is one value).
    private static func holdsSeparateNumbers(_ cell: CellGrid.Cell, _ basic: [[[PDFGlyph]]]) -> Bool {
        guard cell.rowSpan > 1 || cell.columnSpan > 1 else { return false }
        var filled: [(row: Int, column: Int, glyphs: [PDFGlyph])] = []
        for row in cell.row..<(cell.row + cell.rowSpan) {
            for column in cell.column..<(cell.column + cell.columnSpan) where !basic[row][column].isEmpty {
                filled.append((row, column, basic[row][column]))
            }
        }
        guard filled.count >= 2, filled.allSatisfy({ PDFSegment.isNumeric(text(of: $0.glyphs)) }) else { return false }
        for (a, b) in zip(filled, filled.dropFirst()) where a.row == b.row {
            let height = a.glyphs.map(\.height).max() ?? 1
            let gap = (b.glyphs.map(\.x0).min() ?? 0) - (a.glyphs.map(\.x1).max() ?? 0)
            if gap < 0.5 * height { return false }
        }
        return true
    }

    /// Glyphs in reading order: lines top to bottom, each left to right; wrapped
    /// lines joined (without a space between Chinese characters).
    static func text(of glyphs: [PDFGlyph]) -> String {
        guard !glyphs.isEmpty else { return "" }
        let sorted = glyphs.sorted { ($0.midY, $0.x0) < ($1.midY, $1.x0) }
        var lines: [[PDFGlyph]] = []
        var middle = 0.0
        for glyph in sorted {
            if let last = lines.last, let first = last.first, abs(glyph.midY - middle) <= 0.4 * min(glyph.height, first.height) {
                lines[lines.count - 1].append(glyph)
                middle += (glyph.midY - middle) / Double(last.count + 1)
            } else {
                lines.append([glyph])
                middle = glyph.midY
            }
        }
        var result = ""
        for line in lines {
            var text = ""
            var previous: PDFGlyph?
            for glyph in line.sorted(by: { $0.x0 < $1.x0 }) {
                if let previous, glyph.x0 - previous.x1 > 0.3 * max(glyph.height, previous.height),
                   previous.scalar.isASCII, glyph.scalar.isASCII {
                    text += " "
                }
                text.unicodeScalars.append(glyph.scalar)
                previous = glyph
            }
            result = PDFTableRebuilder.join(result, text)
        }
        return result
    }
}
