import Testing
@testable import NianbaoFormats

/// A title wrapped over several lines in large type at the top of the first page is one line.
@Suite("Formats: PDF wrapped title")
struct PDFTitleLinesTests {
    private func line(_ text: String, y: Double, size: Double) -> PDFLine {
        PDFLine(segments: [PDFSegment(text: text, x0: 100, x1: 100 + size * Double(text.unicodeScalars.count))],
                y0: y, y1: y + size, glyphHeight: size)
    }

    @Test func wrappedTitleIsOneLine() {
        let lines = [line("苏州市商务局2021年政府信息公开", y: 60, size: 18), line("工作年度报告", y: 84, size: 18),
                     line("本报告根据《中华人民共和国政府信息公开条例》编制。", y: 130, size: 10.5),
                     line("一、总体情况", y: 150, size: 10.5), line("2021年，本局认真贯彻落实条例。", y: 170, size: 10.5)]
        let joined = PDFTitleLines.joined(lines)
        #expect(joined.count == 4)
        #expect(joined.first?.segments.map(\.text) == ["苏州市商务局2021年政府信息公开工作年度报告"])
        // Body-size lines are never joined.
        #expect(PDFTitleLines.joined(Array(lines.dropFirst(2))).count == 3)
    }
}
