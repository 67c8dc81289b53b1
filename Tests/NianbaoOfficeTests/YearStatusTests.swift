import Foundation
import Testing
import NianbaoEngine
import NianbaoOffice

@Suite("Office: the year's submission state")
struct YearStatusTests {
    private func cityStatus() throws -> YearStatus {
        YearStatus.compute(year: 2024, roster: try OfficeFixtures.cityRoster(), reports: CityYear.reports, today: CityYear.today)
    }

    @Test func theCityYearIsExactlyRight() throws {
        let status = try cityStatus()
        #expect(status.expected == 40)
        #expect(status.submitted == 35)
        #expect(status.missing == ["淮安市人民政府", "盱眙县人民政府", "淮安市数据局", "淮安市信访局", "淮安市气象局"])
        #expect(status.failing == ["金湖县人民政府", "淮安市公安局"])
        #expect(status.late == ["淮安市司法局", "淮安市审计局"])
        #expect(status.unmatched == ["reports/inbox/draft.docx", "reports/inbox/caizheng.pdf", "reports/inbox/suqian.pdf", "reports/inbox/scan.pdf"])
        #expect(status.unmatchedReports.map(\.reason) == [.noYear, .ambiguous, .noEntry, .noAgency])
        #expect(status.unmatchedReports[1].candidates == ["淮安经济技术开发区财政局", "淮安市财政局"])
        #expect(status.agencies.map(\.name) == (try OfficeFixtures.cityRoster()).entries.map(\.name))
    }

    @Test func eachLineCarriesItsDeadlineAndDays() throws {
        let lines = Dictionary(uniqueKeysWithValues: try cityStatus().agencies.map { ($0.name, $0) })
        let city = try #require(lines["淮安市人民政府"])
        #expect(city.state == .missing && city.deadline == CivilDate(year: 2025, month: 3, day: 10) && city.daysLeft == 20 && city.daysOverdue == nil)
        let xuyi = try #require(lines["盱眙县人民政府"])
        #expect(xuyi.deadline == CivilDate(year: 2025, month: 2, day: 20) && xuyi.daysLeft == 2)
        let data = try #require(lines["淮安市数据局"])
        #expect(data.state == .missing && data.daysOverdue == 18 && data.daysLeft == nil)
        let police = try #require(lines["淮安市公安局"])
        #expect(police.state == .fail && police.file == "reports/gongan.pdf" && police.daysOverdue == 18 && !police.late)
        let jinhu = try #require(lines["金湖县人民政府"])
        #expect(jinhu.state == .fail && jinhu.daysLeft == 2)
        let civil = try #require(lines["淮安市民政局"])
        #expect(civil.state == .pass && civil.file == "reports/minzheng-v2.pdf" && civil.earlierFiles == ["reports/minzheng.pdf"])
        #expect(civil.daysLeft == nil && civil.daysOverdue == nil)
        let justice = try #require(lines["淮安市司法局"])
        #expect(justice.late && justice.daysLate == 3 && justice.arrivedOn == CivilDate(year: 2025, month: 2, day: 3))
        let audit = try #require(lines["淮安市审计局"])
        #expect(audit.late && audit.daysLate == 1 && audit.arrival?.iso == "2025-01-31T17:30:00Z")
        let statistics = try #require(lines["淮安市统计局"])
        #expect(!statistics.late && statistics.arrivedOn == CivilDate(year: 2025, month: 1, day: 31))
        #expect(lines["涟水县人民政府"]?.file == "reports/lianshui/nianbao.pdf")
        #expect(lines["涟水县人民政府"]?.reportAgency == nil)
        #expect(lines["淮安市淮阴区人民政府"]?.reportAgency == "淮阴区政府")
        #expect(lines["淮安经济技术开发区财政局"]?.file == "reports/kaifaqu/caizheng/2024.pdf")
        #expect(lines["淮安市商务局"]?.file == "reports/shangwu.pdf")
    }

    @Test func chineseTextHeadlineAndLists() throws {
        let text = try cityStatus().text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "2024 年度：应报 40 · 已报 35 · 未报 5 · 不合格 2")
        #expect(lines.contains("未报（5）："))
        #expect(lines.contains("  盱眙县人民政府  截止 2025-02-20  剩 2 天"))
        #expect(lines.contains("  淮安市数据局  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("不合格（2）："))
        #expect(lines.contains("  淮安市公安局  reports/gongan.pdf  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("  淮安市司法局  reports/sifa.pdf  到达 2025-02-03，截止 2025-01-31，晚 3 天"))
        #expect(lines.contains("  reports/inbox/caizheng.pdf  “财政局”对应多家：淮安经济技术开发区财政局、淮安市财政局"))
    }

    @Test func jsonHasTheIssueFieldsAndRoundTrips() throws {
        let status = try cityStatus()
        let data = try JSONEncoder().encode(status)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["year"] as? Int == 2024)
        #expect(object["expected"] as? Int == 40)
        #expect(object["submitted"] as? Int == 35)
        #expect(object["missing"] as? [String] == status.missing)
        #expect(object["failing"] as? [String] == ["金湖县人民政府", "淮安市公安局"])
        #expect(object["late"] as? [String] == ["淮安市司法局", "淮安市审计局"])
        #expect((object["unmatched"] as? [String])?.count == 4)
        let agencies = try #require(object["agencies"] as? [[String: Any]])
        #expect(agencies.count == 40)
        let xuyi = try #require(agencies.first { $0["name"] as? String == "盱眙县人民政府" })
        #expect(xuyi["state"] as? String == "missing" && xuyi["deadline"] as? String == "2025-02-20" && xuyi["days_left"] as? Int == 2)
        #expect(xuyi["file"] is NSNull && xuyi["level"] as? String == "county")
        let decoded = try JSONDecoder().decode(YearStatus.self, from: data)
        #expect(decoded == status)
    }

    @Test func withoutARosterExpectedIsWhatArrived() {
        let reports = [
            CityYear.report("淮安市洪泽区人民政府", .fail, "a.pdf", "2025-02-01T01:00:00Z"),
            CityYear.report("淮安市洪泽区 人民政府", .pass, "b.pdf", "2025-02-02T01:00:00Z"),
            CityYear.report("淮安市商务局", .warn, "c.pdf", "2025-02-03T01:00:00Z"),
            CityYear.report(nil, .fail, "d.pdf", "2025-02-03T01:00:00Z"),
        ]
        let status = YearStatus.compute(year: 2024, roster: nil, reports: reports, today: CityYear.today)
        #expect(!status.hasRoster)
        #expect(status.expected == 2 && status.submitted == 2 && status.missing.isEmpty && status.failing.isEmpty)
        #expect(status.agencies.map(\.name) == ["淮安市商务局", "淮安市洪泽区 人民政府"])
        #expect(status.agencies[1].earlierFiles == ["reports/a.pdf"] && status.agencies[1].level == .county)
        #expect(status.late == ["淮安市商务局"])
        #expect(status.unmatched == ["reports/d.pdf"])
        #expect(status.text.hasPrefix("2024 年度：应报 2 · 已报 2 · 未报 0 · 不合格 0"))
    }

    /// A name or file with a line break stays on its own line of the text.
    @Test func namesWithLineBreaksStayOnOneLine() {
        let reports = [
            CityYear.report("淮安市\n商务局", .fail, "c\r\n2.pdf", "2025-02-03T01:00:00Z"),
            CityYear.report("淮安市\u{2028}教育局", .warn, "d.pdf", "2025-02-03T01:00:00Z"),
        ]
        let status = YearStatus.compute(year: 2024, roster: nil, reports: reports, today: CityYear.today)
        let lines = status.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\u{2028}") })
        #expect(lines.contains { $0.contains(#"淮安市\x0A商务局  reports/c\x0D\x0A2.pdf"#) }, "\(status.text)")
        #expect(lines.contains { $0.contains(#"淮安市\u{2028}教育局"#) }, "\(status.text)")
        #expect(lines.count == 1 + 2 + 1 + 2)   // headline, 不合格 + 1, 迟报 + 2
    }

    @Test func arrivalOrderDoesNotChangeTheResult() throws {
        let roster = try OfficeFixtures.cityRoster()
        let forward = YearStatus.compute(year: 2024, roster: roster, reports: CityYear.reports, today: CityYear.today)
        let backward = YearStatus.compute(year: 2024, roster: roster, reports: CityYear.reports.reversed(), today: CityYear.today)
        #expect(forward.agencies == backward.agencies)
        #expect(Set(forward.unmatched) == Set(backward.unmatched))
    }
}
