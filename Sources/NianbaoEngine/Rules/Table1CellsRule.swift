/// 表一's cells: `table.cell_not_number`, `table.cell_blank` (one warning for the whole table), `table.negative_count`.
/// Amounts (收费, 采购总金额) may have decimals; 本年增/减 may be negative.
struct Table1CellsRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let table = report.table1 else { return [] }
        var findings: [Finding] = []
        var blanks = BlankCells(table: "表一")
        for block in table.blocks {
            let columns = block.columns.filter { !Utf8Search.contains($0, "信息内容") }
            for row in block.rows {
                for (index, cell) in row.cells.enumerated() {
                    let heading = index < columns.count ? columns[index] : "第 \(index + 1) 列"
                    var name: String { "表一 第二十条第（\(Table1CellsRule.numeral(block.item))）项 \(row.label) · \(heading)" }
                    var at: String? { RuleSupport.location(cell.line, in: document) ?? RuleSupport.location(row.line, in: document) }
                    switch cell.value {
                    case .number(let n) where n < 0 && !Table1CellsRule.allowsNegative(block, index, columns):
                        findings.append(Finding(.negativeCount, "\(name)：不能为负数，实为 \(n)", at: at))
                    case .amount(let a) where a < 0 && !Table1CellsRule.allowsNegative(block, index, columns):
                        findings.append(Finding(.negativeCount, "\(name)：不能为负数，实为 \(cell.raw)", at: at))
                    case .number, .amount:
                        break
                    case .blank:
                        blanks.add(row: row.label, column: heading, line: cell.line)
                    case .text:
                        findings.append(Finding(.cellNotNumber, "\(name)：应为数字，实为“\(cell.raw)”", at: at))
                    }
                }
            }
        }
        if let blank = blanks.finding(in: document) { findings.append(blank) }
        return findings
    }

    /// 本年增/减 (2019 template, items 5, 6 and 8, second column) may be negative.
    static func allowsNegative(_ block: Table1Block, _ index: Int, _ columns: [String]) -> Bool {
        if index < columns.count { return Utf8Search.containsAny(columns[index], ["增", "减"]) }
        return index == 1 && [5, 6, 8].contains(block.item) && columns.contains { Utf8Search.contains($0, "上一年") }
    }

    /// "一", "五", "六", "八", "九" for the 第二十条 item numbers.
    static func numeral(_ item: Int) -> String {
        let numerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return item >= 0 && item < numerals.count ? numerals[item] : String(item)
    }
}
