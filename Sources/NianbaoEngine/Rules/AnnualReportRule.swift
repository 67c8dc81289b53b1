/// `report.not_annual_report`: the text has no annual-report title, no section
/// headings and no tables. When this fires every other rule is skipped (see `Gated`).
struct AnnualReportRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard !AnnualReportRule.recognises(report, document) else { return [] }
        return [Finding(.notAReport, "未识别为政府信息公开工作年度报告：没有年度报告标题、六个部分的标题或统计表")]
    }

    /// Whether the report looks like an annual report at all: a title keyword,
    /// at least two of the six section headings, or any of the three tables.
    static func recognises(_ report: Report, _ document: SourceDocument) -> Bool {
        if report.table1 != nil || report.table2 != nil || report.table3 != nil { return true }
        if report.parseFindings.contains(where: { $0.code == .tableUnreadable }) { return true }
        var kinds = 0
        for section in report.sections { kinds |= 1 << section.kind.rawValue }
        if kinds.nonzeroBitCount >= 2 { return true }
        if let title = report.title, isTitle(title) { return true }
        for line in document.lines.prefix(40) where isTitle(line.text) { return true }
        return false
    }

    /// Whether a line reads like an annual report's title.
    static func isTitle(_ text: String) -> Bool {
        text.contains("政府信息公开") && (text.contains("年度报告") || text.contains("年报"))
    }
}

/// Runs a group of rules only on texts recognised as annual reports, so a random
/// text gets one finding rather than dozens.
struct Gated: Rule {
    let rules: [any Rule]

    init(_ rules: [any Rule]) { self.rules = rules }

    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard AnnualReportRule.recognises(report, document) else { return [] }
        return rules.flatMap { $0.check(report, document) }
    }
}
