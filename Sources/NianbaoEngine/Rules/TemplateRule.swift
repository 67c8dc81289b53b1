/// `template.outdated`: a report for 2021 or later on the 2019 (试行) tables.
/// `template.mixed`: tables of both templates in one report, e.g. the 2021 表一
/// with 表二's （六）其他处理 printed as one row.
struct TemplateRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        let shape = TemplateShape(report)
        let at = RuleSupport.location(report.table2?.startLine ?? report.table1?.startLine, in: document)
        let table1 = shape.table1
        if let one = table1, let two = shape.table2, one != two {
            let otherRows = two == .t2019 ? "（六）其他处理只有一行（2019 年试行格式）" : "（六）其他处理分三行（2021 年格式）"
            let table1Form = one == .t2019 ? "2019 年试行格式" : "2021 年格式"
            return [Finding(.templateMixed, "表格混用新旧格式：表一为\(table1Form)，表二\(otherRows)", at: at)]
        }
        guard let year = report.year, year >= 2021, (shape.table2 ?? table1) == .t2019 else { return [] }
        return [Finding(.templateOutdated, "\(year) 年度报告应使用国办公开办函〔2021〕30号格式，实为 2019 年试行格式（国办公开办函〔2019〕60号）", at: at)]
    }
}
