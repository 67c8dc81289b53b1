import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// The running daemon compares an agency's consecutive years, whichever arrives first.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
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

    /// 表一 现行有效 8 → 10 in 2024: 5 + 3 − 0 = 8 expected.
    static let brokenInForce = Array(String(decoding: Fixtures.sample("huaian_hongze_2024.txt"), as: UTF8.self)
        .replacing("行政规范性文件 3 0 8", with: "行政规范性文件 3 0 10").utf8)

    @Test func documentsInForceAreComparedAndCheckSaysTheSame() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("2024/hongze.txt", Self.brokenInForce)
        #expect(daemon.waitForVerdicts(["2024/hongze.txt"]))
        try ws.place("2023/hongze.txt", Self.last)
        #expect(daemon.waitUntil {
            Self.latest(ws, "2024/hongze.txt")?.codes.contains("cross_year.in_force") == true
        }, "\(ws.journalRecords().compactMap { $0?.codes })")
        let record = try #require(Self.latest(ws, "2024/hongze.txt"))
        let daemonFindings = record.findings.filter { $0.code.hasPrefix("cross_year.") }
        #expect(daemonFindings.map(\.message) == [
            "表一 行政规范性文件 · 现行有效件数：本年《2024/hongze.txt》为 10，应为上年《2023/hongze.txt》现行有效件数 5 + 本年制发件数 3 − 本年废止件数 0 = 8",
        ])
        #expect(daemon.terminate() == 0)

        // `nianbao check` on the same files, named as the daemon names them, in either order.
        for order in [["2023/hongze.txt", "2024/hongze.txt"], ["2024/hongze.txt", "2023/hongze.txt"]] {
            let script = "cd '\(ws.drop)' && exec '\(Binaries.nianbao)' check --json \(order.joined(separator: " "))"
            let result = try Subprocess.run(["/bin/sh", "-c", script])
            let line = try #require(result.output.split(separator: "\n").first { $0.contains("\"path\":\"2024/hongze.txt\"") })
            let checked = try JSONDecoder().decode(VerdictRecord.self, from: Data(line.utf8))
            #expect(checked.findings.filter { $0.code.hasPrefix("cross_year.") } == daemonFindings, "\(order)")
            #expect(checked.verdict == record.verdict)
        }
    }

    /// 表二 新收 21 → 120: the daemon points out the jump (information) once, however often
    /// the pair is compared again.
    @Test func applicationsJumpIsPointedOutOnce() throws {
        let jumped = Array(String(decoding: Fixtures.sample("huaian_hongze_2024.txt"), as: UTF8.self)
            .replacing("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95", with: "一、本年新收政府信息公开申请数量 120 0 0 0 0 0 120").utf8)
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("2024/hongze.txt", jumped)
        #expect(daemon.waitForVerdicts(["2024/hongze.txt"]))
        try ws.place("2023/hongze.txt", Self.last)
        #expect(daemon.waitUntil {
            Self.latest(ws, "2024/hongze.txt")?.codes.contains("anomaly.applications_jump") == true
        }, "\(ws.journalRecords().compactMap { $0?.codes })")
        // Last year's report changes: the pair is compared again, the anomaly stays single.
        try ws.place("2023/hongze.txt", Self.last + Array("\n".utf8))
        #expect(daemon.quiesce())
        let record = try #require(Self.latest(ws, "2024/hongze.txt"))
        #expect(record.codes.filter { $0 == "anomaly.applications_jump" }.count == 1, "\(record.codes)")
        #expect(daemon.terminate() == 0)
    }
}
