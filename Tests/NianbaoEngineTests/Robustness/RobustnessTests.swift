import Testing
import NianbaoEngine
import NianbaoPlatform
import NianbaoTestSupport

/// Thousands of hostile inputs through decode + assess: each yields an
/// assessment, nothing crashes, the whole run finishes.
@Suite struct RobustnessTests {
    private func assess(_ bytes: [UInt8]) -> Assessment {
        switch TextDecoding.document(from: bytes, legacy: IconvDecoder()) {
        case .success(let document): return ReportEngine().assess(document)
        case .failure(let failure): return failure.assessment
        }
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(state: 20_240_119)
        var assessed = 0
        for _ in 0..<1_000 {
            let count = Int.random(in: 0...2_000, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = assess(bytes).verdict
            assessed += 1
        }
        #expect(assessed == 1_000)
    }

    @Test func everyTruncationOfEverySample() throws {
        var assessed = 0
        for name in ParserFixtures.sampleNames {
            let bytes = try ParserFixtures.sampleBytes(name)
            for end in stride(from: 0, through: bytes.count, by: 37) {
                _ = assess(Array(bytes[0..<end])).verdict
                assessed += 1
            }
        }
        #expect(assessed > 1_500)
    }

    @Test func randomEditsOfSamples() throws {
        var generator = SeededGenerator(state: 711)
        let samples = try ParserFixtures.sampleNames.map(ParserFixtures.sampleBytes)
        let fragments: [[UInt8]] = ["\t", "\n", " ", "0", "9", "（三）", "一、", "总计", "1.", "/", "年度报告", "\u{00A0}"].map { Array($0.utf8) }
        var assessed = 0
        for round in 0..<1_000 {
            var bytes = samples[round % samples.count]
            for _ in 0..<Int.random(in: 1...20, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: fragments.randomElement(using: &generator) ?? [], at: at)
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &generator)))
                }
            }
            let assessment = assess(bytes)
            _ = assessment.verdict
            assessed += 1
        }
        #expect(assessed == 1_000)
    }

    @Test func hugeSingleLineFinishes() {
        let cell = "1 0 0 0 0 0 1 "
        let line = "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 " + String(repeating: cell, count: 20_000)
        let assessment = ReportEngine().assess(TextNormalization.document(from: line))
        #expect(assessment.report.table2?[.received, .naturalPerson]?.count == nil)
    }
}
