import Testing
@testable import NianbaoEngine

/// A failed identity through a number OCR read with low confidence becomes
/// `ocr.uncertain`; without such a number the identity's error stays.
@Suite("Rules: OCR review")
struct OCRReviewTests {
    static let rowSum = Finding(.table2RowSum, "表二 （一）予以公开：应为 11，实为 12", at: "第 2 页第 5 行")
    static let balance = Finding(.table2Balance, "表二 自然人：不平衡", at: "第 2 页第 7 行")
    /// On a page with a text layer: not about OCR.
    static let other = Finding(.sectionMissing, "缺少第六部分", at: "第 5 页第 1 行")

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

    /// A narrative figure that disagrees with a table stays a warning of its own code on a scan (it fails
    /// nothing), saying that either side may be misread; it is not folded into ocr.uncertain.
    @Test func aNarrativeWarningOnAScanStaysWithANote() {
        let narrative = Finding(.narrativeReceived, "正文称“受理政府信息公开申请17件”，与表二总计 95 不符", at: "第 1 页第 5 行")
        let document = SourceDocument(lines: [
            SourceLine(text: "受理政府信息公开申请17件", location: "第 1 页第 5 行" + OCRReview.scanMarker),
            SourceLine(text: "（一）予以公开\t7\t2\t1\t0\t1\t0\t12", location: "第 2 页第 5 行" + OCRReview.marker + "第 9 列 41%"),
        ])
        let reviewed = OCRReview.review([narrative, Self.rowSum], in: document)
        #expect(reviewed.map(\.code) == [.narrativeReceived, .ocrUncertain])
        #expect(reviewed[0].message.hasPrefix(narrative.message) && reviewed[0].message.contains("识别有误"))
        #expect(OCRReview.review([narrative], in: document).map(\.code) == [.narrativeReceived])
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
        #expect(reviewed.first?.message.contains("第 3 页第 7 行") == true)
        // The same finding in a document with a text layer stays an error.
        let text = SourceDocument(lines: [SourceLine(text: "（七）总计\t19\t4\t1\t0\t2\t1", location: "第 3 页第 7 行")])
        let plain = Finding(.cellMissing, missing.message, at: "第 3 页第 7 行")
        #expect(OCRReview.review([plain], in: text) == [plain])
    }

    /// An identity that fails through rows all read with confidence stays an error: a scan can still fail.
    @Test func aConfidentlyReadIdentityStaysAnError() {
        let total = Finding(.table2ResultTotal, "表二 （七）总计 · 自然人：应为 19，实为 20", at: "第 3 页第 7 行" + OCRReview.scanMarker)
        let document = SourceDocument(lines: [
            SourceLine(text: "（七）总计\t20\t4\t1\t0\t2\t1\t28", location: "第 3 页第 7 行" + OCRReview.scanMarker),
        ])
        #expect(OCRReview.review([total], in: document) == [total])
    }

    /// What depends on OCR'd labels (a row or table not found) is uncertain on a scan, an error in a text layer.
    @Test func aRowNotFoundOnAScanIsUncertain() {
        let missing = Finding(.rowMissing, "表二 缺少“（三）不予公开”行", at: "第 2 页第 8 行" + OCRReview.scanMarker)
        let document = SourceDocument(lines: [SourceLine(text: "(三)下予公开", location: "第 2 页第 8 行" + OCRReview.scanMarker)])
        let reviewed = OCRReview.review([missing], in: document)
        #expect(reviewed.map(\.code) == [.ocrUncertain])
        #expect(reviewed.first?.message.contains("第 2 页第 8 行") == true)
        #expect(Verdict(findings: reviewed) == .warn)
    }

    @Test func pagesAreReadFromLocations() {
        #expect(OCRReview.page(of: "第 12 页第 3 行 · OCR") == 12)
        #expect(OCRReview.page(of: "第 3 行") == nil)
    }
}
