import Testing
import NianbaoEngine
@testable import NianbaoFormats
import NianbaoTestSupport

/// The same report in every format must get the same verdict and finding codes as its text form.
@Suite("Formats: same verdict in every format")
struct CrossFormatVerdictTests {
    enum Variant: String, CaseIterable {
        case clean
        case brokenArithmetic
    }

    static func text(_ variant: Variant) throws -> String {
        let clean = try Fixtures.text(Extracting.cleanText)
        switch variant {
        case .clean: return clean
        case .brokenArithmetic:
            // （七）总计 · 自然人 9 → 8: the row no longer sums and the column no longer balances.
            return clean.replacingOccurrences(of: "（七）总计\t\t9\t", with: "（七）总计\t\t8\t")
        }
    }

    static func documents(_ text: String) throws -> [(DocumentFormat, SourceDocument?)] {
        let blocks = ReportBlocks.parse(text)
        let page = HTMLWriter.page(blocks, charset: "gbk")
        let gbk = Iconv.convert(Array(page.utf8), from: "UTF-8", to: "GBK") ?? []
        return [
            (.text, Extracting.document(Array(text.utf8), "年报.txt")),
            (.docx, Extracting.document(try DocxWriter.docx(blocks), "年报.docx")),
            (.html, Extracting.document(gbk, "年报.html")),
            (.pdf, Extracting.document(PDFReportLayout.pdf(blocks), "年报.pdf")),
        ]
    }

    @Test(arguments: Variant.allCases)
    func verdictAndCodesMatchTheTextForm(_ variant: Variant) throws {
        let text = try Self.text(variant)
        let clean = try Self.text(.clean)
        #expect(variant == .clean || text != clean)
        let engine = ReportEngine()
        var reference: (Verdict, Set<RuleCode>)?
        for (format, document) in try Self.documents(text) {
            let extracted = try #require(document, "\(format) was refused")
            let assessment = engine.assess(extracted)
            var codes = Set(assessment.findings.map(\.code))
            // The generated PDF draws no ruling lines: read by geometry, and said so.
            if format == .pdf { #expect(codes.remove(.pdfBorderlessTable) != nil, "\(codes)") }
            let check = {
                if variant == .brokenArithmetic {
                    #expect(assessment.verdict == .fail, "\(format)")
                    #expect(codes.contains { $0.rawValue.hasPrefix("table2.") }, "\(format): \(codes)")
                }
                if let (verdict, expected) = reference {
                    #expect(assessment.verdict == verdict, "\(format)")
                    #expect(codes == expected, "\(format): \(assessment.findings.map { "\($0.code.rawValue) \($0.message)" })")
                }
            }
            check()
            if reference == nil { reference = (assessment.verdict, codes) }
        }
        if variant == .clean { #expect(reference?.0 == .pass, "clean text form: \(String(describing: reference))") }
    }
}
