import Foundation
import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: the year's 汇总")
struct YearExportTests {
    /// The 2021-template samples plus two with table errors and one without tables.
    static let names = ["000_fb640ca0b162b3d7.txt", "001_53afeb125be3f4fc.txt", "003_458875e39d02c745.txt", "huaian_hongze_2024.txt",
                        "huaian_hongze_2023.txt", "shanghai_shizhengfu_bangongting_2019.txt", "pingtan_2021.txt"]
    static let included = ["聊城市商务和投资促进局", "市商务局", "昌乐县商务局", "淮安市洪泽区人民政府"]

    static func exportReports() throws -> [ExportReport] {
        try names.map { name in
            let assessment = try OfficeFixtures.assessment(name)
            return ExportReport(agency: assessment.report.agency ?? name, file: "reports/\(name)", verdict: assessment.verdict,
                                codes: assessment.findings.map(\.code.rawValue), tables: TablesRecord(assessment.report))
        }
    }

    @Test func includedAndExcludedWithReasons() throws {
        let export = YearExport(year: 2024, reports: try Self.exportReports())
        #expect(export.included == Self.included)
        #expect(export.excluded.map(\.agency) == ["洪泽区人民政府", "上海市人民政府办公厅", "平潭综合实验区"])
        #expect(export.excluded[0].why == "表格有错误：表三总计不符（table3.group_total）")
        #expect(export.excluded[1].why == "表格有错误：单元格空白（table.cell_blank）、表二行合计不符（table2.row_sum）、表二办理结果总计不符（table2.result_total）")
        #expect(export.excluded[2].why == "表格有错误：表格无法读取（table.unreadable）")
        #expect(export.excluded[0].file == "reports/huaian_hongze_2023.txt")
        #expect(export.agencies.count == 7 && export.agencies.filter(\.included).count == 4)
        #expect(YearExport.exclusionReason(ExportReport(agency: "甲", file: "x", verdict: .fail, codes: [], tables: nil)) == "未读出表格数据")
        #expect(YearExport.exclusionReason(ExportReport(agency: "甲", file: "x", verdict: .warn, codes: ["table.extra_columns_ignored"],
                                                        tables: TablesRecord(table1: Table1Record(blocks: []), table2: Table2Record(), table3: nil))) == "缺少表三")
        #expect(!TableErrorCodes.all.contains(.extraColumnsIgnored) && TableErrorCodes.all.contains(.templateOutdated))
    }

    @Test func sumsEqualTotalsComputedFromTheParsedReports() throws {
        let export = YearExport(year: 2024, reports: try Self.exportReports())
        let reports = try Self.names.prefix(4).map(OfficeFixtures.report)
        var table2Checked = 0
        for row in Table2Row.allCases {
            for column in Applicant.allCases {
                let values = reports.compactMap { $0.table2?[row, column]?.count }
                let expected = values.isEmpty ? nil : values.reduce(0, +)
                #expect(export.tables.table2?[row, column] == expected, "\(row) \(column)")
                if expected != nil { table2Checked += 1 }
            }
        }
        #expect(table2Checked >= 25 * 7)
        for group in Table3Group.allCases {
            for outcome in Table3Outcome.allCases {
                let expected = reports.reduce(0) { $0 + ($1.table3?[group, outcome]?.count ?? 0) }
                #expect(export.tables.table3?[group, outcome] == expected, "\(group) \(outcome)")
            }
        }
        var table1: [String: [Double]] = [:]
        for report in reports {
            for block in report.table1?.blocks ?? [] {
                for row in block.rows {
                    let key = "\(block.item)/\(row.label.filter { !$0.isWhitespace })"
                    var sums = table1[key] ?? []
                    for (i, cell) in row.cells.enumerated() {
                        if sums.count <= i { sums.append(0) }
                        sums[i] += cell.numeric ?? 0
                    }
                    table1[key] = sums
                }
            }
        }
        var exported: [String: [Double]] = [:]
        for block in export.tables.table1?.blocks ?? [] {
            for row in block.rows { exported["\(block.item)/\(row.label)"] = row.cells.map { $0?.double ?? 0 } }
        }
        #expect(exported == table1)
        #expect(exported["5/行政许可"] == [2 + 184 + 0 + 9487])
        // Two hand-checked figures: 行政许可 and 表二 一、本年新收 总计 over the four included reports.
        #expect(export.tables.table2?[.received, .total] == reports.reduce(0) { $0 + ($1.table2?[.received, .total]?.count ?? 0) })
    }

    @Test func jsonHasTheIssueFields() throws {
        let export = YearExport(year: 2024, reports: try Self.exportReports())
        let json = try export.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        #expect(object["included"] as? [String] == Self.included)
        let excluded = try #require(object["excluded"] as? [[String: String]])
        #expect(excluded.count == 3 && Set(excluded[0].keys) == ["agency", "file", "why"])
        #expect(object["tables"] is [String: Any])
        #expect((object["agencies"] as? [Any])?.count == 7)
        #expect(json.contains("\"洪泽区人民政府\"") && !json.contains("\\/"))
        #expect(try JSONDecoder().decode(YearExport.self, from: Data(json.utf8)) == export)
    }

    @Test func csvOpensInExcel() throws {
        let export = YearExport(year: 2024, reports: try Self.exportReports())
        let csv = export.csv()
        #expect(csv.hasPrefix("\u{FEFF}2024 年度政府信息公开工作年度报告汇总\r\n"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.contains("表二 收到和处理政府信息公开申请情况"))
        #expect(lines.contains("项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计"))
        let total = export.tables.table2?[.total, .total] ?? -1
        #expect(lines.contains { $0.hasPrefix("（七）总计,") && $0.hasSuffix(",\(total)") })
        #expect(lines.contains("第二十条第（五）项,行政许可,\(2 + 184 + 9487)"))
        #expect(lines.contains { $0.hasPrefix("淮安市洪泽区人民政府,reports/huaian_hongze_2024.txt,warn,是,") })
        #expect(lines.contains { $0.hasPrefix("平潭综合实验区,reports/pingtan_2021.txt,fail,否,") })
        #expect(lines.contains("上海市人民政府办公厅,reports/shanghai_shizhengfu_bangongting_2019.txt,表格有错误：单元格空白（table.cell_blank）、表二行合计不符（table2.row_sum）、表二办理结果总计不符（table2.result_total）"))
        // Every line of a table section has the header's field count.
        let header = try #require(lines.firstIndex(of: "项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计"))
        let rows = lines[(header + 1)...].prefix { !$0.isEmpty }
        #expect(rows.count >= 25 && rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 8 })
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        let report = ExportReport(agency: "某局,\"分局\"", file: "a,b.pdf", verdict: .fail, codes: [], tables: nil)
        let csv = YearExport(year: 2024, reports: [report]).csv()
        #expect(csv.contains("\r\n\"某局,\"\"分局\"\"\",\"a,b.pdf\",未读出表格数据\r\n"))
    }
}

/// OWASP's CSV-injection guidance: a text cell that begins like a formula is neutralised.
@Suite("Office: CSV formula injection")
struct CSVFormulaInjectionTests {
    @Test(arguments: [#"=cmd|'/C calc'!A0局"#, "+1+1局", "-2+3局", "@SUM(1)局", "\t=1局", "\r=1局", "＝1+1局"])
    func formulaLikeAgencyIsNeutralised(agency: String) {
        let report = ExportReport(agency: agency, file: agency + ".txt", verdict: .pass, codes: [], tables: nil)
        let csv = YearExport(year: 2024, reports: [report]).csv()
        let cells = csv.components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: ",") }
            .map { $0.hasPrefix("\"") ? String($0.dropFirst()) : $0 }
        #expect(!cells.contains { $0.first.map { "=+-@\t\r＝".contains($0) } ?? false }, "\(csv)")
        #expect(csv.contains("'" + agency.prefix(1)))
        // An importer that does not evaluate formulas gets the exact text.
        #expect(YearExport(year: 2024, reports: [report]).csv(neutralisingFormulas: false).contains(agency.prefix(3)))
    }

    @Test func plainNumbersAndOrdinaryTextStayAsTheyAre() {
        #expect(YearExport.neutralised("-3") == "-3")
        #expect(YearExport.neutralised("+1.5") == "+1.5")
        #expect(YearExport.neutralised("-") == "'-")
        #expect(YearExport.neutralised("淮安市-教育局") == "淮安市-教育局")
        #expect(YearExport.neutralised("") == "")
    }
}
