import Testing
@testable import NianbaoEngine

/// What of a saved portal page is chrome, and what stays report text.
@Suite("Parsing: portal chrome")
struct PageChromeTests {
    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func countersClocksAndFootersAreChrome() {
        for line in ["发布日期：2024-01-17 09:32 来源：沭阳县发展和改革局 浏览次数：127 字号：[大 中 小]",
                     "日期：2025年12月30日 星期二", "当前位置：首页 > 政务公开 > 年度报告", "【打印本页】 【关闭窗口】",
                     "网站标识码：3213220001 苏ICP备05000617号", "附件下载："] {
            #expect(PageChrome.isChrome(Self.scalars(line)), "\(line)")
        }
    }

    @Test func reportTextIsNot() {
        for line in ["全年门户网站访问量达120万人次，点击量同比增长12%。", "2023年3月15日（星期三）召开政务公开工作推进会，部署全年重点任务，明确责任分工和完成时限要求。",
                     "转送承办单位办理", "沭阳县发展和改革局", "2024年1月16日", "如对本报告有疑问，请联系我们。"] {
            #expect(!PageChrome.isChrome(Self.scalars(line)), "\(line)")
        }
        // A crawl that lost its line breaks is one long line: kept, whatever it holds.
        let long = "当前位置： 首页政务公开 平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府 时间：2022-02-08 16:34 "
            + String(repeating: "一、总体情况。", count: 20) + " 附件下载"
        #expect(!PageChrome.isChrome(Self.scalars(long)))
        #expect(!PageChrome.isMetadata(Self.scalars(long)))
    }

    @Test func metadataLabelsAreReadWithoutTheirSpaces() {
        let title = Self.scalars("标    题：\t沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(PageChrome.isMetadata(title))
        #expect(PageChrome.afterLabel(title).map { String(String.UnicodeScalarView($0)) } == "沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(PageChrome.isMetadata(Self.scalars("发布机构：\t沭阳县发展和改革局\t生成日期：\t2024-01-16")))
        #expect(!PageChrome.isMetadata(Self.scalars("沭阳县发展和改革局2023年政府信息公开工作年度报告")))
    }

    @Test func titleAndDateComeFromTheReportNotTheWrapper() {
        let text = """
        日期：2025年12月30日 星期二
        当前位置：首页 > 年度报告 > 沭阳县发展和改革局2023年政府信息公开工作年度报告
        标 题：\t沭阳县发展和改革局2023年政府信息公开工作年度报告
        文 号：\t\t公开日期：\t2024-01-17
        沭阳县发展和改革局2023年政府信息公开工作年度报告
        一、总体情况
        正文。
        """
        let report = ReportEngine().parse(TextNormalization.document(from: text))
        #expect(report.title == "沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(report.agency == "沭阳县发展和改革局")
        #expect(report.published == CivilDate(year: 2024, month: 1, day: 17))
        // Only the labelled title: used without its label.
        let labelled = ReportEngine().parse(TextNormalization.document(from: "标题：沭阳县发展和改革局2023年政府信息公开工作年度报告\n一、总体情况\n正文。"))
        #expect(labelled.agency == "沭阳县发展和改革局")
    }
}
