/// The cell grids of a PDF's ruled tables, for `nianbao extract`: every cell
/// with its page, table, row and column (1-based) and its text.
public enum PDFGridDump {
    /// One cell of one table.
    public struct Cell: Sendable, Hashable {
        public var page: Int
        public var table: Int
        public var row: Int
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
        public var text: String
    }

    /// The cells of every ruled table, in reading order; the pages (1-based) that hold
    /// table rows without ruling lines; and, for scanned pages, each cell as OCR read it
    /// (one reading of the PDF for all three).
    public static func cells(_ bytes: [UInt8], limits: ExtractionLimits = .default)
        -> (cells: [Cell], borderlessPages: [Int], scanned: [ScanDump.Cell]) {
        guard let result = try? PDFTextReader(limits: limits).readTables(bytes) else { return ([], [], []) }
        var cells: [Cell] = []
        for (number, table) in result.tables.enumerated() {
            for entry in table.cells {
                cells.append(Cell(page: table.page + 1, table: number + 1, row: entry.cell.row + 1, column: entry.cell.column + 1,
                                  rowSpan: entry.cell.rowSpan, columnSpan: entry.cell.columnSpan, text: entry.text))
            }
        }
        return (cells, result.borderlessPages.map { $0 + 1 }, ScanDump.cells(result.scannedCells))
    }
}
