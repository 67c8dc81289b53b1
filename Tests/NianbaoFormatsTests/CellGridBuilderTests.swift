import Foundation
import Testing
@testable import NianbaoFormats
import NianbaoTestSupport

/// The grid builder on plain segments, as a drawing or (later) a scan gives them.
@Suite("Formats: PDF cell grid from ruling lines")
struct CellGridBuilderTests {
    private func h(_ y: Double, _ x0: Double, _ x1: Double, width: Double = 0.5) -> RulingSegment {
        RulingSegment(axis: .horizontal, position: y, start: x0, end: x1, width: width)
    }

    private func v(_ x: Double, _ y0: Double, _ y1: Double, width: Double = 0.5) -> RulingSegment {
        RulingSegment(axis: .vertical, position: x, start: y0, end: y1, width: width)
    }

    private func glyphs(_ text: String, x: Double, y: Double) -> [PDFGlyph] {
        text.unicodeScalars.enumerated().map { offset, scalar in
            let width = scalar.isASCII ? 4.5 : 9
            return PDFGlyph(scalar: scalar, x0: x + Double(offset) * width, y0: y, x1: x + Double(offset + 1) * width, y1: y + 9)
        }
    }

    /// Rows 100–120–140–160, columns 50–150–200–250; the label column's rule between
    /// rows 2 and 3 is missing (a merged label), drawn in dashes elsewhere.
    private var table: [RulingSegment] {
        var segments = [h(100, 50, 250), h(120, 50, 250), h(140, 150, 250), h(160, 50, 250)]
        segments += [v(50, 100, 160), v(200, 100, 160), v(250, 100, 160)]
        segments += stride(from: 100.0, to: 160, by: 6).map { v(150, $0, $0 + 4) }  // dashed
        return segments
    }

    @Test func mergedCellFromAMissingRule() throws {
        let grids = CellGridBuilder().grids(table)
        let grid = try #require(grids.first)
        #expect(grids.count == 1)
        try #require(grid.rowCount == 3 && grid.columnCount == 3)
        #expect(grid.cells.count == 8)
        #expect(grid.cells.contains(CellGrid.Cell(row: 1, column: 0, rowSpan: 2, columnSpan: 1)))
    }

    @Test func wrappedLabelIsOneCellAndNumbersKeepTheirColumns() throws {
        let grid = try #require(CellGridBuilder().grids(table).first)
        var page = glyphs("行政规范性文", x: 52, y: 122) + glyphs("件", x: 52, y: 131)
        page += glyphs("3", x: 170, y: 125) + glyphs("1", x: 220, y: 125) + glyphs("0", x: 170, y: 145) + glyphs("15", x: 220, y: 145)
        page += glyphs("信息内容", x: 60, y: 105) + glyphs("甲", x: 160, y: 105) + glyphs("乙", x: 210, y: 105)
        let table = GridTableReader.read(grid, glyphs: page, page: 0).table
        #expect(table.lines == [["信息内容", "甲", "乙"], ["行政规范性文件", "3", "1"], ["", "0", "15"]])
    }

    /// Double rules (two lines 2.5 pt apart), no outer side rules, and no closing rule:
    /// still a 2 × 2 grid.
    @Test func doubleRulesMissingSidesAndMissingClosingRule() throws {
        var segments = [h(100, 50, 250, width: 1.4), h(102.5, 50, 250, width: 1.4), h(130, 50, 250, width: 1.4), h(132.5, 50, 250, width: 1.4)]
        segments += [v(150, 100, 160, width: 1.4), v(152.5, 100, 160, width: 1.4)]
        let grid = try #require(CellGridBuilder().grids(segments).first)
        try #require(grid.rowCount == 2 && grid.columnCount == 2)
        #expect(abs(grid.xs[0] - 50) < 1 && abs(grid.xs[2] - 250) < 1 && abs(grid.ys[2] - 160) < 1)
    }

    /// A number cell whose rule was missed holds two numbers: they stay two cells.
    @Test func missedRuleBetweenNumbersDoesNotShiftValues() throws {
        let segments = [h(100, 50, 250), h(120, 50, 250), h(140, 50, 250), v(50, 100, 140), v(150, 100, 140),
                        v(200, 100, 120), v(250, 100, 140)]
        let grid = try #require(CellGridBuilder().grids(segments).first)
        let page = glyphs("甲", x: 60, y: 105) + glyphs("7", x: 170, y: 105) + glyphs("8", x: 220, y: 105)
            + glyphs("乙", x: 60, y: 125) + glyphs("12", x: 165, y: 125) + glyphs("5", x: 225, y: 125)
        let table = GridTableReader.read(grid, glyphs: page, page: 0).table
        #expect(table.lines == [["甲", "7", "8"], ["乙", "12", "5"]])
    }

    /// Strokes give their straight pieces, fills their thin rectangles; shading and slants no rules.
    @Test func rulesFromDrawnPaths() {
        let paths = RulingPaths()
        let stroke = paths.rules([[(10, 20), (110, 20.2)], [(10, 30), (60, 80)]], stroked: true, width: 0.5)
        #expect(stroke == [RulingSegment(axis: .horizontal, position: 20.1, start: 10, end: 110, width: 0.5)])
        let thin = paths.rules([[(10, 30), (10, 90), (10.6, 90), (10.6, 30), (10, 30)]], stroked: false, width: 0)
        #expect(thin.count == 1 && thin.first?.axis == .vertical && abs((thin.first?.position ?? 0) - 10.3) < 0.01)
        let shading = paths.rules([[(10, 30), (10, 90), (200, 90), (200, 30), (10, 30)]], stroked: false, width: 0)
        #expect(shading.isEmpty)
        let box = paths.rules([[(10, 30), (10, 90), (200, 90), (200, 30), (10, 30)]], stroked: true, width: 0.5)
        #expect(box.count == 4)
    }

    /// The ruling lines of a real page, read from poppler's drawing.
    @Test func rulesOfARealPage() throws {
        let pages = PDFGridDump.cells(try Fixtures.bytes("office/jiangbei-transport-2023.pdf")).cells
        #expect(pages.contains { $0.page == 2 && $0.text == "三、本年度办理结果" && $0.rowSpan == 18 })
    }

    /// The ruling pass draws no glyphs: poppler's glyph runs reach the gate, not cairo.
    @Test func rulingPassSkipsGlyphs() throws {
        let before = PDFRulingExtractor.glyphRunsSkipped
        let pages = PDFGridDump.cells(try Fixtures.bytes("office/jiangbei-transport-2023.pdf")).cells
        #expect(pages.contains { $0.text == "三、本年度办理结果" })
        #expect(PDFRulingExtractor.glyphRunsSkipped > before)
    }

    @Test func fuzzCorpusGridIsRead() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.repositoryFile("Tests/Fuzz/corpus/grid/ruled-3x3.bin")))
        #expect(GridFuzzInput.run(bytes) == 9)
    }
}
