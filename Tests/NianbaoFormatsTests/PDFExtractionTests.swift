import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

@Suite("Formats: PDF")
struct PDFExtractionTests {
    /// Every 表二 data row of the text form appears as one PDF line ending in the same
    /// seven numbers, whose label holds the row's most specific label cell.
    @Test(arguments: [Extracting.cleanText, Extracting.sampleText])
    func wrappedLabelsKeepNumbersInTheirRow(_ fixture: String) throws {
        let blocks = ReportBlocks.parse(try Fixtures.text(fixture))
        let result = Extracting.extractor.extract(PDFReportLayout.pdf(blocks), fileName: "年报.pdf")
        #expect(result.format == .pdf)
        let document = try #require(result.document)
        let rows = document.lines.map { $0.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var checked = 0
        for case .table(let table) in blocks {
            for row in table {
                let cells = row.map(\.trimmingSpaces)
                let numbers = cells.suffix(7)
                guard cells.count >= 8, numbers.allSatisfy(PDFSegment.isNumeric),
                      let label = cells.dropLast(7).last(where: { !$0.isEmpty }) else { continue }
                checked += 1
                let found = rows.contains { line in
                    line.count >= 8 && Array(line.suffix(7)) == Array(numbers) && line.dropLast(7).joined().contains(label)
                }
                #expect(found, "row \(label) \(numbers)")
            }
        }
        #expect(checked >= 20)
        #expect(document.lines.first?.location == "第 1 页第 1 行")
    }

    @Test func paragraphsSurvive() throws {
        let blocks = ReportBlocks.parse(try Fixtures.text(Extracting.cleanText))
        let document = try #require(Extracting.document(PDFReportLayout.pdf(blocks), "a.pdf"))
        let texts = Extracting.texts(document)
        #expect(texts.contains("一、总体情况"))
        #expect(texts.contains("苏州市商务局2021年政府信息公开工作年度报告"))
        #expect(texts.contains("六、其他需要报告的事项"))
    }

    @Test func committedFixtureReads() throws {
        let document = try #require(Extracting.document(try Fixtures.bytes("formats/clean-2021.pdf"), "clean.pdf"))
        let texts = Extracting.texts(document)
        #expect(texts.contains { $0.hasPrefix("一、本年新收政府信息公开申请数量") && $0.hasSuffix("10\t2\t0\t0\t1\t0\t13") })
        #expect(texts.contains { $0.contains("（七）总计") && $0.hasSuffix("9\t2\t0\t0\t1\t0\t12") })
    }

    @Test func blankCellsKeepTheirColumn() {
        let builder = PDFLineBuilder()
        func glyphs(_ text: String, x: Double, y: Double) -> [PDFGlyph] {
            text.unicodeScalars.enumerated().map { offset, scalar in
                let width = scalar.isASCII ? 4.5 : 9
                return PDFGlyph(scalar: scalar, x0: x + Double(offset) * width, y0: y, x1: x + Double(offset + 1) * width, y1: y + 9)
            }
        }
        var page = glyphs("甲", x: 50, y: 100) + glyphs("1", x: 200, y: 100) + glyphs("2", x: 240, y: 100) + glyphs("3", x: 280, y: 100)
        page += glyphs("乙", x: 50, y: 120) + glyphs("4", x: 200, y: 120) + glyphs("5", x: 280, y: 120)
        let rows = PDFTableRebuilder().rebuild(builder.lines(from: page))
        #expect(rows == [["甲", "1", "2", "3"], ["乙", "4", "", "5"]])
    }
}

/// Page furniture: page numbers in footers and header rows repeated after a page break.
@Suite("Formats: PDF page furniture")
struct PDFPageFurnitureTests {
    private func line(_ cells: [String], y: Double) -> PDFLine {
        var x = 50.0
        let segments = cells.map { text -> PDFSegment in
            defer { x += 60 }
            return PDFSegment(text: text, x0: x, x1: x + 9 * Double(text.unicodeScalars.count))
        }
        return PDFLine(segments: segments, y0: y, y1: y + 9, glyphHeight: 9)
    }

    @Test(arguments: ["- 3 -", "-3-", "3", "第 3 页", "第3页共5页", "3/5", "—3—"])
    func pageNumbersAreRecognised(_ text: String) {
        #expect(PDFPageFurniture.isPageNumber(line([text], y: 800)))
    }

    @Test(arguments: ["2023", "一、总体情况", "3件", "12345"])
    func textIsNotAPageNumber(_ text: String) {
        #expect(!PDFPageFurniture.isPageNumber(line([text], y: 800)))
    }

    /// A bare page number just under a table row that ends the page is not glued onto the row.
    @Test func footerUnderALastRowIsDropped() {
        let page = [line(["（七）总计", "1", "2", "3"], y: 760), line(["2"], y: 772)]
        let kept = PDFPageFurniture.withoutPageNumbers(page, pageHeight: 842)
        #expect(kept.count == 1)
        #expect(PDFTableRebuilder().rebuild(kept) == [["（七）总计", "1", "2", "3"]])
    }

    @Test func repeatedHeaderRowsAreDroppedOnTheNextPage() {
        let first = [line(["申请人情况"], y: 100), line(["自然人", "总计"], y: 112), line(["一、本年新收", "1", "1"], y: 124)]
        let second = [line(["申请人情况"], y: 60), line(["自然人", "总计"], y: 72), line(["四、结转下年度继续办理", "0", "0"], y: 84)]
        let pages = PDFPageFurniture.withoutRepeatedHeaders([first, second])
        #expect(pages[0].count == 3)
        #expect(pages[1].map { $0.segments.map(\.text) } == [["四、结转下年度继续办理", "0", "0"]])
    }

    /// A merged group label centred on the middle of its rows lands in one of them; a
    /// label wrapped above and below its numbers stays with its row.
    @Test func centredGroupLabelAndWrappedLabel() {
        let lines = [
            line(["1.信访举报投诉类申请", "1", "0"], y: 100),
            line(["（五）不予处理", "2.重复申请", "0", "0"], y: 112),
            line(["3.要求提供公开出版物", "0", "0"], y: 124),
            line(["5.要求行政机关确认或重"], y: 136),
            line(["0", "0"], y: 148),
            line(["新出具已获取信息"], y: 160),
        ]
        // Put the label pieces in the label column and the numbers right of it.
        let placed = lines.map { line -> PDFLine in
            var copy = line
            for index in copy.segments.indices {
                let numeric = copy.segments[index].isNumeric
                let x = numeric ? 300 + 40 * Double(index) : (copy.segments[index].text.hasPrefix("（") ? 50 : 110)
                copy.segments[index].x0 = x
                copy.segments[index].x1 = x + (numeric ? 6 : 120)
            }
            return copy
        }
        let rows = PDFTableRebuilder().rebuild(placed)
        #expect(rows.contains(["（五）不予处理", "2.重复申请", "0", "0"]))
        #expect(rows.contains(["5.要求行政机关确认或重新出具已获取信息", "0", "0"]))
        #expect(rows.count == 4)
    }
}
