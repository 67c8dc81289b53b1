/// Reads 表一 from the items of section 二: blocks opened by "第二十条第（X）项",
/// column headings after "信息内容", rows by their labels (规章, 行政许可 …).
struct Table1Parser {
    let lines: [SourceLine]
    /// The normalised scalars of each line, which the items are ranges of.
    let normalized: [[Unicode.Scalar]]

    struct Result {
        var table: Table1?
        var findings: [Finding] = []
    }

    private static let article = Keyword("第二十条")
    private static let contentHeading = Keyword("信息内容")
    /// Row labels by meaning; column headings such as 本年收费金额 or 采购总金额 match none.
    private static let rowWords = [
        Keyword("规章"), Keyword("规范性文件"), Keyword("行政许可"), Keyword("对外管理服务"), Keyword("行政处罚"),
        Keyword("行政强制"), Keyword("事业性收费"), Keyword("集中采购"),
    ]
    /// Columns per block when the heading row is missing: 2021 template.
    private static let defaultColumns: [Int: Int] = [1: 3, 5: 1, 6: 1, 8: 1, 9: 2]

    private struct BlockBuilder {
        var item: Int
        var columns: [String] = []
        var rows: [(label: String, line: Int, values: [TableItem])] = []
    }

    func parse(_ items: [TableItem], startLine: Int) -> Result {
        var blocks: [BlockBuilder] = []
        var sawFused = false
        var fusedLine = startLine
        var fusedText = ""
        var rowOpen = false
        // A heading split over two cells ("第二十条" | "第（一）项", as WPS documents have it).
        var articleCellOpen = false

        for item in items {
            if item.isText {
                let text = Array(item.scalars(in: normalized))
                let number = Self.blockNumber(text) ?? (articleCellOpen ? Self.itemNumber(text) : nil)
                articleCellOpen = number == nil && Self.isArticleOnly(text)
                if let number {
                    blocks.append(BlockBuilder(item: number))
                    rowOpen = false
                    continue
                }
                if articleCellOpen { continue }
                guard !blocks.isEmpty else { continue }
                let last = blocks.count - 1
                if Keyword.any(Self.rowWords, in: text) {
                    blocks[last].rows.append((ScalarText.string(text), item.line, []))
                    rowOpen = true
                } else if Self.contentHeading.occurs(in: text) {
                    rowOpen = false
                } else if blocks[last].rows.isEmpty {
                    blocks[last].columns.append(ScalarText.string(text))
                } else if rowOpen, let row = blocks[last].rows.last, row.values.isEmpty {
                    blocks[last].rows[blocks[last].rows.count - 1].label = row.label + ScalarText.string(text)
                } else {
                    rowOpen = false
                }
            } else {
                guard !blocks.isEmpty else { continue }
                if item.fused, !sawFused { sawFused = true; fusedLine = item.line; fusedText = item.written(in: normalized) }
                let last = blocks.count - 1
                if rowOpen, !blocks[last].rows.isEmpty {
                    blocks[last].rows[blocks[last].rows.count - 1].values.append(item)
                }
            }
        }
        guard !blocks.isEmpty else { return Result(table: nil) }
        if sawFused {
            let message = "表一 单元格数字连在一起（如“\(fusedText)”，各列之间没有分隔），无法可靠读出各单元格，未读取此表"
            return Result(table: nil, findings: [Finding(.tableUnreadable, message, at: location(fusedLine))])
        }
        var result = Result()
        var tableBlocks: [Table1Block] = []
        var extraRows: [String] = []
        var extraLine: Int?
        for block in blocks {
            let expected = block.columns.isEmpty ? (Self.defaultColumns[block.item] ?? 1) : block.columns.count
            var rows: [Table1Row] = []
            for row in block.rows {
                switch RowFitter.fit(row.values[...], expected: expected, lines: normalized) {
                case .cells(let cells):
                    rows.append(Table1Row(label: row.label, cells: cells, line: row.line))
                case .extraIgnored(let cells):
                    rows.append(Table1Row(label: row.label, cells: cells, line: row.line))
                    extraRows.append(row.label)
                    extraLine = extraLine ?? row.line
                case .ambiguous:
                    let message = "表一 第二十条第（\(Self.numeral(block.item))）项 \(row.label)：数字多于 \(expected) 列且多出的数字不为 0，无法确定各列，未读取此行"
                    result.findings.append(Finding(.tableUnreadable, message, at: location(row.line)))
                }
            }
            tableBlocks.append(Table1Block(item: block.item, columns: block.columns, rows: rows))
        }
        if let extraLine {
            let message = "表一 有 \(extraRows.count) 行多出空列或 0 值列（\(extraRows.prefix(3).joined(separator: "、"))），已按表头列数读取"
            result.findings.append(Finding(.extraColumnsIgnored, message, at: location(extraLine)))
        }
        result.table = Table1(blocks: tableBlocks, startLine: startLine)
        return result
    }

    /// "第二十条第（五）项" → 5.
    static func blockNumber(_ text: [Unicode.Scalar]) -> Int? {
        guard let at = ScalarText.find(article.scalars, in: text) else { return nil }
        var index = at + article.scalars.count
        while index < text.count, index < at + article.scalars.count + 6 {
            if let numeral = ScalarText.chineseNumeral(text[index]), index > 0, text[index - 1] != "条" {
                return numeral
            }
            index += 1
        }
        return nil
    }

    /// A cell holding only "第二十条" (its item number in the next cell).
    static func isArticleOnly(_ text: [Unicode.Scalar]) -> Bool {
        text.lazy.filter { !$0.properties.isWhitespace }.elementsEqual(article.scalars)
    }

    /// The number of a cell "第（一）项" or "（一）项" that continues a "第二十条" cell.
    static func itemNumber(_ text: [Unicode.Scalar]) -> Int? {
        let letters = text.filter { !$0.properties.isWhitespace && $0 != "第" && $0 != "（" && $0 != "(" }
        guard letters.count >= 2, letters.count <= 4, letters.last == "项",
              let numeral = ScalarText.chineseNumeral(letters[0]) else { return nil }
        return numeral
    }

    private static func numeral(_ item: Int) -> String {
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][max(0, min(9, item - 1))]
    }

    private func location(_ line: Int) -> String? {
        line >= 0 && line < lines.count ? lines[line].location : nil
    }
}
