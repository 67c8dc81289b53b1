import Testing
@testable import NianbaoEngine

/// A failed identity through a number OCR read with low confidence becomes
/// `ocr.uncertain`; without such a number the identity's error stays.
@Suite("Rules: OCR review")
struct OCRReviewTests {
    static let rowSum = Finding(.table2RowSum, "表二 （一）予以公开：应为 11，实为 12", at: "第 2 页第 5 行")
    static let balance = Finding(.table2Balance, "表二 自然人：不平衡", at: "第 3 页第 7 行")
    static let other = Finding(.sectionMissing, "缺少第六部分")

    @Test func lowConfidenceRowsTurnIdentityErrorsIntoOneWarning() {
        let document = SourceDocument(lines: [
            SourceLine(text: "（一）予以公开\t7\t2\t1\t0\t1\t0\t12", location: "第 2 页第 5 行" + OCRReview.marker + "第 9 列 41%"),
        ])
        let reviewed = OCRReview.review([Self.rowSum, Self.balance, Self.other], in: document)
        #expect(reviewed.map(\.code) == [.sectionMissing, .ocrUncertain])
        let warning = reviewed[1]
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("第 2 页第 5 行"))
        #expect(warning.message.contains("第 9 列 41%"))
        #expect(Verdict(findings: reviewed) == .fail)  // the missing section still fails
        #expect(Verdict(findings: OCRReview.review([Self.rowSum], in: document)) == .warn)
    }

    @Test func withoutLowConfidenceCellsNothingChanges() {
        let document = SourceDocument(lines: [SourceLine(text: "（一）予以公开\t7\t2\t1\t0\t1\t0\t12", location: "第 2 页第 5 行")])
        #expect(OCRReview.review([Self.rowSum, Self.balance], in: document) == [Self.rowSum, Self.balance])
    }

    @Test func aRowSumElsewhereStaysAnError() {
        let document = SourceDocument(lines: [
            SourceLine(text: "行政许可\t1286", location: "第 1 页第 9 行" + OCRReview.marker + "第 2 列 50%"),
        ])
        #expect(OCRReview.review([Self.rowSum], in: document) == [Self.rowSum])
    }

    @Test func aNumberLostFromAScannedRowIsUncertainNotAnError() {
        let missing = Finding(.cellMissing, "表二 （七）总计：应有 7 个单元格，只有 6 个（缺总计）", at: "第 3 页第 7 行" + OCRReview.scanMarker)
        let document = SourceDocument(lines: [SourceLine(text: "（七）总计\t19\t4\t1\t0\t2\t1", location: "第 3 页第 7 行" + OCRReview.scanMarker)])
        let reviewed = OCRReview.review([missing], in: document)
        #expect(reviewed.map(\.code) == [.ocrUncertain])
        #expect(reviewed.first?.message.contains("第 3 页第 7 行 有数字未识别出") == true)
        // The same finding in a document with a text layer stays an error.
        let text = SourceDocument(lines: [SourceLine(text: "（七）总计\t19\t4\t1\t0\t2\t1", location: "第 3 页第 7 行")])
        let plain = Finding(.cellMissing, missing.message, at: "第 3 页第 7 行")
        #expect(OCRReview.review([plain], in: text) == [plain])
    }
}
