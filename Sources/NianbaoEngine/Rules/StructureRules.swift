/// `report.year_missing`: no report year could be read.
struct YearRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard report.year == nil else { return [] }
        return [Finding(.yearMissing, "未能确定报告年度：标题和正文均未写明统计年度", at: RuleSupport.location(report.titleLine, in: document))]
    }
}

/// `section.missing`: one finding per template section not found.
struct SectionsRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        let found = Set(report.sections.map { $0.kind })
        return SectionKind.allCases.filter { !found.contains($0) }.map {
            Finding(.sectionMissing, "缺少第\($0.numeral)部分“\($0.heading.dropFirst(2))”")
        }
    }
}

/// `table.missing`: a statistical table not found, unless the parser already
/// reported it unreadable.
struct TablesPresentRule: Rule {
    func check(_ report: Report, _ document: SourceDocument) -> [Finding] {
        guard report.table1 == nil || report.table2 == nil || report.table3 == nil else { return [] }
        let unreadable = report.parseFindings.filter { $0.code == .tableUnreadable }.map(\.message)
        func reportedUnreadable(_ names: [String]) -> Bool {
            unreadable.contains { message in
                let namesAnyTable = Utf8Search.containsAny(message, ["表一", "表二", "表三", "表1", "表2", "表3", "表 1", "表 2", "表 3"])
                return !namesAnyTable || Utf8Search.containsAny(message, names)
            }
        }
        var findings: [Finding] = []
        if report.table1 == nil && !reportedUnreadable(["表一", "表1", "表 1"]) {
            findings.append(Finding(.tableMissing, "缺少表一“主动公开政府信息情况”"))
        }
        if report.table2 == nil && !reportedUnreadable(["表二", "表2", "表 2"]) {
            findings.append(Finding(.tableMissing, "缺少表二“收到和处理政府信息公开申请情况”"))
        }
        if report.table3 == nil && !reportedUnreadable(["表三", "表3", "表 3"]) {
            findings.append(Finding(.tableMissing, "缺少表三“政府信息公开行政复议、行政诉讼情况”"))
        }
        return findings
    }
}
