/// 表三: its 15 cells (`table.cell_missing`, `table.cell_not_number`, `table.cell_blank`, one
/// warning for the table, `table.negative_count`) and, per group, 结果维持+结果纠正+其他结果+尚未审结 = 总计
/// (`table3.group_total`; blanks count as 0).
struct Table3Rule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let table = report.table3 else { return [] }
        var findings: [Finding] = []
        let start = RuleSupport.location(table.startLine, in: document)
        if table.cells.count < 15 {
            findings.append(Finding(.cellMissing, "表三：应有 15 个单元格，只有 \(table.cells.count) 个", at: start))
        }
        var blanks = BlankCells(table: "表三", rowCount: Table3Group.allCases.count)
        var totals: [Finding] = []
        for group in Table3Group.allCases {
            for outcome in Table3Outcome.allCases {
                guard let cell = table[group, outcome] else { continue }
                var at: String? { RuleSupport.location(cell.line, in: document) ?? start }
                switch cell.value {
                case .number(let n) where n < 0:
                    findings.append(Finding(.negativeCount, "表三 \(group.label) · \(outcome.label)：件数不能为负数，实为 \(n)", at: at))
                case .number:
                    break
                case .blank:
                    blanks.add(row: group.label, column: outcome.label, line: cell.line)
                case .amount, .text:
                    findings.append(Finding(.cellNotNumber, "表三 \(group.label) · \(outcome.label)：应为非负整数，实为“\(cell.raw)”", at: at))
                }
            }
            totals += groupTotal(table, group, document)
        }
        if let blank = blanks.finding(in: document) { findings.append(blank) }
        return findings + totals
    }

    private func groupTotal(_ table: Table3, _ group: Table3Group, _ document: SourceDocument) -> [Finding] {
        let totalCell = table[group, .total]
        guard let actual = RuleSupport.arithmeticValue(totalCell) else { return [] }
        var parts: [Int] = []
        for outcome in Table3Outcome.parts {
            guard let value = RuleSupport.arithmeticValue(table[group, outcome]) else { return [] }
            parts.append(value)
        }
        let at = RuleSupport.location(totalCell?.line ?? table.startLine, in: document)
        guard let expected = RuleSupport.sum(parts) else {
            return [Finding(.table3GroupTotal, "表三 \(group.label) · 总计：各项之和数值溢出，无法核对", at: at)]
        }
        guard expected != actual else { return [] }
        return [Finding(.table3GroupTotal, "表三 \(group.label) · 总计：应为 \(expected)，实为 \(RuleSupport.shown(totalCell))", at: at)]
    }
}
