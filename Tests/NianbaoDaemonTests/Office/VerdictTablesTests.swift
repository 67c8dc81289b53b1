import Foundation
import NianbaoDaemon
import Testing
import NianbaoTestSupport

/// Every verdict carries the report's parsed tables (`tables`): `check --json`, the
/// verdict journal and the status files.
@Suite(.offPool) struct VerdictTablesTests {
    @Test func checkJsonCarriesTablesWithSortedKeys() throws {
        let run = try NianbaoRun.run(["check", "--json", Fixtures.directory + "/office/jiangnan-market-2024.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        let line = run.stdout.trimmingCharacters(in: .newlines)
        let object = try run.object()
        let tables = try #require(object["tables"] as? [String: Any])
        let table2 = try #require(tables["table2"] as? [String: Any])
        let received = try #require(table2["received"] as? [String: Int])
        // The report's own 表二 一、 row: 55 + 14 + 3 + 2 + 6 + 3 = 83.
        #expect(received == ["naturalPerson": 55, "commercial": 14, "research": 3, "publicInterest": 2,
                             "legalService": 6, "otherOrganisation": 3, "total": 83])
        #expect(tables["template"] as? String == "2021")
        #expect((tables["table1"] as? [Any])?.isEmpty == false)
        #expect(tables["table3"] is [String: Any])
        // Stable bytes: keys sorted inside tables too.
        let positions = ["\"table1\":", "\"table2\":", "\"table3\":", "\"template\":"].compactMap { line.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        let again = try NianbaoRun.run(["check", "--json", Fixtures.directory + "/office/jiangnan-market-2024.txt"])
        #expect(again.stdout == run.stdout)
    }

    /// A file that could not be read has no tables, and no `tables` key at all.
    @Test func unreadableFileHasNoTablesKey() throws {
        let run = try NianbaoRun.run(["check", "--json", "--max-bytes", "10", Fixtures.directory + "/office/jiangnan-market-2024.txt"])
        #expect(run.status == 1)
        let object = try run.object()
        #expect(object["verdict"] as? String == "fail")
        #expect(object["tables"] == nil)
    }

    /// The daemon's journal line and status file hold the same tables as `check --json`.
    @Test func journalAndStatusFileCarryTables() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("market.txt", try Fixtures.bytes("office/jiangnan-market-2024.txt"))
        #expect(daemon.waitForVerdicts(["market.txt"], timeout: 30))
        #expect(daemon.terminate() == 0)
        let checked = try NianbaoRun.run(["check", "--json", Fixtures.directory + "/office/jiangnan-market-2024.txt"]).object()
        let expected = try #require(checked["tables"] as? NSDictionary)
        let journalLine = try #require(String(decoding: try Data(contentsOf: URL(fileURLWithPath: ws.journal)), as: UTF8.self)
            .split(separator: "\n").first { $0.contains("market.txt") })
        let journal = try #require(try JSONSerialization.jsonObject(with: Data(journalLine.utf8)) as? [String: Any])
        #expect(journal["tables"] as? NSDictionary == expected)
        let statusData = try Data(contentsOf: URL(fileURLWithPath: ws.status + "/drop/market.txt.json"))
        let status = try #require(try JSONSerialization.jsonObject(with: statusData) as? [String: Any])
        #expect(status["tables"] as? NSDictionary == expected)
        #expect(ws.statusRecord("market.txt")?.tables?.table2?.rows.isEmpty == false)
    }
}
