import Testing
@testable import NianbaoEngine

/// Table 1's block headings as WPS documents hold them: "第二十条" in one cell and
/// "第（X）项" in the next.
@Suite("Engine: table 1 headings split over two cells")
struct Table1SplitHeadingTests {
    @Test(arguments: [("第（一）项", 1), ("（五）项", 5), ("第（六） 项", 6), ("第(八)项", 8), ("第（九）项", 9)])
    func theSecondCellNamesTheItem(_ cell: (String, Int)) {
        #expect(Table1Parser.isArticleOnly(Array("第二十条".unicodeScalars)))
        #expect(Table1Parser.itemNumber(Array(cell.0.unicodeScalars)) == cell.1)
    }

    @Test(arguments: ["第二十条第（一）项", "规章", "第二十条规定"])
    func otherCellsAreNotASplitArticle(_ cell: String) {
        #expect(!Table1Parser.isArticleOnly(Array(cell.unicodeScalars)))
    }

    @Test(arguments: ["行政许可", "第（一）项目", "本年制发件数", "项"])
    func otherCellsAreNotAnItem(_ cell: String) {
        #expect(Table1Parser.itemNumber(Array(cell.unicodeScalars)) == nil)
    }
}
