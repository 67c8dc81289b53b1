import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// The running daemon compares an agency's consecutive years, whichever arrives first.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CrossYearDaemonTests {
    static let last = Fixtures.sample("huaian_hongze_2023.txt")
    static let broken = Array(String(decoding: Fixtures.sample("huaian_hongze_2024.txt"), as: UTF8.self)
        .replacing("二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", with: "二、上年结转政府信息公开申请数量 3 0 0 0 0 1 4").utf8)

    static func latest(_ ws: Workspace, _ path: String) -> VerdictRecord? {
        ws.journalRecords().compactMap { $0 }.last { $0.relativePath == path }
    }

    @Test(arguments: [true, false])
    func aBrokenCarryOverWarnsWhicheverYearArrivesFirst(lastYearFirst: Bool) throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        let first = lastYearFirst ? ("2023/hongze.txt", Self.last) : ("2024/hongze.txt", Self.broken)
        let second = lastYearFirst ? ("2024/hongze.txt", Self.broken) : ("2023/hongze.txt", Self.last)
        try ws.place(first.0, first.1)
        #expect(daemon.waitForVerdicts([first.0]))
        try ws.place(second.0, second.1)
        #expect(daemon.waitUntil {
            Self.latest(ws, "2024/hongze.txt")?.codes.contains("cross_year.carry_over") == true
        }, "\(ws.journalRecords().compactMap { $0?.codes })")
        let record = try #require(Self.latest(ws, "2024/hongze.txt"))
        let messages = record.findings.filter { $0.code == "cross_year.carry_over" }.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.contains("《2024/hongze.txt》") && $0.contains("《2023/hongze.txt》") })
        #expect(messages.contains { $0.contains("自然人：本年《2024/hongze.txt》为 3") })
        // Last year's own verdict carries no cross-year finding.
        #expect(Self.latest(ws, "2023/hongze.txt")?.codes.contains { $0.hasPrefix("cross_year.") } == false)
        // The status file follows the journal.
        #expect(daemon.waitUntil { ws.statusRecord("2024/hongze.txt")?.codes.contains("cross_year.carry_over") == true })
        #expect(daemon.terminate() == 0)
    }

    @Test func aConsistentPairStaysFreeOfCrossYearFindings() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("2024/hongze.txt", Fixtures.sample("huaian_hongze_2024.txt"))
        try ws.place("2023/hongze.txt", Self.last)
        #expect(daemon.waitForVerdicts(["2024/hongze.txt", "2023/hongze.txt"]))
        #expect(daemon.quiesce())
        let codes = ws.journalRecords().compactMap { $0 }.flatMap(\.codes)
        #expect(!codes.contains { $0.hasPrefix("cross_year.") }, "\(codes)")
        #expect(daemon.terminate() == 0)
    }
}
