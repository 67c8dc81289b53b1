import NianbaoEngine

extension YearExport {
    /// The export as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, one
    /// section per table (a title line, a header line, the rows), then the per-report rows
    /// (表二 总计 column of every row and the fifteen 表三 cells) and the excluded reports,
    /// sections separated by an empty line. A text cell that a spreadsheet would run as a
    /// formula (=, +, -, @ …) gets a leading apostrophe unless `neutralisingFormulas` is
    /// false (for an importer told not to evaluate formulas, which keeps the text exact).
    public func csv(neutralisingFormulas: Bool = true) -> String {
        var lines: [[String]] = [["\(year) 年度政府信息公开工作年度报告汇总"], ["计入汇总", "\(included.count) 份"], ["未计入汇总", "\(excluded.count) 份"], []]
        lines += table1Section() + [[]] + table2Section() + [[]] + table3Section() + [[]] + agencySection()
        if !excluded.isEmpty {
            lines += [[], ["未计入汇总的报告"], ["单位", "文件", "原因"]] + excluded.map { [$0.agency, $0.file, $0.why] }
        }
        let field = { (text: String) in Self.field(neutralisingFormulas ? Self.neutralised(text) : text) }
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func table1Section() -> [[String]] {
        var lines: [[String]] = [["表一 主动公开政府信息情况"]]
        for block in tables.table1?.blocks ?? [] {
            let item = "第二十条第（\(Self.chineseNumeral(block.item))）项"
            lines.append([item, "信息内容"] + block.columns)
            lines += block.rows.map { [item, $0.label] + $0.cells.map(Self.number) }
        }
        return lines
    }

    private func table2Section() -> [[String]] {
        var lines: [[String]] = [["表二 收到和处理政府信息公开申请情况"], ["项目"] + Applicant.allCases.map(\.label)]
        guard let table2 = tables.table2 else { return lines }
        for row in Table2Row.allCases where table2.rows[row] != nil {
            lines.append([row.label] + Applicant.allCases.map { table2[row, $0].map(String.init) ?? "" })
        }
        return lines
    }

    private func table3Section() -> [[String]] {
        var lines: [[String]] = [["表三 政府信息公开行政复议、行政诉讼情况"], ["项目"] + Table3Outcome.allCases.map(\.label)]
        guard let table3 = tables.table3 else { return lines }
        for group in Table3Group.allCases {
            lines.append([group.label] + Table3Outcome.allCases.map { table3[group, $0].map(String.init) ?? "" })
        }
        return lines
    }

    private func agencySection() -> [[String]] {
        let rows = Table2Row.allCases.filter { row in agencies.contains { $0.tables?.table2?.rows[row] != nil } }
        var header = ["单位", "文件", "结论", "计入汇总"]
        header += rows.map { "表二 \($0.label) · 总计" }
        header += Table3Group.allCases.flatMap { group in Table3Outcome.allCases.map { "表三 \(group.label) · \($0.label)" } }
        var lines: [[String]] = [["各单位"], header]
        for agency in agencies {
            var line = [agency.agency, agency.file, agency.verdict.rawValue, agency.included ? "是" : "否"]
            line += rows.map { agency.tables?.table2?[$0, .total].map(String.init) ?? "" }
            line += Table3Group.allCases.flatMap { group in
                Table3Outcome.allCases.map { agency.tables?.table3?[group, $0].map(String.init) ?? "" }
            }
            lines.append(line)
        }
        return lines
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// `text` with a leading apostrophe when it begins like a formula (=, +, -, @, tab,
    /// CR, or their full-width forms), as OWASP's CSV-injection guidance says; plain
    /// numbers ("-3", "+1.5") are left as they are.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.unicodeScalars.dropFirst()
        guard text.unicodeScalars.first == "-" || text.unicodeScalars.first == "+", !digits.isEmpty else { return false }
        var sawPoint = false
        while let scalar = digits.popFirst() {
            if scalar == ".", !sawPoint, !digits.isEmpty { sawPoint = true; continue }
            guard ("0"..."9").contains(scalar) else { return false }
        }
        return true
    }

    static func number(_ value: TableNumber?) -> String {
        switch value {
        case .integer(let n)?: return String(n)
        case .decimal(let d)?: return String(d)
        case nil: return ""
        }
    }

    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return (0...10).contains(n) ? digits[n] : String(n)
    }
}
