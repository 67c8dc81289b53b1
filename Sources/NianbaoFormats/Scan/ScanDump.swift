/// The table cells of a scanned PDF's pages as OCR read them, for `nianbao
/// extract`: page, row and column in the page's grid (1-based), the text and
/// the confidence (0–100).
public enum ScanDump {
    public struct Cell: Sendable, Hashable {
        public var page: Int
        public var table: Int
        public var row: Int
        public var column: Int
        public var text: String
        public var confidence: Double
        public var isNumber: Bool
    }

    /// Every cell read by OCR, in page order, 1-based; empty for a PDF with a text layer
    /// (``PDFGridDump/cells(_:limits:)`` reads them with the grid).
    static func cells(_ scanned: [ScannedCell]) -> [Cell] {
        scanned.filter { !$0.text.isEmpty }.map {
            Cell(page: $0.page + 1, table: $0.table + 1, row: $0.row + 1, column: $0.column + 1, text: $0.text,
                 confidence: $0.confidence, isNumber: $0.isNumber)
        }
    }
}
