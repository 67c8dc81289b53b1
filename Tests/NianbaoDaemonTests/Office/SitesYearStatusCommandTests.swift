import Foundation
import NianbaoDaemon
import NianbaoEngine
import Testing
import NianbaoTestSupport

/// `nianbao status --year` and `export --year` over two sites' status directories (a
/// province's hosts), against one province roster or each site's own.
@Suite(.offPool) struct SitesYearStatusCommandTests {
    /// The province's roster: two agencies of 淮安 and three of 宿迁, all departments
    /// (due 2025-01-31).
    static let provinceRoster = """
    name,level,folder,aliases
    淮安市教育局,部门,,
    淮安市公安局,部门,,
    宿迁市商务局,部门,,
    宿迁市教育局,部门,,
    宿迁市民政局,部门,,

    """

    /// (site, agency, verdict, drop, file, arrival). Both sites hold a drop/jiaoyu.pdf;
    /// 宿迁市商务局 first sent its report to 淮安's host, then the right one to 宿迁's.
    static let reports: [(String, String, Verdict, String, String, String)] = [
        ("huaian", "淮安市教育局", .pass, "drop", "jiaoyu.pdf", "2025-01-20T02:00:00.000Z"),
        ("huaian", "淮安市公安局", .fail, "drop", "gongan.pdf", "2025-01-22T02:00:00.000Z"),
        ("huaian", "宿迁市商务局", .fail, "drop", "suqian-shangwu.pdf", "2025-01-10T01:00:00.000Z"),
        ("suqian", "宿迁市商务局", .pass, "drop", "shangwu.pdf", "2025-01-16T01:00:00.000Z"),
        // Late: 2025-02-03 in Beijing.
        ("suqian", "宿迁市教育局", .warn, "drop", "jiaoyu.pdf", "2025-02-03T01:00:00.000Z"),
        // Another city: fits no entry.
        ("suqian", "南京市商务局", .pass, "inbox", "nanjing.pdf", "2025-01-15T01:00:00.000Z"),
    ]

    /// The two sites' status directories, and the province roster file.
    static func sites() throws -> (huaian: OfficeStatusFixture, suqian: OfficeStatusFixture, roster: String) {
        let huaian = try OfficeStatusFixture()
        let suqian = try OfficeStatusFixture()
        for (site, agency, verdict, drop, file, time) in reports {
            try (site == "huaian" ? huaian : suqian).add(agency: agency, year: 2024, verdict: verdict, drop: drop, file, time: time)
        }
        return (huaian, suqian, try huaian.roster(provinceRoster))
    }

    /// The combined year, exactly: the counts, each agency's file named with its site, the
    /// report sent to the wrong host superseded, the unmatched report of 宿迁.
    static func expectProvinceYear(_ object: [String: Any]) throws {
        #expect(object["expected"] as? Int == 5)
        #expect(object["submitted"] as? Int == 4)
        #expect(object["missing"] as? [String] == ["宿迁市民政局"])
        #expect(object["failing"] as? [String] == ["淮安市公安局"])
        #expect(object["late"] as? [String] == ["宿迁市教育局"])
        #expect(object["unmatched"] as? [String] == ["suqian:inbox/nanjing.pdf"])
        let agencies = try #require(object["agencies"] as? [[String: Any]])
        #expect(agencies.map { $0["name"] as? String } == ["淮安市教育局", "淮安市公安局", "宿迁市商务局", "宿迁市教育局", "宿迁市民政局"])
        #expect(agencies.map { $0["file"] as? String } == ["huaian:drop/jiaoyu.pdf", "huaian:drop/gongan.pdf", "suqian:drop/shangwu.pdf",
                                                           "suqian:drop/jiaoyu.pdf", nil])
        #expect(agencies.map { $0["site"] as? String } == ["huaian", "huaian", "suqian", "suqian", nil])
        #expect(agencies.map { $0["state"] as? String } == ["pass", "fail", "pass", "warn", "missing"])
        #expect(agencies[2]["earlier_files"] as? [String] == ["huaian:drop/suqian-shangwu.pdf"])
        #expect(agencies[4]["days_overdue"] as? Int == 18)
    }

    @Test func twoStatusDirectoriesCombineExactly() throws {
        let (huaian, suqian, roster) = try Self.sites()
        let run = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", "huaian=" + huaian.status,
                                      "--status-dir", "suqian=" + suqian.status, "--roster", roster, "--today", "2025-02-18"])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectProvinceYear(try run.object())

        let text = try NianbaoRun.run(["status", "--year", "2024", "--status-dir", "huaian=" + huaian.status,
                                       "--status-dir", "suqian=" + suqian.status, "--roster", roster, "--today", "2025-02-18"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2024 年度：应报 5 · 已报 4 · 未报 1 · 不合格 1")
        #expect(lines.contains("  宿迁市民政局  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("  淮安市公安局  huaian:drop/gongan.pdf  截止 2025-01-31  逾期 18 天"))
        #expect(lines.contains("  宿迁市教育局  suqian:drop/jiaoyu.pdf  到达 2025-02-03，截止 2025-01-31，晚 3 天"))
        #expect(lines.contains("  suqian:inbox/nanjing.pdf  “南京市商务局”不在名单中"))
    }

    /// The same from a folder of the sites' copies (`<dir>/<site>/`, as rsync leaves them).
    @Test func aFolderOfSitesCombinesTheSame() throws {
        let (huaian, suqian, roster) = try Self.sites()
        let folder = huaian.root + "/province"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: huaian.status, toPath: folder + "/huaian")
        try FileManager.default.copyItem(atPath: suqian.status, toPath: folder + "/suqian")
        let run = try NianbaoRun.run(["status", "--year", "2024", "--json", "--sites", folder, "--roster", roster, "--today", "2025-02-18"])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectProvinceYear(try run.object())

        // The 汇总 names each counted report with its site.
        let export = try NianbaoRun.run(["export", "--year", "2024", "--format", "json", "--sites", folder, "--roster", roster,
                                         "--today", "2025-02-18"])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try #require(try export.object()["agencies"] as? [[String: Any]])
        #expect(rows.map { $0["file"] as? String } == ["huaian:drop/jiaoyu.pdf", "huaian:drop/gongan.pdf", "suqian:drop/shangwu.pdf",
                                                       "suqian:drop/jiaoyu.pdf"])
    }

    /// Each site with its own roster: the year summaries the sites' daemons wrote, side by side, with the totals.
    @Test func perSiteRostersKeepEachSitesYear() throws {
        let (huaian, suqian, _) = try Self.sites()
        let folder = huaian.root + "/province"
        let ownRosters = ["huaian": "name,level\n淮安市教育局,部门\n淮安市公安局,部门\n淮安市司法局,部门\n",
                          "suqian": "name,level\n宿迁市商务局,部门\n宿迁市教育局,部门\n"]
        for (site, fixture) in [("huaian", huaian), ("suqian", suqian)] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: fixture.status, toPath: folder + "/" + site)
            // The site's year summary, as its daemon writes it (`status --year --json` with the site's roster).
            let roster = try fixture.roster(ownRosters[site] ?? "", name: "own.csv")
            let own = try NianbaoRun.run(["status", "--year", "2024", "--json", "--status-dir", fixture.status, "--roster", roster,
                                          "--today", "2025-02-18"])
            #expect(own.status == 0, "\(own.stderr)")
            try FileManager.default.createDirectory(atPath: folder + "/\(site)/years", withIntermediateDirectories: true)
            try own.data.write(to: URL(fileURLWithPath: folder + "/\(site)/years/2024.json"))
        }
        let run = try NianbaoRun.run(["status", "--year", "2024", "--json", "--per-site", "--sites", folder, "--today", "2025-02-18"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try run.object()
        #expect(object["expected"] as? Int == 5)
        #expect(object["submitted"] as? Int == 4)
        #expect(object["missing"] as? [[String: String]] == [["site": "huaian", "name": "淮安市司法局"]])
        #expect(object["failing"] as? [[String: String]] == [["site": "huaian", "name": "淮安市公安局"]])
        let sites = try #require(object["sites"] as? [[String: Any]])
        #expect(sites.map { $0["site"] as? String } == ["huaian", "suqian"])
        // 淮安's host holds 宿迁市商务局's misdirected report: not on its own roster.
        let huaianYear = try #require(sites.first?["status"] as? [String: Any])
        #expect(huaianYear["unmatched"] as? [String] == ["drop/suqian-shangwu.pdf"])
        let text = try NianbaoRun.run(["status", "--year", "2024", "--per-site", "--sites", folder, "--today", "2025-02-18"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "2024 年度（2 个站点）：应报 5 · 已报 4 · 未报 1 · 不合格 1")
        #expect(lines.contains("【huaian】2024 年度：应报 3 · 已报 2 · 未报 1 · 不合格 1"))
        #expect(lines.contains("【suqian】2024 年度：应报 2 · 已报 2 · 未报 0 · 不合格 0"))
    }
}
