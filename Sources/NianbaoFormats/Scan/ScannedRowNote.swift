import NianbaoEngine

/// The note a table row of a scanned page carries in its location: " · OCR", or,
/// when a number in it was read with low confidence, `OCRReview.marker` and
/// "第 C 列 NN%" per cell, so
/// the engine can tell a failed identity from a possible misreading.
enum ScannedRowNote {
    static func note(_ row: PDFTableRebuilder.Row, _ cells: [ScannedCell], scannedPages: Set<Int>) -> String {
        guard scannedPages.contains(row.page) else { return "" }
        let middle = row.key - Double(row.page) * 100_000
        let doubtful = cells.filter {
            $0.page == row.page && $0.isNumber && $0.confidence < ScannedCell.lowConfidence && abs($0.midY - middle) < 0.01
        }
        guard !doubtful.isEmpty else { return OCRReview.scanMarker }
        return OCRReview.marker + doubtful.sorted { $0.column < $1.column }
            .map { "第 \($0.column + 1) 列 \(Int($0.confidence.rounded()))%" }.joined(separator: "，")
    }
}
