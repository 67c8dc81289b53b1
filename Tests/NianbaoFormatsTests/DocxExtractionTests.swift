import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

@Suite("Formats: .docx")
struct DocxExtractionTests {
    @Test(arguments: [Extracting.cleanText, Extracting.sampleText])
    func tablesAndParagraphsMatchTheTextForm(_ fixture: String) throws {
        let blocks = ReportBlocks.parse(try Fixtures.text(fixture))
        let result = Extracting.extractor.extract(try DocxWriter.docx(blocks), fileName: "年报.docx")
        #expect(result.format == .docx)
        let document = try #require(result.document)
        let texts = Extracting.texts(document)
        #expect(Extracting.missing(ReportBlocks.expectedRows(blocks), in: texts) == [])
        #expect(Extracting.missing(ReportBlocks.paragraphs(blocks), in: texts) == [])
    }

    @Test func locationsNameParagraphsAndTableRows() throws {
        let blocks: [Block] = [.paragraph("一、总体情况"), .table([["规章", "0", "0", "0"]]), .paragraph("二、主动公开")]
        let document = try #require(Extracting.document(try DocxWriter.docx(blocks), "a.docx"))
        let pairs = document.lines.map { "\($0.location)|\($0.text)" }
        #expect(pairs.contains("第 1 段|一、总体情况"))
        #expect(pairs.contains("表 1 第 1 行|规章\t0\t0\t0"))
        #expect(pairs.contains("第 3 段|二、主动公开"))
    }

    @Test func gridSpanAndVMergeReadEachMergedCellOnce() throws {
        let xml = """
        <?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:tbl>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>（三）</w:t><w:br/><w:t>不予公开</w:t></w:r></w:p></w:tc>
        <w:tc><w:p><w:r><w:t>1.属于</w:t></w:r><w:r><w:t>国家秘密</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>不应出现</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>
        <w:tc><w:p><w:r><w:t>2.其他&amp;法律</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>
        """
        let document = try #require(Extracting.document(try DocxWriter.package(documentXML: Array(xml.utf8)), "a.docx"))
        #expect(document.lines.map(\.text) == [
            "三、本年度办理结果\t（一）予以公开\t5",
            "\t（三） 不予公开\t1.属于国家秘密\t0",
            "\t\t2.其他&法律\t1",
        ])
    }

    @Test func tabsBreaksAndTextBoxesInParagraphs() throws {
        let xml = """
        <w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:pPr><w:tabs><w:tab w:pos="1"/></w:tabs></w:pPr>
        <w:r><w:t>规章</w:t><w:tab/><w:t>0</w:t><w:br/><w:t>第二行</w:t></w:r>
        <w:r><w:instrText>PAGE</w:instrText></w:r><mc:AlternateContent><mc:Choice><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>乙</w:t></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>
        """
        let document = try #require(Extracting.document(try DocxWriter.package(documentXML: Array(xml.utf8)), "a.docx"))
        #expect(document.lines.map(\.text) == ["规章\t0", "第二行甲"])
    }
}
