import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: structure, template and identity")
struct RulesStructureTests {
    @Test func unrelatedTextGetsOneFinding() {
        let document = SourceDocument(text: "会议纪要\n今天讨论了食堂菜单。\n一致同意增加面食。")
        let findings = ReportEngine().assess(document).findings
        #expect(findings.map(\.code) == [.notAReport])
    }

    @Test func emptyReportIsNotAnAnnualReport() {
        #expect(BuiltReport.codes(Report(), SourceDocument(lines: [])) == [.notAReport])
    }

    @Test func missingSectionIsNamed() {
        var report = BuiltReport.clean()
        report.sections.removeAll { $0.kind == .reviewAndLitigation }
        let findings = ReportEngine().validate(report, in: BuiltReport.document)
        #expect(findings.map(\.code) == [.sectionMissing])
        #expect(findings.first?.message == "缺少第四部分“政府信息公开行政复议、行政诉讼情况”")
    }

    @Test func missingTableIsReported() {
        var report = BuiltReport.clean()
        report.table3 = nil
        #expect(BuiltReport.codes(report) == [.tableMissing])
    }

    @Test func unreadableTableIsNotAlsoMissing() {
        var report = BuiltReport.clean()
        report.table2 = nil
        report.parseFindings = [Finding(.tableUnreadable, "表二无法可靠读取")]
        #expect(BuiltReport.codes(report).isEmpty)
        report.parseFindings = [Finding(.tableUnreadable, "表三无法可靠读取")]
        #expect(BuiltReport.codes(report) == [.tableMissing])
    }

    @Test func missingYearIsReported() {
        var report = BuiltReport.clean()
        report.year = nil
        #expect(BuiltReport.codes(report) == [.yearMissing])
    }

    @Test func oldTemplateForALaterYearIsOutdated() {
        var report = BuiltReport.clean()
        report.table1 = BuiltReport.table1(template: .t2019)
        report.table2 = BuiltReport.table2(template: .t2019)
        report.template = .t2019
        #expect(BuiltReport.codes(report) == [.templateOutdated])
    }

    @Test func oneOtherRowWithNewTable1IsMixed() {
        var report = BuiltReport.clean()
        report.table2 = BuiltReport.table2(template: .t2019)
        #expect(BuiltReport.codes(report) == [.templateMixed])
    }

    @Test func titleWithoutPlaceIsIncomplete() {
        var report = BuiltReport.clean()
        report.title = "市商务局2023年政府信息公开工作年度报告"
        #expect(BuiltReport.codes(report) == [.titleIncomplete])
        report.title = "某市某局政府信息公开工作年度报告"
        #expect(BuiltReport.codes(report) == [.titleIncomplete])
        report.title = nil
        #expect(BuiltReport.codes(report) == [.titleIncomplete])
    }

    @Test func titleSplitOverTwoLinesIsComplete() {
        var report = BuiltReport.clean()
        var document = BuiltReport.document
        document.lines[0].text = "某县某局"
        document.lines[1].text = "2023年政府信息公开工作年度报告"
        report.title = "2023年政府信息公开工作年度报告"
        report.titleLine = 1
        #expect(BuiltReport.codes(report, document).isEmpty)
    }

    @Test func overviewOverAThousandCharactersIsTooLong() {
        let long = BuiltReport.overview + String(repeating: "加强政务公开", count: 160)
        let report = BuiltReport.withSection(BuiltReport.clean(), .overview, long)
        #expect(BuiltReport.codes(report) == [.overviewTooLong])
        #expect(OverviewLengthRule.characterCount("１2 a，。\t汉") == 4)
    }

    @Test func everyCodeHasAnExplanation() {
        for code in RuleCode.allCases {
            #expect(!code.title.isEmpty && code.explanation.count > 60, "\(code)")
        }
    }
}
