import Testing
import NianbaoEngine
import NianbaoTestSupport

@Suite struct NormalizationTests {
    @Test func oddSpacesAndFullWidthDigits() {
        let line = ScalarNormalizer.normalize("\u{00A0}０\u{3000}１２．５\u{200B}（一）：")
        #expect(line == " 0 12.5（一）：")
    }

    @Test func bookmarksAreDropped() {
        #expect(ScalarNormalizer.normalize("\t[bookmark: _Hlk66973412]一、本年新收") == "\t一、本年新收")
        #expect(ScalarNormalizer.normalize("[bookmark: _GoBack]根据《条例》") == "根据《条例》")
        #expect(ScalarNormalizer.normalize("[注] 保留") == "[注] 保留")
    }

    @Test func lineEndingsPageMarkersAndLocations() {
        let document = TextNormalization.document(from: "标题\r\n- 1 -\r正文\n— 12 —\n末行")
        #expect(document.lines.map(\.text) == ["标题", "正文", "末行"])
        #expect(document.lines.map(\.location) == ["第 1 行", "第 3 行", "第 5 行"])
    }

    @Test func pageNumberLikeTextIsKept() {
        let document = TextNormalization.document(from: "- 项目 -\n-\n- 12345 -")
        #expect(document.lines.count == 3)
    }
}
