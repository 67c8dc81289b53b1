/// A scan's text is read by OCR, so an error found in it may be a misreading
/// rather than an error in the report. The PDF reader marks every line of a
/// scanned page (`scanMarker`), and each table row holding a number read with
/// low confidence (`marker`, e.g. "第 2 页第 5 行 · OCR 低置信度：第 3 列 45%").
///
/// On a scanned page a report is never failed for something OCR may have
/// misread. An arithmetic identity that fails stays an error only where every
/// row it runs through was read with confidence (a row sum: its own row; a
/// column identity: every row of its table); otherwise, and for every error
/// that depends on what OCR made of labels and cells (a missing row, table or
/// section, a cell missing or not a number), the findings are replaced by one
/// `ocr.uncertain` warning naming the cells (第 P 页…) and their confidence. A
/// warning that the narrative disagrees with a table stays, noting that either may
/// be misread. No value is ever computed from the arithmetic.
public enum OCRReview {
    /// What the reader appends to the location of every line read by OCR.
    public static let scanMarker = " · OCR"
    /// What it appends instead to a row with low-confidence cells (then "第 C 列 NN%" per cell).
    public static let marker = " · OCR 低置信度："

    static let rowIdentities: Set<RuleCode> = [.table2RowSum]
    static let table2Identities: Set<RuleCode> = [.table2ResultTotal, .table2Balance]
    static let table3Identities: Set<RuleCode> = [.table3GroupTotal]
    /// Errors (and warnings) that follow from what OCR made of the labels, cells and narrative.
    static let readings: Set<RuleCode> = [
        .notAReport, .yearMissing, .sectionMissing, .tableMissing, .tableUnreadable, .rowMissing, .cellMissing,
        .cellNotNumber, .cellBlank, .negativeCount, .templateOutdated,
    ]
    /// Warnings that the narrative's figures disagree with the tables: kept (a warning fails nothing),
    /// with a note that either side may be misread.
    static let narratives: Set<RuleCode> = [
        .narrativeReceived, .narrativeDisclosed, .narrativeCarriedForward, .narrativeNoApplications,
        .narrativeReviewLitigation, .narrativeNoReview,
    ]
    /// What a kept narrative warning on a scan says besides.
    static let narrativeNote = "（扫描件经文字识别读取，正文或表中的数字可能识别有误，请对照原件核对）"

    /// The findings with whatever OCR may have misread replaced by one `ocr.uncertain` warning.
    public static func review(_ findings: [Finding], in document: SourceDocument, report: Report? = nil) -> [Finding] {
        let scanned = Set(document.lines.filter { $0.location.contains(scanMarker) }.compactMap { page(of: $0.location) })
        guard !scanned.isEmpty else { return findings }
        let doubtfulIndices = document.lines.indices.filter { document.lines[$0].location.contains(marker) }
        let doubtful = doubtfulIndices.map { document.lines[$0].location }
        let table2Lines = Set(report?.table2.map { table in Array(table.rowLines.values) + table.rows.values.flatMap { $0.map(\.line) } } ?? [])
        let table3Lines = Set(report?.table3.map { table in table.cells.map(\.line) + [table.startLine] } ?? [])
        let doubtInTable2 = report?.table2 == nil ? !doubtful.isEmpty : doubtfulIndices.contains(where: table2Lines.contains)
        let doubtInTable3 = report?.table3 == nil ? !doubtful.isEmpty : doubtfulIndices.contains(where: table3Lines.contains)
        var kept: [Finding] = []
        var replaced: [Finding] = []
        for var finding in findings {
            let code = finding.code
            // A finding placed on a page with a text layer is about that text, not OCR.
            let onScan = finding.location.flatMap(page(of:)).map(scanned.contains) ?? true
            let throughRow = finding.location.map { location in
                doubtful.contains { $0.hasPrefix(location) || location.hasPrefix($0) }
            } ?? false
            let uncertain = onScan && ((rowIdentities.contains(code) && throughRow)
                || (table2Identities.contains(code) && doubtInTable2)
                || (table3Identities.contains(code) && doubtInTable3)
                || readings.contains(code))
            if onScan, narratives.contains(code) { finding.message += narrativeNote }
            if uncertain { replaced.append(finding) } else { kept.append(finding) }
        }
        guard !replaced.isEmpty else { return kept }
        let cells = doubtful.map { $0.split(separator: marker).joined(separator: " ") }
        let cellText = cells.isEmpty ? "" : "识别置信度低的单元格：\(cells.joined(separator: "；"))。"
        let identities = replaced.map { finding in
            let location = finding.location.map { "（\($0.split(separator: scanMarker).first.map(String.init) ?? $0)）" } ?? ""
            return finding.message + location
        }.joined(separator: "；")
        kept.append(Finding(.ocrUncertain, "扫描件经文字识别读取，以下问题可能是识别有误，请对照原件核对：\(cellText)未通过的检查：\(identities)",
                            at: replaced.first?.location))
        return kept
    }

    /// The page number of a location "第 P 页…", if it names one.
    static func page(of location: String) -> Int? {
        guard location.hasPrefix("第 "), let end = location.firstIndex(of: "页") else { return nil }
        return Int(String(location.dropFirst(2)[..<end].filter { !$0.isWhitespace }))
    }
}
