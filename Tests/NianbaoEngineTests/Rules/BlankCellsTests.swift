import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

/// `table.cell_blank`: one warning per table listing the blank cells compactly; blanks read
/// as 0 for the arithmetic; a blank 总计 whose parts are not blank is still an error.
@Suite("Rules: blank cells")
struct BlankCellsTests {
    @Test func wholeOrganisationColumnsBlankGiveOneWarning() {
        var report = BuiltReport.clean()
        for row in Table2Row.rows(for: .t2021) {
            for column in [Applicant.commercial, .research, .publicInterest, .legalService, .otherOrganisation] {
                report = BuiltReport.setting(report, row, column, .blank, raw: "")
            }
        }
        let findings = ReportEngine().validate(report, in: BuiltReport.document).filter { $0.code == .cellBlank }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message == "表二 法人或其他组织 5 列 × 25 行为空（共 125 格），应填写数字（无则填 0）")
    }

    @Test func scatteredBlanksAreGroupedByColumn() {
        var report = BuiltReport.setting(BuiltReport.clean(), .withheldQuery, .research, .blank, raw: "/")
        report = BuiltReport.setting(report, .withheldStateSecret, .research, .blank, raw: "")
        report = BuiltReport.setting(report, .carriedOver, .legalService, .blank, raw: "—")
        let findings = ReportEngine().validate(report, in: BuiltReport.document)
        #expect(findings.map(\.code) == [.cellBlank], "a blank that is 0 makes no sum fail")
        #expect(findings.first?.message
            == "表二 法律服务机构 × 二、上年结转政府信息公开申请数量；科研机构 × （三）1.属于国家秘密、（三）8.属于行政查询事项为空（共 3 格），应填写数字（无则填 0）")
        #expect(Verdict(findings: findings) == .warn)
    }

    @Test func aBlankTotalWithPartsIsStillAnError() {
        let report = BuiltReport.setting(BuiltReport.clean(), .disclosed, .total, .blank, raw: "")
        let findings = ReportEngine().validate(report, in: BuiltReport.document)
        #expect(findings.map(\.code) == [.cellBlank, .table2RowSum, .table2ResultTotal])
        #expect(Verdict(findings: findings) == .fail)
    }

    @Test func shanghaiGetsOneBlankWarningForItsTable() {
        let assessment = FixtureFiles.assess(FixtureFiles.document("samples/shanghai_shizhengfu_bangongting_2019.txt"))
        // The page left zeros blank in tables 2 and 3: one warning each, where 24 row-by-row errors were.
        let blanks = assessment.findings.filter { $0.code == .cellBlank }
        #expect(blanks.map { String($0.message.prefix(3)) } == ["表二 ", "表三 "], "\(blanks.map(\.message))")
        #expect(blanks.allSatisfy { $0.severity == .warning })
        #expect(blanks.first?.message.hasPrefix("表二 科研机构、社会公益组织（2 列） × 23 行；商业企业 × 14 行") == true)
        #expect(blanks.last?.message.hasPrefix("表三 结果纠正、其他结果（2 列） × 3 行；") == true)
        // The findings that matter are still there, and still errors.
        #expect(assessment.findings.contains { $0.code == .table2RowSum && $0.severity == .error })
    }
}
