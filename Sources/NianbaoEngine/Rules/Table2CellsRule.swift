/// 表二's rows and cells: `table.row_missing`, `table.cell_missing`,
/// `table.cell_not_number`, `table.cell_blank` (one warning for the whole table), `table.negative_count`.
struct Table2CellsRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let table = report.table2 else { return [] }
        var findings: [Finding] = []
        let grid = Table2Grid(table)
        let rows = TemplateShape(report).table2Rows
        var blanks = BlankCells(table: "表二", groups: [(name: "法人或其他组织", columns: Table2CellsRule.organisations)],
                                rowCount: rows.count)
        for row in rows {
            guard let cells = grid.cells(row) else {
                findings.append(Finding(.rowMissing, "表二 缺少“\(row.label)”行",
                                        at: RuleSupport.location(table.startLine, in: document)))
                continue
            }
            var rowLocation: String? { RuleSupport.location(table.rowLines[row] ?? table.startLine, in: document) }
            if cells.count < Applicant.allCases.count {
                let missing = Applicant.allCases.dropFirst(cells.count).map(\.label).joined(separator: "、")
                findings.append(Finding(.cellMissing, "表二 \(row.label)：应有 7 个单元格，只有 \(cells.count) 个（缺\(missing)）", at: rowLocation))
            }
            for column in Applicant.allCases where column.rawValue < cells.count {
                let cell = cells[column.rawValue]
                var at: String? { RuleSupport.location(cell.line, in: document) ?? rowLocation }
                switch cell.value {
                case .number(let n) where n < 0:
                    findings.append(Finding(.negativeCount, "表二 \(row.label) · \(column.label)：件数不能为负数，实为 \(n)", at: at))
                case .number:
                    break
                case .blank:
                    blanks.add(row: row.label, column: column.label, line: cell.line)
                case .amount, .text:
                    findings.append(Finding(.cellNotNumber, "表二 \(row.label) · \(column.label)：应为非负整数，实为“\(cell.raw)”", at: at))
                }
            }
        }
        if let blank = blanks.finding(in: document) { findings.append(blank) }
        return findings
    }

    /// The five 法人或其他组织 columns.
    static let organisations = [Applicant.commercial, .research, .publicInterest, .legalService, .otherOrganisation].map(\.label)
}
