import Foundation
import NianbaoDaemon
import Testing
import NianbaoTestSupport

/// `nianbao status --year` over a status directory and a roster, as the office runs it.
@Suite(.offPool) struct YearStatusCommandTests {
    /// On 2025-02-18: one missing department overdue, one county government with 2 days
    /// left, one failing report, one late, one report of another city unmatched.
    @Test func jsonCountsEveryAgencyExactly() throws {
        let (fixture, roster) = try OfficeYear.fixture(before: "2025-02-18")
        let run = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", fixture.status,
                                      "--roster", roster, "--today", "2025-02-18"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try run.object()
        #expect(object["year"] as? Int == 2024)
        #expect(object["expected"] as? Int == 6)
        #expect(object["submitted"] as? Int == 4)
        #expect(object["missing"] as? [String] == ["淮安市民政局", "金湖县人民政府"])
        #expect(object["failing"] as? [String] == ["淮安市公安局"])
        #expect(object["late"] as? [String] == ["淮安市司法局"])
        #expect(object["unmatched"] as? [String] == ["inbox/suqian.pdf"])
        let agencies = try #require(object["agencies"] as? [[String: Any]])
        let minzheng = try #require(agencies.first { $0["name"] as? String == "淮安市民政局" })
        #expect(minzheng["days_overdue"] as? Int == 18)
        let jinhu = try #require(agencies.first { $0["name"] as? String == "金湖县人民政府" })
        #expect(jinhu["days_left"] as? Int == 2)
        let hongze = try #require(agencies.first { $0["name"] as? String == "淮安市洪泽区人民政府" })
        #expect(hongze["file"] as? String == "drop/hongze/2024.pdf")
        #expect(hongze["arrival"] as? String == "2025-02-10T01:00:00Z")
    }

    @Test func textNamesMissingFailingLateAndUnmatched() throws {
        let (fixture, roster) = try OfficeYear.fixture(before: "2025-02-18")
        let run = try NianbaoRun.run(["status", "--year", "2024", "--status-dir", fixture.status, "--roster", roster, "--today", "2025-02-18"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2024 年度：应报 6 · 已报 4 · 未报 2 · 不合格 1")
        #expect(lines.contains("  淮安市民政局  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("  金湖县人民政府  截止 2025-02-20  剩 2 天"))
        #expect(lines.contains("  淮安市公安局  drop/gongan.pdf  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("  淮安市司法局  drop/sifa.pdf  到达 2025-02-03，截止 2025-01-31，晚 3 天"))
        #expect(lines.contains { $0.hasPrefix("  inbox/suqian.pdf") })
    }

    /// The configuration file's roster and status directory are used; flags override them.
    @Test func configurationFileSuppliesRosterAndStatusDirectory() throws {
        let (fixture, roster) = try OfficeYear.fixture(before: "2025-02-18")
        let config = fixture.root + "/nianbao.json"
        try Data(#"{"roster": "\#(roster)", "state": {"statusDirectory": "\#(fixture.status)"}}"#.utf8).write(to: URL(fileURLWithPath: config))
        let fromFile = try NianbaoRun.run(["status", "--year", "2024", "--json", "--config", config, "--today", "2025-02-18"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(try fromFile.object()["expected"] as? Int == 6)
        // --roster wins over the file: a roster of two entries.
        let small = try fixture.roster("name,level\n淮安市教育局,部门\n淮安市民政局,部门\n", name: "small.csv")
        let overridden = try NianbaoRun.run(["status", "--year", "2024", "--json", "--config", config, "--roster", small, "--today", "2025-02-18"])
        #expect(try overridden.object()["expected"] as? Int == 2)
        #expect(try overridden.object()["missing"] as? [String] == ["淮安市民政局"])
    }

    /// A bad roster stops the command with the file and the line, exit 2.
    @Test func badRosterExitsTwoNamingFileAndLine() throws {
        let fixture = try OfficeStatusFixture()
        let roster = try fixture.roster("name,level,folder,aliases\n淮安市教育局,部门,,\n淮安市教育局,部门,,\n")
        let run = try NianbaoRun.run(["status", "--year", "2024", "--status-dir", fixture.status, "--roster", roster])
        #expect(run.status == 2)
        #expect(run.stderr.contains(roster), "\(run.stderr)")
        #expect(run.stderr.contains("roster line 3"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// Without a roster the expected agencies are those that reported; without a status
    /// directory there is nothing, and that is not an error.
    @Test func withoutRosterOrStatusDirectory() throws {
        let (fixture, _) = try OfficeYear.fixture(before: "2025-02-18")
        let run = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", fixture.status, "--today", "2025-02-18"])
        let object = try run.object()
        #expect(object["expected"] as? Int == 5)
        #expect(object["submitted"] as? Int == 5)
        #expect(object["roster"] as? Bool == false)
        let empty = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", fixture.root + "/none", "--today", "2025-02-18"])
        #expect(empty.status == 0)
        #expect(try empty.object()["expected"] as? Int == 0)
    }
}
