import Foundation
import NianbaoDaemon
import Testing
import NianbaoTestSupport

/// `nianbao export --year`: the 汇总 over the counted reports without table errors,
/// checked against sums computed here from each report's own `tables` JSON.
@Suite(.serialized, .offPool) struct ExportCommandTests {
    static let hostileAgency = #"=HYPERLINK("http://example.invalid","点击")"#
    /// 表二 columns as the CSV heads them, and their JSON keys.
    static let applicants = [("自然人", "naturalPerson"), ("商业企业", "commercial"), ("科研机构", "research"),
                             ("社会公益组织", "publicInterest"), ("法律服务机构", "legalService"), ("其他", "otherOrganisation"),
                             ("总计", "total")]
    static let outcomes = ["upheld", "corrected", "other", "pending", "total"]

    /// 2023: 江北 (pass; an earlier failing upload of it is superseded), 昌乐 (pass),
    /// 洪泽 (table3.group_total: excluded), and a record with a formula for a name and no tables.
    static func year2023() throws -> (OfficeStatusFixture, included: [[String: Any]]) {
        let fixture = try OfficeStatusFixture()
        try fixture.addChecked("office/jiangbei-transport-2023-total-mutant.txt", as: "jiangbei-draft.txt", time: "2024-01-05T02:00:00.000Z")
        let jiangbei = try fixture.addChecked("office/jiangbei-transport-2023.txt", as: "jiangbei.txt", time: "2024-01-10T02:00:00.000Z")
        let changle = try fixture.addChecked("samples/003_458875e39d02c745.txt", as: "changle.txt", time: "2024-01-12T02:00:00.000Z")
        let hongze = try fixture.addChecked("samples/huaian_hongze_2023.txt", as: "hongze.txt", time: "2024-01-15T02:00:00.000Z")
        try fixture.add(agency: hostileAgency, year: 2023, verdict: .pass, "hostile.txt", time: "2024-01-16T02:00:00.000Z")
        #expect(jiangbei.verdict == .pass && changle.verdict == .pass)
        #expect(hongze.codes.contains("table3.group_total"))
        let included = try [jiangbei, changle].map { record in
            let object = try JSONSerialization.jsonObject(with: Data(JSONLine.bytes(record))) as? [String: Any]
            return try #require(object?["tables"] as? [String: Any])
        }
        return (fixture, included)
    }

    /// 表二 summed row by row, column by column, from the reports' JSON.
    static func table2Sums(_ tables: [[String: Any]]) -> [String: [String: Int]] {
        var sums: [String: [String: Int]] = [:]
        for table in tables {
            for (row, columns) in table["table2"] as? [String: [String: Any]] ?? [:] {
                for (column, value) in columns { sums[row, default: [:]][column, default: 0] += value as? Int ?? 0 }
            }
        }
        return sums
    }

    static func table3Sums(_ tables: [[String: Any]]) -> [String: [String: Int]] {
        var sums: [String: [String: Int]] = [:]
        for table in tables {
            for (group, cells) in table["table3"] as? [String: [String: Any]] ?? [:] {
                for (outcome, value) in cells { sums[group, default: [:]][outcome, default: 0] += value as? Int ?? 0 }
            }
        }
        return sums
    }

    @Test func jsonSumsMatchIndependentTotalsAndListsExclusions() throws {
        let (fixture, included) = try Self.year2023()
        let run = try NianbaoRun.run(["export", "--year", "2023", "--format", "json", "--status-dir", fixture.status])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try run.object()
        #expect(Set(object["included"] as? [String] ?? []) == ["江北市交通运输局", "昌乐县商务局"])
        let excluded = try #require(object["excluded"] as? [[String: String]])
        #expect(excluded.count == 2)
        let hongze = try #require(excluded.first { $0["file"] == "drop/hongze.txt" })
        #expect(hongze["why"]?.contains("table3.group_total") == true, "\(hongze)")
        #expect(excluded.first { $0["file"] == "drop/hostile.txt" }?["why"] == "未读出表格数据")
        // The superseded upload is nowhere: one report per agency.
        #expect(!run.stdout.contains("jiangbei-draft.txt"))
        let tables = try #require(object["tables"] as? [String: Any])
        let sums = Self.table2Sums(included)
        #expect(sums["received"]?["total"] == 26 + ((included[1]["table2"] as? [String: [String: Int]])?["received"]?["total"] ?? -1))
        #expect((tables["table2"] as? [String: [String: Int]]) == sums)
        #expect((tables["table3"] as? [String: [String: Int]]) == Self.table3Sums(included))
    }

    @Test func csvRowsHoldTheSums() throws {
        let (fixture, included) = try Self.year2023()
        let output = fixture.root + "/2023.csv"
        let run = try NianbaoRun.run(["export", "--year", "2023", "--status-dir", fixture.status, "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("2023 年度".utf8)), "Excel needs the byte-order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first { $0.first == "项目" && $0.contains("自然人") })
        let received = try #require(lines.first { $0.first == "一、本年新收政府信息公开申请数量" })
        let sums = Self.table2Sums(included)["received"] ?? [:]
        for (label, key) in Self.applicants {
            let column = try #require(header.firstIndex(of: label))
            #expect(Int(received[column]) == sums[key], "\(label)")
        }
        #expect(lines.contains { $0.first == "未计入汇总的报告" })
        // The formula-like agency name is neutralised (OWASP): Excel shows it as text.
        #expect(text.contains(#""'=HYPERLINK(""http://example.invalid"",""点击"")""#))
        #expect(!text.contains(#"\n=HYPERLINK"#) && !text.contains(#","=HYPERLINK"#))
    }

    /// .xlsx by LibreOffice Calc: the sheet holds the sums as numbers, the formula-like
    /// agency name as text, and no formula anywhere.
    @Test func xlsxSheetHoldsTheSumsAsNumbers() throws {
        guard SpreadsheetConverter.installed() != nil else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI must have libreoffice-calc-nogui")
            return
        }
        let (fixture, included) = try Self.year2023()
        let output = fixture.root + "/2023.xlsx"
        let run = try NianbaoRun.run(["export", "--year", "2023", "--status-dir", fixture.status, "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let sheet = try XLSXSheet(path: output)
        let received = try #require(sheet.row(startingWith: "一、本年新收政府信息公开申请数量", count: 7), "\(sheet.sheetXML.prefix(400))")
        let sums = Self.table2Sums(included)["received"] ?? [:]
        #expect(received.map { Int($0.text) } == Self.applicants.map { sums[$0.1] })
        #expect(received.allSatisfy { $0.isNumber })
        let review = try #require(sheet.row(startingWith: "行政复议", count: 5))
        let reviewSums = Self.table3Sums(included)["review"] ?? [:]
        #expect(review.map { Int($0.text) } == Self.outcomes.map { reviewSums[$0] })
        #expect(sheet.allTexts.contains(Self.hostileAgency))
        #expect(!sheet.sheetXML.contains("<f"))
        // Without --output an .xlsx is refused: it is no text for a terminal.
        let refused = try NianbaoRun.run(["export", "--year", "2023", "--format", "xlsx", "--status-dir", fixture.status])
        #expect(refused.status == 2)
    }
}
