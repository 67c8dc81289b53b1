/// The label cells of one table block, assembled from label pieces by geometry.
///
/// Pieces on a data row's own line anchor that row's cells (one per label
/// column). A piece on a fragment line joins the cell above it in the same
/// column (x-overlap, close below it) unless it starts a new label. A cell
/// opened on a fragment line becomes the first lines of the row cell just
/// below it, or the label of the one row whose numbers it surrounds, or of the
/// row just below or nearest. Pieces that belong to no row (merged labels
/// spanning several rows, text beside the table) stay lines of their own.
struct PDFLabelCells {
    private struct Cell {
        var row: Int?
        var pieces: [String]
        var x0: Double
        var x1: Double
        var top: Double
        var bottom: Double
        var page: Int
        /// Whether the cell's first piece starts a label ("1.", "（三）").
        var opensWithMarker: Bool
        /// Whether the cell lies in the label columns (not text beside the table).
        var inLabelArea = true
    }

    private var cells: [Cell] = []

    /// Label text that belongs to no single row, with where it stands.
    var loose: [(key: Double, page: Int, text: String)] {
        cells.filter { $0.row == nil }.map { (($0.top + $0.bottom) / 2, $0.page, $0.pieces.reduce("", PDFTableRebuilder.join)) }
    }

    init(block: PDFTableBlock, lines: [PDFPlacedLine]) {
        let height = block.height
        let rowKeys = block.dataRows.map { lines[$0].key }
        // The label area: from the leftmost label on a data row to the number columns.
        let labelLeft = block.dataRows.compactMap { lines[$0].line.labelSegments.first?.x0 }.min()
        for (position, index) in block.dataRows.enumerated() {
            let line = lines[index]
            for piece in line.line.labelSegments {
                cells.append(Cell(row: position, pieces: [piece.text], x0: piece.x0, x1: piece.x1, top: line.top,
                                  bottom: line.bottom, page: line.page,
                                  opensWithMarker: PDFTableRebuilder.startsWithMarker(piece.text)))
            }
        }
        for index in block.fragments {
            let line = lines[index]
            for piece in line.line.segments {
                let inLabelArea = labelLeft.map { piece.x0 >= $0 - 0.6 * height } ?? false
                let marker = PDFTableRebuilder.startsWithMarker(piece.text)
                if inLabelArea, !marker, let above = cellAbove(piece, line, height: height) {
                    cells[above].pieces.append(piece.text)
                    cells[above].x0 = min(cells[above].x0, piece.x0)
                    cells[above].x1 = max(cells[above].x1, piece.x1)
                    cells[above].bottom = line.bottom
                    continue
                }
                cells.append(Cell(row: nil, pieces: [piece.text], x0: piece.x0, x1: piece.x1, top: line.top,
                                  bottom: line.bottom, page: line.page, opensWithMarker: marker, inLabelArea: inLabelArea))
            }
        }
        mergeIntoCellsBelow(height: height)
        assignSurrounding(rows: rowKeys, height: height)
        assignNearest(rows: rowKeys, height: height)
    }

    /// A cell without a row that ends just above a row's cell in the same column,
    /// which does not start a label itself, is that cell's first lines.
    private mutating func mergeIntoCellsBelow(height: Double) {
        for index in cells.indices.reversed() where cells[index].row == nil && cells[index].inLabelArea {
            let cell = cells[index]
            let below = cells.indices.filter { other in
                let candidate = cells[other]
                return candidate.row != nil && candidate.page == cell.page && !candidate.opensWithMarker
                    && candidate.top >= cell.bottom - 0.3 * height && candidate.top - cell.bottom < 0.9 * height
                    && candidate.x0 <= cell.x1 + 0.3 * height && cell.x0 <= candidate.x1 + 0.3 * height
            }.min { cells[$0].top < cells[$1].top }
            guard let below else { continue }
            cells[below].pieces.insert(contentsOf: cell.pieces, at: 0)
            cells[below].top = cell.top
            cells[below].opensWithMarker = cell.opensWithMarker
            cells[below].x0 = min(cells[below].x0, cell.x0)
            cells[below].x1 = max(cells[below].x1, cell.x1)
            cells.remove(at: index)
        }
    }

    /// A cell still without a row: a label's first lines above its numbers belong to
    /// the first row below within two lines, else to the nearest row within one.
    private mutating func assignNearest(rows: [Double], height: Double) {
        for index in cells.indices where cells[index].row == nil && cells[index].inLabelArea {
            let key = (cells[index].top + cells[index].bottom) / 2
            cells[index].row = Self.row(for: key, rows: rows, height: height)
        }
    }

    /// A cell left without a row whose lines surround exactly one row's numbers
    /// (a label wrapped over several lines, its numbers on a middle line) is that row's.
    private mutating func assignSurrounding(rows: [Double], height: Double) {
        for index in cells.indices where cells[index].row == nil && cells[index].inLabelArea {
            let cell = cells[index]
            let inside = rows.indices.filter { rows[$0] >= cell.top - 0.3 * height && rows[$0] <= cell.bottom + 0.3 * height }
            if inside.count == 1 { cells[index].row = inside[0] }
        }
    }

    /// A row's label cells, left to right.
    func cells(ofRow row: Int) -> [String] {
        cells.filter { $0.row == row }.sorted { $0.x0 < $1.x0 }.map { $0.pieces.reduce("", PDFTableRebuilder.join) }
    }

    /// The nearest cell above the piece in the same column, ending just above it.
    private func cellAbove(_ piece: PDFSegment, _ line: PDFPlacedLine, height: Double) -> Int? {
        var best: (index: Int, gap: Double)?
        for (index, cell) in cells.enumerated() where cell.page == line.page && cell.bottom <= line.top + 0.3 * height {
            guard cell.x0 <= piece.x1 + 0.3 * height, piece.x0 <= cell.x1 + 0.3 * height else { continue }
            let gap = line.top - cell.bottom
            guard gap < 2.2 * height else { continue }
            if best == nil || gap < best!.gap { best = (index, gap) }
        }
        return best?.index
    }

    /// The row a piece with no cell to join belongs to: the first row below it within
    /// two lines (a label's first line sits above its numbers), else the nearest within one.
    private static func row(for key: Double, rows: [Double], height: Double) -> Int? {
        if let below = rows.firstIndex(where: { $0 >= key }), rows[below] - key <= 2.2 * height { return below }
        var best: (index: Int, distance: Double)?
        for (index, rowKey) in rows.enumerated() where abs(rowKey - key) <= 1.2 * height {
            if best == nil || abs(rowKey - key) < best!.distance { best = (index, abs(rowKey - key)) }
        }
        return best?.index
    }
}
