/// Reads 表二 from the items of section 三: labels (wrapped, garbled or split
/// over lines) each followed by their values.
struct Table2Parser {
    let lines: [SourceLine]
    /// The normalised scalars of each line, which the items are ranges of.
    let normalized: [[Unicode.Scalar]]

    struct Result {
        var table: Table2?
        var findings: [Finding] = []
    }

    private struct PendingRow {
        var row: Table2Row
        var line: Int
        /// The row's values: `values[start..<end]` of the parse (one array for all rows).
        var start: Int
        var end: Int
    }

    func parse(_ items: [TableItem], startLine: Int) -> Result {
        var classifier = Table2RowClassifier()
        var started = false
        var label: [Unicode.Scalar] = []
        var fragment: [Unicode.Scalar] = []
        var labelLine = startLine
        var pending: PendingRow?
        var finished: [PendingRow] = []
        var values: [TableItem] = []
        values.reserveCapacity(items.count)
        var seen: UInt64 = 0  // bit per Table2Row raw value
        var sawFused = false
        var fusedLine = startLine
        var fusedText = ""
        var repairs: [(line: Int, text: String, group: Int?)] = []

        func close() {
            if let row = pending { finished.append(row) }
            pending = nil
        }

        for item in items {
            switch item.kind {
            case .text:
                close()
                fragment.removeAll(keepingCapacity: true)
                fragment.append(contentsOf: item.scalars(in: normalized))
                if Table2RowClassifier.startsLabel(fragment) {
                    if !label.isEmpty {
                        classifier.noteHeader(label)
                        noteRepair(label, line: labelLine, group: classifier.group, into: &repairs)
                    }
                    swap(&label, &fragment)
                    labelLine = item.line
                } else {
                    if label.isEmpty { labelLine = item.line }
                    label.append(contentsOf: fragment)
                }
            case .value, .empty:
                if pending == nil, !label.isEmpty {
                    let row = classifier.classify(label, started: started)
                    if row != nil { noteRepair(label, line: labelLine, group: classifier.group, into: &repairs) }
                    label.removeAll(keepingCapacity: true)
                    if let row, seen & (1 << UInt64(row.rawValue)) == 0 {
                        seen |= 1 << UInt64(row.rawValue)
                        started = true
                        pending = PendingRow(row: row, line: labelLine, start: values.count, end: values.count)
                    }
                }
                if pending != nil {
                    values.append(item)
                    pending?.end = values.count
                    if item.fused, !sawFused { sawFused = true; fusedLine = item.line; fusedText = item.written(in: normalized) }
                }
            }
        }
        close()
        guard started else { return Result(table: nil) }
        if sawFused {
            let message = "表二 单元格数字连在一起（如“\(fusedText)”，各列之间没有分隔），无法可靠读出各单元格，未读取此表"
            return Result(table: nil, findings: [Finding(.tableUnreadable, message, at: location(fusedLine))])
        }
        var table = Table2(startLine: startLine)
        table.rows.reserveCapacity(finished.count)
        table.rowLines.reserveCapacity(finished.count)
        var result = Result()
        var extraRows: [PendingRow] = []
        for pendingRow in finished {
            switch RowFitter.fit(values[pendingRow.start..<pendingRow.end], expected: Applicant.allCases.count, lines: normalized) {
            case .cells(let cells):
                table.rows[pendingRow.row] = cells
            case .extraIgnored(let cells):
                table.rows[pendingRow.row] = cells
                extraRows.append(pendingRow)
            case .ambiguous:
                let count = values[pendingRow.start..<pendingRow.end].filter { $0.kind == .value }.count
                let message = "表二 \(pendingRow.row.label)：有 \(count) 个数字，多于 7 列，且多出的数字不为 0，无法确定各列，未读取此行"
                result.findings.append(Finding(.tableUnreadable, message, at: location(pendingRow.line)))
                continue
            }
            table.rowLines[pendingRow.row] = pendingRow.line
        }
        if let first = extraRows.first {
            let names = extraRows.prefix(3).map(\.row.label).joined(separator: "、")
            let more = extraRows.count > 3 ? " 等" : ""
            let message = "表二 有 \(extraRows.count) 行多出空列或 0 值列（\(names)\(more)），已按前 7 列读取"
            result.findings.append(Finding(.extraColumnsIgnored, message, at: location(first.line)))
        }
        if let first = repairs.first {
            let example = first.group.map { "“\(first.text)”按含义识别为（\(Self.numerals[$0])）" } ?? "“\(first.text)”"
            let message = "表二 有 \(repairs.count) 处分组标签缺少序号（如\(example)），已按含义识别"
            result.findings.append(Finding(.textRepaired, message, at: location(first.line)))
        }
        result.table = table
        return result
    }

    private static let numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Records a group label whose numeral was lost by extraction: "()不予公开".
    private func noteRepair(_ label: [Unicode.Scalar], line: Int, group: Int?,
                            into repairs: inout [(line: Int, text: String, group: Int?)]) {
        guard label.count >= 2, ScalarText.isOpenParen(label[0]), ScalarText.isCloseParen(label[1]) else { return }
        let validGroup = group.flatMap { (1...9).contains($0) ? $0 : nil }
        repairs.append((line, ScalarText.string(ScalarText.withoutSpaces(label)), validGroup))
    }

    private func location(_ line: Int) -> String? {
        line >= 0 && line < lines.count ? lines[line].location : nil
    }
}
