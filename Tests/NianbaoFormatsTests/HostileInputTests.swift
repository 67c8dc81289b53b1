import Foundation
import Glibc
import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

@Suite("Formats: hostile input")
struct HostileInputTests {
    /// The refusal and the CPU time the extraction took on this thread
    /// (CPU rather than wall time, so a loaded CI machine does not make the bound flaky).
    private func refusal(_ bytes: [UInt8], _ name: String) -> (Finding?, Duration) {
        func cpuNow() -> Duration {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
        let start = cpuNow()
        let result = Extracting.extractor.extract(bytes, fileName: name)
        return (result.refusal, cpuNow() - start)
    }

    /// document.xml inflating to 400 MiB of spaces, with an honest and with a lying size header.
    @Test(arguments: [true, false])
    func zipBombIsRefusedQuickly(honestHeader: Bool) throws {
        let head = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>".utf8)
        let stream = ZipBomb.deflate(head: head, size: 400 << 20)
        let bomb = ZipBomb.zip(name: "word/document.xml", deflated: stream.data,
                               declaredSize: honestHeader ? stream.inflated : 4_096)
        #expect(bomb.count < 16 << 20)
        let (finding, elapsed) = refusal(bomb, "bomb.docx")
        #expect(finding?.code == .inputUnreadable)
        if honestHeader { #expect(finding?.message.contains("压缩炸弹") == true) }
        #expect(elapsed < .seconds(2))
    }

    @Test func billionLaughsDoctypeIsRefused() throws {
        var doctype = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        doctype += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for level in 2...9 { doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        doctype += "]><w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        let (finding, elapsed) = refusal(try DocxWriter.package(documentXML: Array(doctype.utf8)), "lol.docx")
        #expect(finding?.code == .inputUnreadable)
        #expect(finding?.message.contains("DOCTYPE") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func deepNestingAndBrokenXMLAreRefused() throws {
        let deep = "<w:document>" + String(repeating: "<w:x>", count: 100_000)
        #expect(refusal(try DocxWriter.package(documentXML: Array(deep.utf8)), "deep.docx").0?.code == .inputUnreadable)
        let broken = "<w:document><w:body><w:p></w:body></w:document>"
        #expect(refusal(try DocxWriter.package(documentXML: Array(broken.utf8)), "b.docx").0?.code == .inputUnreadable)
        let entity = "<w:document><w:t>&unknown;</w:t></w:document>"
        #expect(refusal(try DocxWriter.package(documentXML: Array(entity.utf8)), "e.docx").0?.code == .inputUnreadable)
    }

    @Test func truncatedContainersAreRefused() throws {
        let docx = try DocxWriter.docx([.paragraph("一、总体情况")])
        #expect(refusal(Array(docx.prefix(docx.count / 2)), "cut.docx").0?.code == .inputUnreadable)
        var pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
        pdf += [UInt8](repeating: 0x41, count: 100)
        #expect(refusal(pdf, "cut.pdf").0?.code == .inputUnreadable)
    }

    @Test func encryptedPDFIsRefused() throws {
        let (finding, elapsed) = refusal(try Fixtures.bytes("formats/encrypted.pdf"), "enc.pdf")
        #expect(finding?.code == .inputUnreadable)
        #expect(finding?.message.contains("扫描件或加密文件，无法提取文字") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func pdfWithoutTextLayerIsRefused() {
        let empty = PDFWriter(pages: [[]]).data()
        let (finding, _) = refusal(empty, "scan.pdf")
        #expect(finding?.message.contains("扫描件或加密文件，无法提取文字") == true)
    }

    @Test func imageNamedPDFIsUnsupportedAndOLEWithoutAConverterNamesThePackage() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)
        #expect(refusal(png, "年报.pdf").0?.code == .inputUnsupported)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let (finding, _) = refusal(ole, "年报.doc")
        #expect(finding?.code == .converterMissing)
        #expect(finding?.message.contains(".doc") == true)
        #expect(finding?.message.contains("libreoffice-writer-nogui") == true)
        #expect(refusal(ole, "年报.wps").0?.message.contains(".wps") == true)
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let extractor = DocumentExtractor(limits: ExtractionLimits(maxInputBytes: 1_000), legacy: nil)
        let result = extractor.extract([UInt8](repeating: 0x41, count: 2_000), fileName: "a.txt")
        #expect(result.refusal?.code == .inputTooLarge)
    }
}
