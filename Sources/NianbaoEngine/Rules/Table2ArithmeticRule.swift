/// 表二's 勾稽关系: `table2.row_sum` (each row's six applicant columns add up to 总计),
/// `table2.result_total` (（七）总计 is the sum of the result rows, per column) and
/// `table2.balance` (一+二 = 三（七）+四, per column). Blanks count as 0; a check
/// involving a missing or non-numeric cell is skipped (that cell is reported elsewhere).
struct Table2ArithmeticRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard let source = report.table2 else { return [] }
        let table = Table2Grid(source)
        let shape = TemplateShape(report)
        var findings: [Finding] = []
        let rows = shape.table2Rows
        for row in rows where table.has(row) {
            findings += rowSum(table, row, document)
        }
        let resultRows = TemplateShape.resultRows(for: shape.table2 ?? .t2021)
        for column in Applicant.allCases {
            findings += resultTotal(table, column, resultRows, document)
        }
        for column in Applicant.allCases {
            findings += balance(table, column, document)
        }
        return findings
    }

    private func rowSum(_ table: Table2Grid, _ row: Table2Row, _ document: SourceDocument) -> [Finding] {
        let totalCell = table[row, .total]
        guard let actual = RuleSupport.arithmeticValue(totalCell) else { return [] }
        var expected: Int? = 0
        for column in Applicant.parts {
            guard let value = RuleSupport.arithmeticValue(table[row, column]) else { return [] }
            expected = expected.flatMap { RuleSupport.adding($0, value) }
        }
        var at: String? { RuleSupport.location(totalCell?.line ?? table.source.rowLines[row], in: document) }
        guard let expected else {
            return [Finding(.table2RowSum, "表二 \(row.label) · 总计：各类申请人之和数值溢出，无法核对", at: at)]
        }
        guard expected != actual else { return [] }
        return [Finding(.table2RowSum, "表二 \(row.label) · 总计：应为 \(expected)，实为 \(RuleSupport.shown(totalCell))", at: at)]
    }

    private func resultTotal(_ table: Table2Grid, _ column: Applicant, _ resultRows: [Table2Row], _ document: SourceDocument) -> [Finding] {
        guard let totalCell = table[.total, column], let actual = RuleSupport.arithmeticValue(totalCell) else { return [] }
        var expected: Int? = 0
        for row in resultRows {
            guard let value = RuleSupport.arithmeticValue(table[row, column]) else { return [] }
            expected = expected.flatMap { RuleSupport.adding($0, value) }
        }
        var at: String? { RuleSupport.location(totalCell.line, in: document) }
        guard let expected else {
            return [Finding(.table2ResultTotal, "表二 （七）总计 · \(column.label)：各项办理结果之和数值溢出，无法核对", at: at)]
        }
        guard expected != actual else { return [] }
        return [Finding(.table2ResultTotal, "表二 （七）总计 · \(column.label)：应为 \(expected)，实为 \(RuleSupport.shown(totalCell))", at: at)]
    }

    private func balance(_ table: Table2Grid, _ column: Applicant, _ document: SourceDocument) -> [Finding] {
        guard let received = RuleSupport.arithmeticValue(table[.received, column]),
              let carriedOver = RuleSupport.arithmeticValue(table[.carriedOver, column]),
              let total = RuleSupport.arithmeticValue(table[.total, column]),
              let carriedForward = RuleSupport.arithmeticValue(table[.carriedForward, column]) else { return [] }
        var at: String? { RuleSupport.location(table[.total, column]?.line ?? table.source.rowLines[.total], in: document) }
        guard let left = RuleSupport.adding(received, carriedOver), let right = RuleSupport.adding(total, carriedForward) else {
            return [Finding(.table2Balance, "表二 \(column.label)列：数值溢出，无法核对一+二与三（七）+四", at: at)]
        }
        guard left != right else { return [] }
        return [Finding(.table2Balance, "表二 \(column.label)列：一+二=\(left)，三（七）+四=\(right)，应相等", at: at)]
    }
}

/// 表二's cells in arrays indexed by row and column, for fast repeated access.
struct Table2Grid {
    let source: Table2
    private let cells: [[Cell]?]

    init(_ table: Table2) {
        source = table
        var cells = [[Cell]?](repeating: nil, count: Table2Grid.rowCount)
        for (row, values) in table.rows { cells[row.rawValue] = values }
        self.cells = cells
    }

    private static let rowCount = Table2Row.allCases.count

    func has(_ row: Table2Row) -> Bool { cells[row.rawValue] != nil }

    /// The cells of a row, if present.
    func cells(_ row: Table2Row) -> [Cell]? { cells[row.rawValue] }

    subscript(row: Table2Row, column: Applicant) -> Cell? {
        guard let values = cells[row.rawValue], column.rawValue < values.count else { return nil }
        return values[column.rawValue]
    }
}
