import Testing
import NianbaoEngine
import NianbaoTestSupport

/// The parser on small hand-made inputs: ambiguity, garbling, headings.
@Suite struct ParsingEdgeCaseTests {
    private func parse(_ text: String) -> Report {
        ReportEngine().parse(TextNormalization.document(from: text))
    }

    private let table2Head = "三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"

    @Test func extraNonZeroColumnsMakeTheRowUnreadable() {
        let report = parse(table2Head + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t5\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n")
        #expect(report.table2?[.received, .naturalPerson] == nil)
        #expect(report.table2?[.carriedOver, .total]?.count == 0)
        #expect(report.parseFindings.contains { $0.code == .tableUnreadable && $0.location == "第 3 行" })
    }

    @Test func placeholdersAreBlankAndUnitsStripped() {
        let report = parse(table2Head + "一、本年新收政府信息公开申请数量\t/\t—\t-\t无\t3件\t0\t3\n")
        let cells = report.table2?.rows[.received]?.map(\.value)
        #expect(cells == [.blank, .blank, .blank, .blank, .number(3), .number(0), .number(3)])
    }

    @Test func fullWidthDigitsAreRead() {
        let report = parse(table2Head + "一、本年新收政府信息公开申请数量\t１２\t0\t0\t0\t0\t0\t１２\n")
        #expect(report.table2?[.received, .naturalPerson]?.count == 12)
    }

    @Test func rowLabelsInsideSectionThreeAreNotHeadings() {
        let report = parse("一、总体情况\n正文\n" + table2Head + "三、本年度办理结果\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n四、政府信息公开行政复议、行政诉讼情况\n")
        #expect(report.sections.map(\.kind) == [.overview, .applications, .reviewAndLitigation])
        #expect(report.section(.reviewAndLitigation)?.headingLine == 6)
    }

    @Test func headingVariantsByMeaning() {
        let text = """
        某局2022年政府信息公开工作年度报告
        ## 一、总体情况
        （二）行政机关主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        （四）因政府信息公开工作被申请行政复议、提起行政诉讼情况
        五、政府信息公开工作存在的主要问题及改进情况
        六、其他需要报告的事项
        """
        let report = parse(text)
        #expect(report.sections.map(\.kind) == SectionKind.allCases)
        #expect(report.year == 2022)
        #expect(report.agency == "某局")
    }

    @Test func emptyAndGarbageDocumentsParseToEmptyReports() {
        #expect(parse("").sections.isEmpty)
        let report = parse("（（（（）））一、、、、\t\t\t1.2.3.\n三、\n（三）")
        #expect(report.table2 == nil)
    }
}
