import Testing
import NianbaoEngine
import NianbaoPlatform
import NianbaoTestSupport

@Suite struct DecodingTests {
    private let text = "聊城市商务局2021年政府信息公开工作年度报告\n一、总体情况\n"

    @Test func plainUTF8() throws {
        let decoded = try TextDecoding.decode(Array(text.utf8), legacy: nil).get()
        #expect(decoded.text == text)
        #expect(decoded.encoding == .utf8)
    }

    @Test func utf8WithBOMDropsTheMark() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8), legacy: nil).get()
        #expect(decoded.text == text)
        #expect(decoded.encoding == .utf8BOM)
    }

    @Test func utf16LittleAndBigEndian() throws {
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decodedLittle = try TextDecoding.decode(little, legacy: nil).get()
        let decodedBig = try TextDecoding.decode(big, legacy: nil).get()
        #expect(decodedLittle.text == text && decodedLittle.encoding == .utf16LE)
        #expect(decodedBig.text == text && decodedBig.encoding == .utf16BE)
    }

    @Test func utf16WithOddByteCountFails() {
        let result = TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x42], legacy: nil)
        #expect(failureReason(result) == .invalidUTF16)
    }

    @Test func gb18030FixtureDecodesThroughIconv() throws {
        let bytes = try ParserFixtures.bytes("encodings/003_gb18030.txt")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let decoded = try TextDecoding.decode(bytes, legacy: IconvDecoder()).get()
        #expect(decoded.encoding == .gb18030)
        let original = try ParserFixtures.sampleBytes("003_458875e39d02c745.txt")
        #expect(decoded.text == String(decoding: original, as: UTF8.self))
    }

    @Test func gb18030WithoutLegacyDecoderFails() throws {
        let bytes = try ParserFixtures.bytes("encodings/003_gb18030.txt")
        #expect(failureReason(TextDecoding.decode(bytes, legacy: nil)) == .unknownEncoding)
    }

    @Test func iconvRoundTripAndInvalidInput() throws {
        let iconv = IconvDecoder()
        let encoded = try #require(iconv.encodeGB18030(text))
        #expect(iconv.decodeGB18030(encoded) == text)
        // A lone lead byte at the end is truncated GB18030.
        #expect(iconv.decodeGB18030(encoded + [0x81]) == nil)
        // 0xFF is never valid in GB18030.
        #expect(iconv.decodeGB18030([0x41, 0xFF, 0x41]) == nil)
        #expect(iconv.decodeGB18030([]) == "")
    }

    @Test func iconvGrowsItsOutputBuffer() throws {
        let long = String(repeating: "政府信息公开工作年度报告，", count: 5_000)
        let iconv = IconvDecoder()
        let encoded = try #require(iconv.encodeGB18030(long))
        #expect(iconv.decodeGB18030(encoded) == long)
    }

    @Test func emptyInputFails() {
        #expect(failureReason(TextDecoding.decode([], legacy: IconvDecoder())) == .empty)
    }

    @Test func binaryInputFails() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(failureReason(TextDecoding.decode(png, legacy: IconvDecoder())) == .binary)
        let controls = [UInt8](repeating: 0x01, count: 50) + Array("正文".utf8)
        #expect(failureReason(TextDecoding.decode(controls, legacy: IconvDecoder())) == .binary)
    }

    @Test func failureBecomesUnreadableFinding() {
        guard case .failure(let failure) = TextDecoding.decode([], legacy: nil) else {
            Issue.record("empty input decoded")
            return
        }
        #expect(failure.finding.code == .inputUnreadable)
        #expect(failure.assessment.verdict == .fail)
    }

    private func failureReason(_ result: Result<DecodedText, DecodingFailure>) -> DecodingFailure.Reason? {
        if case .failure(let failure) = result { return failure.reason }
        return nil
    }
}
