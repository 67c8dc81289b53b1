import Testing
@testable import NianbaoEngine
import NianbaoTestSupport

@Suite("Rules: dates and deadlines")
struct RulesDateTests {
    @Test func departmentPublishingInFebruaryIsLate() {
        var report = BuiltReport.clean()
        report.signed = CivilDate(year: 2024, month: 2, day: 5)
        #expect(BuiltReport.codes(report) == [.publishedLate])
    }

    @Test func publicationDateTakesPrecedenceOverSignature() {
        var report = BuiltReport.clean()
        report.published = CivilDate(year: 2024, month: 2, day: 1)
        #expect(BuiltReport.codes(report) == [.publishedLate])
        report.published = CivilDate(year: 2024, month: 1, day: 31)
        #expect(BuiltReport.codes(report).isEmpty)
    }

    @Test func deadlinesFollowTheAgencyLevel() {
        #expect(AgencyLevel(agency: "聊城市商务和投资促进局") == .department)
        #expect(AgencyLevel(agency: "上海市人民政府办公厅") == .department)
        #expect(AgencyLevel(agency: "某县某镇人民政府") == .department)
        #expect(AgencyLevel(agency: "淮安市洪泽区人民政府") == .county)
        #expect(AgencyLevel(agency: "昌乐县人民政府") == .county)
        #expect(AgencyLevel(agency: "洛阳市人民政府") == .prefecture)
        #expect(AgencyLevel(agency: "上海市人民政府") == .province)
        #expect(AgencyLevel(agency: "广西壮族自治区人民政府") == .province)
        #expect(AgencyLevel(agency: "山东省人民政府") == .province)
        #expect(AgencyLevel(agency: "国家税务总局烟台市税务局") == .province)
        #expect(AgencyLevel(agency: "平潭综合实验区") == nil)
    }

    @Test func countyGovernmentHasUntilTwentiethOfFebruary() {
        var report = BuiltReport.clean()
        report.agency = "某市某县人民政府"
        report.title = "某市某县人民政府2023年政府信息公开工作年度报告"
        report.signed = CivilDate(year: 2024, month: 2, day: 20)
        #expect(BuiltReport.codes(report).isEmpty)
        report.signed = CivilDate(year: 2024, month: 2, day: 21)
        #expect(BuiltReport.codes(report) == [.publishedLate])
    }

    @Test func signatureInTheReportYearDisagrees() {
        var report = BuiltReport.clean()
        report.signed = CivilDate(year: 2023, month: 1, day: 20)
        #expect(BuiltReport.codes(report) == [.yearsDisagree])
    }

    @Test func titleYearDisagreeingWithPeriodIsReported() {
        var document = BuiltReport.document
        document.lines[2].text = "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
        #expect(BuiltReport.codes(BuiltReport.clean(), document) == [.yearsDisagree])
        document.lines[2].text = "本报告所列数据的统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。"
        #expect(BuiltReport.codes(BuiltReport.clean(), document).isEmpty)
    }

    @Test func noDateIsOnlyInformation() {
        var report = BuiltReport.clean()
        report.signed = nil
        let findings = ReportEngine().validate(report, in: BuiltReport.document)
        #expect(findings.map(\.code) == [.signatureDateMissing])
        #expect(Verdict(findings: findings) == .pass)
    }
}
