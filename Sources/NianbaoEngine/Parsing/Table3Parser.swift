/// Reads 表三 from the items of section 四: the first run of values after the
/// column headings, fitted to 15 cells.
struct Table3Parser {
    let lines: [SourceLine]
    /// The normalised scalars of each line, which the items are ranges of.
    let normalized: [[Unicode.Scalar]]

    struct Result {
        var table: Table3?
        var findings: [Finding] = []
    }

    private static let headingWords = [
        Keyword("审结"), Keyword("结果"), Keyword("维持"), Keyword("纠正"), Keyword("起诉"), Keyword("复议"), Keyword("诉讼"), Keyword("总计"),
    ]
    static let cellCount = Table3Group.allCases.count * Table3Outcome.allCases.count

    func parse(_ items: [TableItem], startLine: Int) -> Result {
        let headingSeen = items.contains { $0.isText && Keyword.any(Self.headingWords, in: $0.scalars(in: normalized)) }
        var afterHeading = !headingSeen
        var run: [TableItem] = []
        for item in items {
            if item.isText {
                if !run.isEmpty { break }
                if Keyword.any(Self.headingWords, in: item.scalars(in: normalized)) { afterHeading = true }
                continue
            }
            if afterHeading { run.append(item) }
        }
        guard !run.isEmpty else { return Result(table: nil) }
        if let fused = run.first(where: \.fused) {
            let message = "表三 单元格数字连在一起（如“\(fused.written(in: normalized))”），无法可靠读出各单元格，未读取此表"
            return Result(table: nil, findings: [Finding(.tableUnreadable, message, at: location(fused.line))])
        }
        switch RowFitter.fit(run[...], expected: Self.cellCount, lines: normalized) {
        case .cells(let cells):
            return Result(table: Table3(cells: cells, startLine: startLine))
        case .extraIgnored(let cells):
            let message = "表三 数据行多出空列或 0 值列，已按前 \(Self.cellCount) 列读取"
            return Result(table: Table3(cells: cells, startLine: startLine),
                          findings: [Finding(.extraColumnsIgnored, message, at: location(run[0].line))])
        case .ambiguous:
            let message = "表三 数据行有 \(run.count) 个数字，多于 \(Self.cellCount) 列，无法确定各列，未读取此表"
            return Result(table: nil, findings: [Finding(.tableUnreadable, message, at: location(run[0].line))])
        }
    }

    private func location(_ line: Int) -> String? {
        line >= 0 && line < lines.count ? lines[line].location : nil
    }
}
