import Testing
@testable import NianbaoFormats
import NianbaoTestSupport

@Suite("Formats: detection by content")
struct FormatDetectionTests {
    private static let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)

    @Test func magicBytesWinOverTheName() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect(DocumentFormat.detect(png, fileName: "report.pdf") == .image)
        #expect(DocumentFormat.detect(Array("%PDF-1.7\n".utf8), fileName: "report.txt") == .pdf)
        #expect(DocumentFormat.detect([0xFF, 0xD8, 0xFF, 0xE0], fileName: "a.docx") == .image)
        #expect(DocumentFormat.detect([0x1F, 0x8B, 8, 0], fileName: "a.docx") == .archive)
        #expect(DocumentFormat.detect(Array("Rar!\u{1A}\u{07}".utf8), fileName: "a.pdf") == .archive)
        let docx = try DocxWriter.docx([.paragraph("正文")])
        #expect(DocumentFormat.detect(docx, fileName: "report.zip") == .docx)
        let other = try DocxWriter.zip([("readme.txt", Array("hi".utf8))])
        #expect(DocumentFormat.detect(other, fileName: "report.docx") == .archive)
        let xlsx = try DocxWriter.zip([("xl/workbook.xml", Array("<workbook/>".utf8))])
        #expect(DocumentFormat.detect(xlsx, fileName: "report.docx") == .xlsx)
    }

    @Test func oleContainersAreRefinedByName() {
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报.doc") == .doc)
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报.wps") == .wps)
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报.xls") == .xls)
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报") == .doc)
    }

    @Test func markupAndText() {
        #expect(DocumentFormat.detect(Array("<!DOCTYPE html><html>".utf8), fileName: "a.txt") == .html)
        #expect(DocumentFormat.detect(Array("  <table><tr><td>1</td></tr></table>".utf8), fileName: "a") == .html)
        #expect(DocumentFormat.detect(Array("一、总体情况\n".utf8), fileName: "a.html") == .text)
        // Markers in any letter case, after a BOM, Unicode spaces or Chinese text.
        #expect(DocumentFormat.detect(Array("\u{FEFF}\u{3000} <HTML><BODY>一、总体情况".utf8), fileName: "a.txt") == .html)
        #expect(DocumentFormat.detect(Array("<p>二〇二三年度</p><TaBlE><tr><td>1</td></tr>".utf8), fileName: "a") == .html)
        #expect(DocumentFormat.detect(Array("<年报>没有标记</年报>".utf8), fileName: "a.txt") == .text)
        #expect(DocumentFormat.detect(Array("# 标题\n".utf8), fileName: "a.md") == .markdown)
        #expect(DocumentFormat.detect([0, 1, 2, 3, 0, 0], fileName: "a.txt") == .unknown)
    }

    @Test func legacyFormatsAreDetected() {
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报.doc") == .doc)
        #expect(DocumentFormat.detect(Self.ole2, fileName: "年报.wps") == .wps)
        #expect(DocumentFormat.detect(Array("{\\rtf1\\ansi 年报}".utf8), fileName: "a.doc") == .rtf)
        #expect(DocumentFormat.detect(try! Fixtures.bytes("office/jiangbei-transport-2023.odt"), fileName: "a") == .odt)
        #expect(DocumentFormat.detect(try! Fixtures.bytes("office/jiangbei-transport-2023.doc"), fileName: "a") == .doc)
    }

    @Test func unsupportedFormatsAreRefusedWithAdvice() {
        let extractor = DocumentExtractor(legacy: nil)
        for (bytes, name, format) in [(Self.ole2, "年报.xls", DocumentFormat.xls), ([0xFF, 0xD8, 0xFF, 0xE0], "scan.jpg", .image)] {
            let result = extractor.extract(bytes, fileName: name)
            #expect(result.format == format)
            let finding = result.refusal
            #expect(finding?.code == .inputUnsupported)
            #expect(finding?.message.contains(format.displayName) == true)
            #expect(finding?.message.contains(".docx 或带文字层的 PDF") == true)
        }
    }
}
