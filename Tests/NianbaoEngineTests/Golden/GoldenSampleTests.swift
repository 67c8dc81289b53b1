import Testing
import NianbaoEngine
import NianbaoTestSupport

/// Every real sample under Tests/Fixtures/samples: its verdict and its exact set
/// of finding codes. Expectations come from the reference and the samples' README,
/// not from whatever the code outputs.
@Suite("Golden: real samples")
struct GoldenSampleTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let verdict: Verdict
        let codes: Set<RuleCode>
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        // 2021 report: "予以公开2件" but the table has 0 予以公开 (2 under 保护第三方合法权益);
        // section 六 says only that there is nothing else to report (no 信息处理费 statement).
        Expectation(file: "000_fb640ca0b162b3d7.txt", verdict: .warn,
                    codes: [.narrativeDisclosed, .feeStatementMissing]),
        // Title "市商务局2021年…" omits 洛阳; 六 is "无。"; no date at all; extra empty columns.
        Expectation(file: "001_53afeb125be3f4fc.txt", verdict: .warn,
                    codes: [.titleIncomplete, .feeStatementMissing, .signatureDateMissing, .extraColumnsIgnored]),
        // 2020 report on the 2019 template, all zeros and consistent, published 2021-01-28;
        // characters lost by PDF extraction are repaired.
        Expectation(file: "002_c2173b29a2f695bc.txt", verdict: .pass, codes: [.textRepaired]),
        // 2023 report, consistent, fee statement present, signed 2024-01-19: clean.
        Expectation(file: "003_458875e39d02c745.txt", verdict: .pass, codes: []),
        // 表三 totals 0 where 维持+纠正 = 11 and 5; 2021 tables with one 其他处理 row; no date.
        Expectation(file: "huaian_hongze_2023.txt", verdict: .fail,
                    codes: [.table3GroupTotal, .templateMixed, .signatureDateMissing]),
        // Narrative "受理政府信息公开申请 17 件" vs table 95; mixed template; no date.
        Expectation(file: "huaian_hongze_2024.txt", verdict: .warn,
                    codes: [.narrativeReceived, .templateMixed, .signatureDateMissing]),
        // Blank cells; 总计 column of the result rows left blank (row sums and the 总计
        // column's （七） no longer add up); "予以公开及部分公开258件" vs 272+3 in the table.
        Expectation(file: "shanghai_shizhengfu_bangongting_2019.txt", verdict: .fail,
                    codes: [.cellBlank, .table2RowSum, .table2ResultTotal, .narrativeDisclosed]),
        // Cells run together: the tables cannot be read back; 总体情况 is ~1,400 characters.
        Expectation(file: "pingtan_2021.txt", verdict: .fail, codes: [.tableUnreadable, .overviewTooLong]),
    ]

    @Test(arguments: expectations)
    func sample(_ expected: Expectation) {
        let assessment = FixtureFiles.assess(FixtureFiles.document("samples/" + expected.file))
        let codes = Set(assessment.findings.map(\.code))
        #expect(codes == expected.codes, "\(assessment.findings.map { "\($0.code.rawValue) \($0.message)" })")
        #expect(assessment.verdict == expected.verdict)
    }

    @Test func hongze2023NamesTheTable3Cell() {
        let assessment = FixtureFiles.assess(FixtureFiles.document("samples/huaian_hongze_2023.txt"))
        let messages = assessment.findings.filter { $0.code == .table3GroupTotal }.map(\.message)
        #expect(messages.contains("表三 行政复议 · 总计：应为 11，实为 0"))
        #expect(messages.contains("表三 行政诉讼·复议后起诉 · 总计：应为 5，实为 0"))
    }
}

@Suite("Golden: messages")
struct GoldenMessageTests {
    @Test func incompleteTitleNamesTheAgencyFromTheBody() {
        let assessment = FixtureFiles.assess(FixtureFiles.document("samples/001_53afeb125be3f4fc.txt"))
        let message = assessment.findings.first { $0.code == .titleIncomplete }?.message
        #expect(message?.contains("洛阳市商务局") == true, "\(message ?? "-")")
    }

    @Test func disclosedContradictionQuotesTheNarrative() {
        let assessment = FixtureFiles.assess(FixtureFiles.document("samples/000_fb640ca0b162b3d7.txt"))
        let message = assessment.findings.first { $0.code == .narrativeDisclosed }?.message
        #expect(message == "正文称“予以公开2件”，与表二 （一）予以公开 · 总计 0 不符")
    }
}
