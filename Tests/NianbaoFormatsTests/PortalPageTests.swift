import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

/// Reports saved from a government portal: the page's metadata block, clock, counters and
/// footer around the report (Tests/Fixtures/portal, built by scripts/fixtures/make-portal-fixtures.py).
@Suite("Formats: pages saved from portals")
struct PortalPageTests {
    /// The page as the portal serves it, and as a crawler saves its text (chrome kept).
    static let pages = ["portal/shuyang-fgj-2023.html", "portal/shuyang-fgj-2023-trs.html", "portal/shuyang-fgj-2023-crawled.txt"]

    static func assessment(_ page: String) throws -> Assessment {
        let bytes = try Fixtures.bytes(page)
        let document = try #require(Extracting.document(bytes, String(page.split(separator: "/").last!)))
        return ReportEngine().assess(document)
    }

    @Test(arguments: pages)
    func agencyComesFromTheReportsOwnTitle(_ page: String) throws {
        let assessment = try Self.assessment(page)
        #expect(assessment.report.agency == "沭阳县发展和改革局")
        #expect(assessment.report.title == "沭阳县发展和改革局2023年政府信息公开工作年度报告")
        #expect(assessment.report.year == 2023)
    }

    @Test(arguments: pages)
    func publicationDateIsTheMetadataBlocksNotTheClock(_ page: String) throws {
        let assessment = try Self.assessment(page)
        #expect(assessment.report.published == CivilDate(year: 2024, month: 1, day: 17))
        #expect(assessment.report.signed == CivilDate(year: 2024, month: 1, day: 16))
        #expect(!assessment.findings.contains { $0.code == .publishedLate })
        #expect(!assessment.findings.contains { $0.message.contains("2025") })
    }

    @Test(arguments: pages)
    func blankOrganisationColumnsGiveOneWarningNotAFail(_ page: String) throws {
        let assessment = try Self.assessment(page)
        let blanks = assessment.findings.filter { $0.code == .cellBlank }
        #expect(blanks.count == 1)
        #expect(blanks.first?.severity == .warning)
        #expect(blanks.first?.message.hasPrefix("表二 法人或其他组织 5 列 × 25 行为空") == true, "\(blanks.map(\.message))")
        #expect(assessment.verdict == .warn)
        #expect(assessment.findings.map(\.code) == [.cellBlank], "\(assessment.findings.map { "\($0.code.rawValue) \($0.message)" })")
    }

    @Test(arguments: pages)
    func chromeIsNotReportText(_ page: String) throws {
        let assessment = try Self.assessment(page)
        let sixth = try #require(assessment.report.section(.otherMatters))
        #expect(!sixth.text.contains("附件下载"))
        #expect(!sixth.text.contains("ICP"))
        #expect(!sixth.text.contains("打印本页"))
        let overview = try #require(assessment.report.section(.overview))
        #expect(!overview.text.contains("浏览次数"))
    }

    @Test func theHTMLReaderDropsNavigationAndFooter() throws {
        let bytes = try Fixtures.bytes("portal/shuyang-fgj-2023.html")
        let lines = try #require(Extracting.document(bytes, "p.html")).lines.map(\.text)
        #expect(!lines.contains { $0.contains("走进沭阳") || $0.contains("网站标识码") || $0.contains("无障碍浏览") || $0.contains("星期二") })
        #expect(lines.contains { $0.contains("公开日期") }, "the metadata block is kept for the engine")
        #expect(lines.contains { $0.contains("依据《政府信息公开信息处理费管理办法》") })
    }

    @Test func crawledTextKeepsTheChromeTheEngineMustIgnore() throws {
        let text = try Fixtures.text("portal/shuyang-fgj-2023-crawled.txt")
        for chrome in ["日期：2025年12月30日 星期二", "标 题：", "浏览次数：127", "附件下载", "网站标识码"] {
            #expect(text.contains(chrome), "\(chrome)")
        }
    }

    @Test func anUnclosedChromeElementHidesNothing() throws {
        let page = "<html><body><div class=\"top\">日期：2025年12月30日 星期二<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>"
        let lines = try #require(Extracting.document(Array(page.utf8), "u.html")).lines.map(\.text)
        #expect(lines.contains("某局2023年政府信息公开工作年度报告") && lines.contains("一、总体情况"))
        let closed = "<html><body><div class=\"top\">日期：2025年12月30日 星期二</div><div id=\"top\"><p>一、总体情况</p></div><div class=\"footer\"><p>版权所有</p></div></body></html>"
        #expect(try #require(Extracting.document(Array(closed.utf8), "c.html")).lines.map(\.text) == ["一、总体情况"])
    }
}
