import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

/// Markup as Word and LibreOffice export it: merged cells on a finer grid,
/// tracked changes, fields and content controls.
@Suite("Formats: exporters' markup")
struct ExporterMarkupTests {
    /// Word's HTML lays table 3 on a finer grid: 行政诉讼 spans 11 columns and a value
    /// sits in a colspan=2 cell. Each merged cell is read once: 15 values, not 16.
    @Test func wordHTMLTable3OnAFinerGrid() throws {
        let values = (1...15).map { $0 == 7 ? "<td colspan=2><p class=MsoNormal align=center>\($0)</p></td>"
                                              : "<td><p class=MsoNormal>\($0)&nbsp;</p></td>" }.joined()
        let page = """
        <html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body>
        <table class=MsoNormalTable border=1><col width=40><col width=41>
        <tr><td colspan=5><p class=MsoNormal>行政复议</p></td><td colspan=11><p class=MsoNormal>行政诉讼</p></td></tr>
        <tr>\(values)</tr></table></body></html>
        """
        let document = try #require(Extracting.document(Array(page.utf8), "a.html"))
        let row = try #require(document.lines.last?.text.split(separator: "\t", omittingEmptySubsequences: false))
        #expect(row.map(String.init) == (1...15).map(String.init))
    }

    /// Tracked changes read as the final document, field instructions drop, content controls keep their text.
    @Test func trackedChangesFieldsAndContentControls() throws {
        let xml = """
        <?xml version="1.0"?><w:document xmlns:w="w"><w:body>
        <w:p><w:r><w:t>本年度收到申请</w:t></w:r><w:del w:id="1"><w:r><w:delText>12</w:delText></w:r></w:del>
        <w:ins w:id="2"><w:r><w:t>13</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>
        <w:p><w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:fldChar w:fldCharType="begin"/></w:r>
        <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        <w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>江北市交通运输局</w:t></w:r></w:p></w:sdtContent></w:sdt>
        </w:body></w:document>
        """
        let document = try #require(Extracting.document(try DocxWriter.package(documentXML: Array(xml.utf8)), "a.docx"))
        #expect(document.lines.map(\.text) == ["本年度收到申请13件", "3", "江北市交通运输局"])
    }
}
