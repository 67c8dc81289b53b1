import Testing
@testable import NianbaoFormats
import NianbaoEngine
import NianbaoTestSupport

/// The byte-level shortcuts of format detection and the line limit decide exactly
/// what the slower String-based checks decide.
@Suite("Formats: detection and limit shortcuts")
struct SnifferShortcutTests {
    /// The slow path's test: does the text, after a BOM and whitespace characters, start with "<"?
    static func startsWithAngleBracket(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(decoding: body, as: UTF8.self).drop { $0.isWhitespace }.hasPrefix("<")
    }

    static let leads: [String] = [
        "", " ", "\t", "\r\n", "\n\n", "\u{0B}\u{0C}", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", " \u{301}", "\t\u{301}",
        "\u{200D}", " \u{200D}", "\u{FEFF}", "\u{1C}", "\u{7F}", "\u{600}", "≮", "a", "一", "😀", "\u{E000}",
    ]
    static let follows: [String] = ["<html>", "<table>", "<", "一、总体情况", "", "\u{338}<html>", "x<html>"]

    @Test func theShortcutNeverCallsMarkupText() {
        var decided = 0
        var inputs: [[UInt8]] = []
        for bom in [false, true] {
            for lead in Self.leads {
                for follow in Self.follows { inputs.append((bom ? [0xEF, 0xBB, 0xBF] : []) + Array((lead + follow).utf8)) }
            }
        }
        // Broken UTF-8 and random bytes in front of markup.
        var generator = SeededGenerator(state: 20_240_115)
        for _ in 0 ..< 2_000 {
            let length = Int.random(in: 0 ... 6, using: &generator)
            inputs.append((0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) } + Array("<html><body>".utf8))
        }
        inputs += [[0xE4, 0xB8], [0xC0, 0x3C], [0xED, 0xA0, 0x80, 0x3C], [0xF4, 0x90, 0x80, 0x80, 0x3C]]
        for bytes in inputs where FormatSniffer(bytes: bytes, fileName: "a.html").firstCharacterIsNotAngleBracket() {
            decided += 1
            #expect(!Self.startsWithAngleBracket(bytes), "\(bytes)")
            #expect(DocumentFormat.detect(bytes, fileName: "a.html") != .html, "\(bytes)")
        }
        #expect(decided > 500, "the shortcut decides most inputs")
    }

    @Test func everySampleIsDecidedByTheShortcutAndReadAsText() {
        #expect(Fixtures.sampleNames.count >= 8)
        for name in Fixtures.sampleNames {
            let bytes = Fixtures.sample(name)
            #expect(FormatSniffer(bytes: bytes, fileName: name).firstCharacterIsNotAngleBracket(), "\(name)")
            #expect(DocumentFormat.detect(bytes, fileName: name) == .text, "\(name)")
        }
    }

    @Test func aNulByteInTheFirst4KiBMeansBinary() {
        let text = Array(String(repeating: "年报正文", count: 400).utf8)   // 4,800 bytes
        for (position, format) in [(0, DocumentFormat.unknown), (4095, .unknown), (4096, .text), (text.count - 1, .text)] {
            var bytes = text
            bytes[position] = 0
            #expect(DocumentFormat.detect(bytes, fileName: "a.txt") == format, "NUL at \(position)")
        }
        #expect(DocumentFormat.detect(text, fileName: "a.txt") == .text)
        #expect(DocumentFormat.detect([0xFF, 0xFE, 0x74, 0x5E], fileName: "a.txt") != .unknown, "UTF-16 with a BOM is not binary")
        #expect(DocumentFormat.detect([], fileName: "a.txt") == .text)
    }

    @Test func theLineLimitStillRefusesLongTexts() {
        var limits = ExtractionLimits.default
        limits.maxLines = 40
        let extractor = DocumentExtractor(limits: limits, legacy: nil)
        let fortyOne = Array(String(repeating: "一\n", count: 41).utf8)
        #expect(extractor.extract(fortyOne, fileName: "a.txt").refusal?.message == ExtractionFailure.tooManyLines.finding(format: .text).message)
        let bareNewlines = Array(String(repeating: "\n", count: 41).utf8)
        #expect(extractor.extract(bareNewlines, fileName: "a.txt").refusal != nil, "41 bytes, 41 lines: over the limit")
        let forty = Array(String(repeating: "\n", count: 40).utf8)
        #expect(extractor.extract(forty, fileName: "a.txt").refusal == nil, "40 lines: at the limit")
        let shortButWide = Array(String(repeating: "一二三四五六七八九十", count: 30).utf8)
        #expect(extractor.extract(shortButWide, fileName: "a.txt").refusal == nil)
    }
}
