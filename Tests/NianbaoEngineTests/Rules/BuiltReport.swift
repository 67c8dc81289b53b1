import NianbaoTestSupport
@testable import NianbaoEngine

/// A hand-built, publishable 2023 report (2021 template) with real, balanced
/// non-zero numbers, and helpers to mutate it for rule tests.
enum BuiltReport {
    /// 表二 rows (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计).
    static let table2Values: [Table2Row: [Int]] = [
        .received: [5, 2, 0, 1, 0, 0, 8],
        .carriedOver: [1, 0, 0, 0, 0, 0, 1],
        .disclosed: [2, 1, 0, 0, 0, 0, 3],
        .partlyDisclosed: [1, 0, 0, 0, 0, 0, 1],
        .withheldThirdParty: [0, 1, 0, 0, 0, 0, 1],
        .unavailableNotHeld: [1, 0, 0, 1, 0, 0, 2],
        .notProcessedRepeated: [1, 0, 0, 0, 0, 0, 1],
        .total: [5, 2, 0, 1, 0, 0, 8],
        .carriedForward: [1, 0, 0, 0, 0, 0, 1],
    ]

    /// 表三: 行政复议 1 1 0 0 2 · 未经复议直接起诉 0 0 1 1 2 · 复议后起诉 0 0 0 0 0.
    static let table3Values = [1, 1, 0, 0, 2, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0]

    static let overview = "2023年，某市某局认真贯彻《中华人民共和国政府信息公开条例》。本年度共收到政府信息公开申请8件，予以公开3件，1件结转下年度继续办理。全年被申请行政复议2件，提起行政诉讼2件。局网站发布信息356条，办理人大建议12件。"

    static let document = SourceDocument(lines: (0..<200).map { SourceLine(text: "", location: "第 \($0 + 1) 行") })

    static func cell(_ value: Int, line: Int) -> Cell { Cell(value: .number(value), raw: String(value), line: line) }

    static func table2(template: Template = .t2021) -> Table2 {
        var table = Table2(startLine: 60)
        for (offset, row) in Table2Row.rows(for: template).enumerated() {
            let line = 62 + offset
            let values = table2Values[row] ?? [0, 0, 0, 0, 0, 0, 0]
            table.rows[row] = values.map { cell($0, line: line) }
            table.rowLines[row] = line
        }
        return table
    }

    static func table1(template: Template = .t2021) -> Table1 {
        func row(_ label: String, _ values: [Cell.Value], _ line: Int) -> Table1Row {
            Table1Row(label: label, cells: values.map { Cell(value: $0, raw: "", line: line) }, line: line)
        }
        switch template {
        case .t2021:
            return Table1(blocks: [
                Table1Block(item: 1, columns: ["本年制发件数", "本年废止件数", "现行有效件数"],
                            rows: [row("规章", [.number(0), .number(0), .number(2)], 42), row("行政规范性文件", [.number(3), .number(1), .number(12)], 43)]),
                Table1Block(item: 5, columns: ["本年处理决定数量"], rows: [row("行政许可", [.number(120)], 45)]),
                Table1Block(item: 6, columns: ["本年处理决定数量"], rows: [row("行政处罚", [.number(35)], 47), row("行政强制", [.number(4)], 48)]),
                Table1Block(item: 8, columns: ["本年收费金额（单位：万元）"], rows: [row("行政事业性收费", [.amount(12.5)], 50)]),
            ], startLine: 40)
        case .t2019:
            return Table1(blocks: [
                Table1Block(item: 1, columns: ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                            rows: [row("规章", [.number(0), .number(0), .number(2)], 42)]),
                Table1Block(item: 5, columns: ["上一年项目数量", "本年增/减", "处理决定数量"], rows: [row("行政许可", [.number(10), .number(-2), .number(30)], 45)]),
                Table1Block(item: 9, columns: ["采购项目数量", "采购总金额"], rows: [row("政府集中采购", [.number(2), .amount(3.5)], 50)]),
            ], startLine: 40)
        }
    }

    static func section(_ kind: SectionKind, _ text: String) -> Section {
        let heading = kind.rawValue * 20
        return Section(kind: kind, headingLine: heading, bodyLines: (heading + 1)..<(heading + 2), text: text)
    }

    /// The clean report: every rule passes it with no finding at all.
    static func clean() -> Report {
        Report(
            title: "某市某局2023年政府信息公开工作年度报告", titleLine: 0, agency: "某市某局", year: 2023,
            signed: CivilDate(year: 2024, month: 1, day: 20), signedLine: 190, template: .t2021,
            sections: [
                section(.overview, overview),
                section(.proactiveDisclosure, ""),
                section(.applications, ""),
                section(.reviewAndLitigation, ""),
                section(.problems, "一是信息发布时效有待提高，部分栏目更新间隔超过一个月；二是政策解读形式单一。下一步将建立发布台账，重点栏目每周更新，并对重要文件同步制作图解。"),
                section(.otherMatters, "本机关全年未收取信息处理费。"),
            ],
            table1: table1(), table2: table2(), table3: Table3(cells: table3Values.map { cell($0, line: 120) }, startLine: 118)
        )
    }

    /// The codes all rules raise for `report`.
    static func codes(_ report: Report, _ document: SourceDocument = document) -> Set<RuleCode> {
        Set(ReportEngine().validate(report, in: document).map(\.code))
    }

    /// Replaces one 表二 cell.
    static func setting(_ report: Report, _ row: Table2Row, _ column: Applicant, _ value: Cell.Value, raw: String = "") -> Report {
        var report = report
        report.table2?.rows[row]?[column.rawValue] = Cell(value: value, raw: raw, line: 70)
        return report
    }

    /// Replaces one 表二 count.
    static func setting(_ report: Report, _ row: Table2Row, _ column: Applicant, _ value: Int) -> Report {
        setting(report, row, column, .number(value), raw: String(value))
    }

    /// Replaces a section's text.
    static func withSection(_ report: Report, _ kind: SectionKind, _ text: String) -> Report {
        var report = report
        if let index = report.sections.firstIndex(where: { $0.kind == kind }) { report.sections[index].text = text }
        return report
    }
}
