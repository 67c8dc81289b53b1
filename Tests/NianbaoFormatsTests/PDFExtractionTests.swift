import Testing
import NianbaoEngine
@testable import NianbaoFormats

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
