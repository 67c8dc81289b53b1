import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: arithmetic on hand-built reports")
struct RulesArithmeticTests {
    @Test func cleanBuiltReportHasNoFindings() {
        let findings = ReportEngine().validate(BuiltReport.clean(), in: BuiltReport.document)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func rowSumMismatchIsReported() {
        var report = BuiltReport.setting(BuiltReport.clean(), .withheldThirdParty, .total, 2)
        report = BuiltReport.setting(report, .unavailableNotHeld, .total, 1)
        #expect(BuiltReport.codes(report) == [.table2RowSum])
        let messages = ReportEngine().validate(report, in: BuiltReport.document).map(\.message)
        #expect(messages == ["表二 （三）4.保护第三方合法权益 · 总计：应为 1，实为 2", "表二 （四）1.本机关不掌握相关政府信息 · 总计：应为 2，实为 1"])
    }

    @Test func resultTotalMismatchIsReported() {
        var report = BuiltReport.setting(BuiltReport.clean(), .disclosed, .naturalPerson, 3)
        report = BuiltReport.setting(report, .disclosed, .commercial, 0)
        #expect(BuiltReport.codes(report) == [.table2ResultTotal])
        let messages = ReportEngine().validate(report, in: BuiltReport.document).map(\.message)
        #expect(messages.contains("表二 （七）总计 · 自然人：应为 6，实为 5"))
        #expect(messages.contains("表二 （七）总计 · 商业企业：应为 1，实为 2"))
    }

    @Test func balanceMismatchIsReported() {
        var report = BuiltReport.setting(BuiltReport.clean(), .received, .naturalPerson, 6)
        report = BuiltReport.setting(report, .received, .commercial, 1)
        #expect(BuiltReport.codes(report) == [.table2Balance])
        let messages = ReportEngine().validate(report, in: BuiltReport.document).map(\.message)
        #expect(messages.contains("表二 自然人列：一+二=7，三（七）+四=6，应相等"))
    }

    @Test func table3GroupTotalMismatchIsReported() {
        var report = BuiltReport.clean()
        report.table3?.cells[1] = BuiltReport.cell(2, line: 120)
        #expect(BuiltReport.codes(report) == [.table3GroupTotal])
        let messages = ReportEngine().validate(report, in: BuiltReport.document).map(\.message)
        #expect(messages == ["表三 行政复议 · 总计：应为 3，实为 2"])
    }

    @Test func findingsCarryTheCellsLocation() {
        var report = BuiltReport.clean()
        report.table3?.cells[1] = BuiltReport.cell(2, line: 120)
        let finding = ReportEngine().validate(report, in: BuiltReport.document).first
        #expect(finding?.location == "第 121 行")
        #expect(finding?.severity == .error)
    }

    @Test func hugeNumbersDoNotCrashAndAreNotPassed() {
        var report = BuiltReport.setting(BuiltReport.clean(), .received, .naturalPerson, Int.max)
        report = BuiltReport.setting(report, .received, .commercial, Int.max)
        report = BuiltReport.setting(report, .total, .naturalPerson, Int.min)
        let findings = ReportEngine().validate(report, in: BuiltReport.document)
        #expect(Verdict(findings: findings) == .fail)
        #expect(findings.contains { $0.code == .table2RowSum })
    }

    @Test func blankCountsAsZeroWithoutCascading() {
        let report = BuiltReport.setting(BuiltReport.clean(), .withheldQuery, .research, .blank, raw: "/")
        #expect(BuiltReport.codes(report) == [.cellBlank])
    }

    @Test func blankTotalStillShowsTheMismatch() {
        let report = BuiltReport.setting(BuiltReport.clean(), .disclosed, .total, .blank, raw: "")
        #expect(BuiltReport.codes(report) == [.cellBlank, .table2RowSum, .table2ResultTotal])
    }
}
