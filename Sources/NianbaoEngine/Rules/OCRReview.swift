/// A scan's numbers are read by OCR, so a failed arithmetic identity may be a
/// misreading rather than an error in the report. The PDF reader marks each
/// table row that holds a number read with low confidence in its location
/// (`OCRReview.marker`, e.g. "第 2 页第 5 行 · OCR 低置信度：第 3 列 45%").
/// Where an identity fails through such a row (or, for a column identity, in a
/// table that holds such a row), or a number cell of a scanned row came out
/// missing or not a number, its errors are replaced by one `ocr.uncertain`
/// warning naming the cells and their confidence. No value is ever computed
/// from the arithmetic.
public enum OCRReview {
    /// What the reader appends to the location of every table row read by OCR.
    public static let scanMarker = " · OCR"
    /// What it appends instead to a row with low-confidence cells (then "第 C 列 NN%" per cell).
    public static let marker = " · OCR 低置信度："

    /// Identities checked against the reading, and a row's own cells (a number OCR lost or misread).
    static let rowIdentities: Set<RuleCode> = [.table2RowSum]
    /// A number cell of a scanned row that came out missing, blank or not a number: OCR lost or misread it.
    static let cellReadings: Set<RuleCode> = [.cellMissing, .cellNotNumber, .cellBlank]
    static let columnIdentities: Set<RuleCode> = [.table2ResultTotal, .table2Balance, .table3GroupTotal]
    /// Narrative comparisons against table values OCR may have misread (either side).
    static let comparisons: Set<RuleCode> = [.narrativeReceived, .narrativeDisclosed, .narrativeCarriedForward,
                                             .narrativeNoApplications, .narrativeReviewLitigation, .narrativeNoReview]

    /// The findings with identity errors through low-confidence cells replaced by `ocr.uncertain`.
    public static func review(_ findings: [Finding], in document: SourceDocument) -> [Finding] {
        guard document.lines.contains(where: { $0.location.contains(scanMarker) }) else { return findings }
        let uncertain = document.lines.map(\.location).filter { $0.contains(marker) }
        var kept: [Finding] = []
        var replaced: [Finding] = []
        for finding in findings {
            let code = finding.code
            let throughRow = finding.location.map { location in uncertain.contains { $0.hasPrefix(location) || location.hasPrefix($0) } } ?? false
            let scannedRow = finding.location?.contains(scanMarker) ?? false
            if (rowIdentities.contains(code) && throughRow) || (columnIdentities.contains(code) && !uncertain.isEmpty)
                || (cellReadings.contains(code) && scannedRow) || comparisons.contains(code) {
                replaced.append(finding)
            } else {
                kept.append(finding)
            }
        }
        guard !replaced.isEmpty else { return findings }
        let unread = replaced.filter { cellReadings.contains($0.code) }.compactMap(\.location)
            .map { $0.split(separator: scanMarker).first.map(String.init) ?? $0 }
        let cells = (uncertain.map { $0.split(separator: marker).joined(separator: " ") } + unread.map { "\($0) 有数字未识别出" })
            .joined(separator: "；")
        let identities = replaced.map(\.message).joined(separator: "；")
        kept.append(Finding(.ocrUncertain, "扫描件的数字可能识别有误：以下单元格识别置信度低或未识别出：\(cells)。未通过的勾稽关系：\(identities)",
                            at: replaced.first?.location))
        return kept
    }
}
