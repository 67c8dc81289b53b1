import NianbaoEngine

/// The note a table row of a scanned page carries in its location: " · OCR", or,
/// when a number in it was read with low confidence or a cell beside its numbers came out blank, `OCRReview.marker` and
/// "第 C 列 NN%" per cell, so
/// the engine can tell a failed identity from a possible misreading.
enum ScannedRowNote {
    static func note(_ row: PDFTableRebuilder.Row, _ cells: [ScannedCell], scannedPages: Set<Int>) -> String {
        guard scannedPages.contains(row.page) else { return "" }
        let middle = row.key - Double(row.page) * 100_000
        let inRow = cells.filter { $0.page == row.page && abs($0.midY - middle) < 0.01 }
        // A blank cell among the numbers (not in the label columns on their left) may be a number the scan lost.
        let firstNumber = inRow.filter(\.isNumber).map(\.column).min() ?? .max
        let doubtful = inRow.filter {
            $0.isNumber && $0.confidence < ScannedCell.lowConfidence || $0.text.isEmpty && $0.column > firstNumber
        }
        guard !doubtful.isEmpty else { return OCRReview.scanMarker }
        return OCRReview.marker + doubtful.sorted { $0.column < $1.column }
            .map { "第 \($0.column + 1) 列 \(Int($0.confidence.rounded()))%" }.joined(separator: "，")
    }
}
