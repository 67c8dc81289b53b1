import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

@Suite("Formats: HTML")
struct HTMLExtractionTests {
    @Test(arguments: [Extracting.cleanText, Extracting.sampleText])
    func gbkPageMatchesTheTextForm(_ fixture: String) throws {
        let blocks = ReportBlocks.parse(try Fixtures.text(fixture))
        let page = HTMLWriter.page(blocks, charset: "gb2312")
        let gbk = try #require(Iconv.convert(Array(page.utf8), from: "UTF-8", to: "GBK"))
        #expect(String(validating: gbk, as: UTF8.self) == nil, "the page must really be GBK")
        let result = Extracting.extractor.extract(gbk, fileName: "index.htm")
        guard case .document(let document, let format, let encoding) = result else {
            Issue.record("refused: \(String(describing: result.refusal))")
            return
        }
        #expect(format == .html)
        #expect(encoding == "gb18030")
        let texts = Extracting.texts(document)
        #expect(Extracting.missing(ReportBlocks.expectedRows(blocks), in: texts) == [])
        #expect(Extracting.missing(ReportBlocks.paragraphs(blocks), in: texts) == [])
        #expect(!texts.contains { $0.contains("var a") || $0.contains("不应出现") || $0.contains("td {") })
    }

    @Test func rowspanColspanEntitiesAndNesting() throws {
        let page = """
        <html><body><h1>标题&ldquo;年报&rdquo;</h1><p>第一段<br>第二段&nbsp;A&amp;B</p>
        <table><tr><th rowspan="2">三、本年度办理结果</th><td colspan=2>（一）予以公开</td><td>5</td></tr>
        <tr><td>（二）部分公开</td><td></td><td>&nbsp;</td></tr>
        <tr><td>内<table><tr><td>嵌套</td></tr></table></td><td>1<td>2</tr></table><p>尾</p></body></html>
        """
        let document = try #require(Extracting.document(Array(page.utf8), "a.html"))
        #expect(document.lines.map(\.text) == [
            "标题“年报”", "第一段", "第二段 A&B",
            "三、本年度办理结果\t（一）予以公开\t5",
            "\t（二）部分公开\t\t",
            "内 嵌套\t1\t2",
            "尾",
        ])
        #expect(document.lines[3].location == "表 1 第 1 行")
        #expect(document.lines[0].location == "第 1 行")
    }

    @Test func utf8MetaAndUndeclaredGB18030() throws {
        let page = "<html><head><meta charset=\"utf-8\"></head><body><p>一、总体情况</p></body></html>"
        let result = Extracting.extractor.extract(Array(page.utf8), fileName: "a.html")
        guard case .document(let document, _, let encoding) = result else { Issue.record("refused"); return }
        #expect(encoding == "utf-8")
        #expect(document.lines.map(\.text) == ["一、总体情况"])
        let undeclared = try #require(Iconv.convert(Array("<html><body><p>二、主动公开</p></body></html>".utf8), from: "UTF-8", to: "GB18030"))
        #expect(Extracting.document(undeclared, "b.html")?.lines.map(\.text) == ["二、主动公开"])
    }

    @Test func gbkWithoutADecoderIsRefused() throws {
        let gbk = try #require(Iconv.convert(Array("<html><body><p>三、收到</p></body></html>".utf8), from: "UTF-8", to: "GBK"))
        let result = DocumentExtractor(legacy: nil).extract(gbk, fileName: "c.html")
        #expect(result.refusal?.code == .inputUnreadable)
    }
}
