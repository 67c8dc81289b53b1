import Testing
import NianbaoEngine
import NianbaoTestSupport

/// One textual change to a clean fixture makes exactly one rule fire.
@Suite("Rules: mutations of the clean fixtures")
struct RulesMutationTests {
    static let modern = "clean/jiangbei_transport_2023.txt"
    static let trial = "clean/jiangbei_ecology_2020.txt"

    struct Mutation: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let edits: [(String, String)]
        let expected: Set<RuleCode>
        var testDescription: String { name }
    }

    /// The error and warning codes after applying `edits` (each `old` must occur exactly once).
    static func codes(_ file: String, _ edits: [(String, String)]) -> Set<RuleCode>? {
        var text = FixtureFiles.text(file)
        for (old, new) in edits {
            let parts = text.split(separator: old, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            text = parts.joined(separator: new)
        }
        let findings = FixtureFiles.assess(SourceDocument(text: text)).findings
        return Set(findings.filter { $0.severity != .info }.map(\.code))
    }

    static let mutations: [Mutation] = [
        Mutation(name: "row total off by one, compensated in the column", file: modern,
                 edits: [("4.保护第三方合法权益\t1\t1\t0\t0\t0\t0\t2", "4.保护第三方合法权益\t1\t1\t0\t0\t0\t0\t3"),
                         ("5.属于三类内部事务信息\t1\t0\t0\t0\t0\t0\t1", "5.属于三类内部事务信息\t1\t0\t0\t0\t0\t0\t0")],
                 expected: [.table2RowSum]),
        Mutation(name: "result moved between columns", file: modern,
                 edits: [("4.保护第三方合法权益\t1\t1\t0", "4.保护第三方合法权益\t2\t0\t0")],
                 expected: [.table2ResultTotal]),
        Mutation(name: "received moved between columns", file: modern,
                 edits: [("本年新收政府信息公开申请数量\t18\t4", "本年新收政府信息公开申请数量\t19\t3")],
                 expected: [.table2Balance]),
        Mutation(name: "table 3 part changed", file: modern,
                 edits: [("1\t1\t0\t1\t3\t1\t0\t0\t1\t2", "1\t1\t0\t0\t3\t1\t0\t0\t1\t2")],
                 expected: [.table3GroupTotal]),
        Mutation(name: "zero cell replaced by /", file: modern,
                 edits: [("3.补正后申请内容仍不明确\t0\t0", "3.补正后申请内容仍不明确\t0\t/")],
                 expected: [.cellBlank]),
        Mutation(name: "cell is not a number", file: modern,
                 edits: [("2.重复申请\t0\t0", "2.重复申请\t0\t1.5")],
                 expected: [.cellNotNumber]),
        Mutation(name: "negative count in table 1", file: modern,
                 edits: [("行政强制\t9", "行政强制\t-9")],
                 expected: [.negativeCount]),
        Mutation(name: "row deleted", file: modern,
                 edits: [("\t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n", "")],
                 expected: [.rowMissing]),
        Mutation(name: "cell deleted", file: modern,
                 edits: [("8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0", "8.属于行政查询事项\t0\t0\t0\t0\t0\t0")],
                 expected: [.cellMissing]),
        Mutation(name: "table 3 deleted", file: modern,
                 edits: [("1\t1\t0\t1\t3\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1\n", "")],
                 expected: [.tableMissing]),
        Mutation(name: "no year anywhere", file: modern,
                 edits: [("江北市交通运输局2023年政府信息公开工作年度报告", "江北市交通运输局政府信息公开工作年度报告"),
                         ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", ""),
                         ("2023年，江北市交通运输局", "江北市交通运输局"), ("2023年，我局", "我局"),
                         ("2024年1月20日", "")],
                 expected: [.yearMissing, .titleIncomplete]),
        Mutation(name: "section 五 deleted", file: modern,
                 edits: [("五、存在的主要问题及改进情况\n", "")],
                 expected: [.sectionMissing]),
        Mutation(name: "one 其他处理 row in 2021 tables", file: modern,
                 edits: [("\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1\n\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n\t\t3.其他\t0\t0\t0\t0\t0\t1\t1",
                          "\t（六）其他处理\t1\t0\t0\t0\t0\t1\t2")],
                 expected: [.templateMixed]),
        Mutation(name: "narrative received", file: modern,
                 edits: [("共收到政府信息公开申请26件", "共收到政府信息公开申请25件")],
                 expected: [.narrativeReceived]),
        Mutation(name: "narrative disclosed", file: modern,
                 edits: [("予以公开11件", "予以公开10件")],
                 expected: [.narrativeDisclosed]),
        Mutation(name: "narrative carried forward", file: modern,
                 edits: [("2件结转下年度", "3件结转下年度")],
                 expected: [.narrativeCarriedForward]),
        Mutation(name: "narrative says no applications", file: modern,
                 edits: [("本年度共收到政府信息公开申请26件，上年结转3件，予以公开11件，部分公开2件，2件结转下年度继续办理，", "本年度未收到政府信息公开申请，")],
                 expected: [.narrativeNoApplications]),
        Mutation(name: "narrative review count", file: modern,
                 edits: [("被申请行政复议3件", "被申请行政复议4件")],
                 expected: [.narrativeReviewLitigation]),
        Mutation(name: "narrative says no review", file: modern,
                 edits: [("因政府信息公开工作被申请行政复议3件，提起行政诉讼3件。", "未发生因政府信息公开工作引起的行政复议、行政诉讼。")],
                 expected: [.narrativeNoReview]),
        Mutation(name: "section 六 says only 无", file: modern,
                 edits: [("依据《政府信息公开信息处理费管理办法》，本年度我局未收取信息处理费。", "无。")],
                 expected: [.feeStatementMissing]),
        Mutation(name: "signed after 31 January", file: modern,
                 edits: [("2024年1月20日", "2024年2月20日")],
                 expected: [.publishedLate]),
        Mutation(name: "signed in the report year", file: modern,
                 edits: [("2024年1月20日", "2023年1月20日")],
                 expected: [.yearsDisagree]),
        Mutation(name: "title without the city", file: modern,
                 edits: [("江北市交通运输局2023年政府信息公开工作年度报告", "市交通运输局2023年政府信息公开工作年度报告")],
                 expected: [.titleIncomplete]),
        Mutation(name: "title that is a spreadsheet formula", file: modern,
                 edits: [("江北市交通运输局2023年政府信息公开工作年度报告", "=cmd|'/C calc'!A0江北市交通运输局2023年政府信息公开工作年度报告")],
                 expected: [.titleFormulaLike]),
        Mutation(name: "title that starts with a full-width plus", file: modern,
                 edits: [("江北市交通运输局2023年政府信息公开工作年度报告", "＋江北市交通运输局2023年政府信息公开工作年度报告")],
                 expected: [.titleFormulaLike]),
        Mutation(name: "overview over a thousand characters", file: modern,
                 edits: [("（四）平台建设。", "（四）平台建设。" + String(repeating: "持续优化政务公开平台功能", count: 60))],
                 expected: [.overviewTooLong]),
        Mutation(name: "2019 template for a 2021 report", file: trial,
                 edits: [("江北市生态环境局2020年", "江北市生态环境局2021年"), ("统计期限自2020年1月1日起至2020年12月31日止", "统计期限自2021年1月1日起至2021年12月31日止"),
                         ("2021年1月25日", "2022年1月25日")],
                 expected: [.templateOutdated]),
        Mutation(name: "2019 template: result moved between columns", file: trial,
                 edits: [("\t4.保护第三方合法权益\n\t0\n\t1", "\t4.保护第三方合法权益\n\t1\n\t0")],
                 expected: [.table2ResultTotal]),
        Mutation(name: "2019 template: received moved between columns", file: trial,
                 edits: [("\t一、本年新收政府信息公开申请数量\n\t9\n\t2", "\t一、本年新收政府信息公开申请数量\n\t8\n\t3")],
                 expected: [.table2Balance]),
        Mutation(name: "2019 template: blank cell", file: trial,
                 edits: [("\t（六）其他处理\n\t0", "\t（六）其他处理\n\t—")],
                 expected: [.cellBlank]),
    ]

    @Test(arguments: [modern, trial])
    func cleanFixturePassesWithoutWarnings(_ file: String) {
        let assessment = FixtureFiles.assess(FixtureFiles.document(file))
        #expect(assessment.report.table2 != nil && assessment.report.table3 != nil)
        #expect(assessment.findings.filter { $0.severity != .info }.isEmpty, "\(assessment.findings.map(\.message))")
        #expect(assessment.verdict == .pass)
    }

    @Test(arguments: mutations)
    func mutationTriggersExactlyItsRule(_ mutation: Mutation) {
        let codes = RulesMutationTests.codes(mutation.file, mutation.edits)
        #expect(codes == mutation.expected)
    }

    @Test func aParagraphAloneIsNotAReport() {
        let paragraph = FixtureFiles.text(RulesMutationTests.modern).split(separator: "\n").last { $0.hasPrefix("2023年，我局") }
        #expect(paragraph != nil)
        let findings = FixtureFiles.assess(SourceDocument(text: String(paragraph ?? ""))).findings
        #expect(findings.map(\.code) == [.notAReport])
    }

    @Test func trialTemplateNeedsNoFeeStatement() {
        let codes = RulesMutationTests.codes(RulesMutationTests.trial, [("本年度未收取信息处理费，无其他需要报告的事项。", "无。")])
        #expect(codes == [])
    }

    @Test func removingTheDateIsOnlyInformation() {
        let findings = FixtureFiles.assess(SourceDocument(text: FixtureFiles.text(RulesMutationTests.modern)
            .replacingFirst("2024年1月20日", with: ""))).findings
        #expect(findings.map(\.code) == [.signatureDateMissing])
    }
}

extension String {
    /// The string with the first occurrence of `old` replaced.
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = firstRange(of: old) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: new)
        return copy
    }
}
