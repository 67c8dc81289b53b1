import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// `nianbao review` against the running daemon: a settled finding stops counting, the
/// verdict follows at once, the mark survives a restart and a re-run, and a changed
/// cell value voids it.
@Suite(.serialized, .timeLimit(.minutes(4)), .offPool)
struct ReviewDaemonTests {
    static let path = "2024/hongze.txt"
    static let reason = "2024 年清理后重新统计，已与司法局核对"
    static let inForce = "表一 行政规范性文件 · 现行有效件数：本年《2024/hongze.txt》为 10"

    static func review(_ ws: Workspace, _ arguments: [String]) throws -> ProcessResult {
        try Subprocess.run([Binaries.nianbao, "review"] + arguments + ["--status-dir", ws.status, "--marks-file", ws.root + "/state/marks.jsonl"])
    }

    static func finding(_ record: VerdictRecord?) -> VerdictRecord.FindingRecord? {
        record?.findings.first { $0.code == "cross_year.in_force" }
    }

    @Test func aSettledFindingStopsCountingSurvivesARestartAndIsVoidedByAChangedCell() throws {
        let ws = try Workspace()
        var daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place("2023/hongze.txt", CrossYearDaemonTests.last)
        try ws.place(Self.path, CrossYearDaemonTests.brokenInForce)
        #expect(daemon.quiesce())
        let before = try #require(ws.statusRecord(Self.path))
        #expect(before.verdict == .warn && before.codes.contains("cross_year.in_force"), "\(before.findings)")
        let others = before.findings.filter { $0.severity != "info" && $0.code != "cross_year.in_force" }.map(\.code)
        #expect(others == ["template.mixed", "narrative.received"], "the sample's own warnings")

        // An unknown code, and no reason, are refused (exit 2) and write nothing.
        let unknown = try Self.review(ws, [ws.drop + "/" + Self.path, "table2.row_sum", "--reason", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("cross_year.in_force"), "\(unknown.stderr)")
        #expect(try Self.review(ws, [ws.drop + "/" + Self.path, "cross_year.in_force"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/state/marks.jsonl"))

        // Settled one by one: the verdict stays warn until the last warning is settled.
        for code in others {
            let result = try Self.review(ws, [ws.drop + "/" + Self.path, code, "--reason", "已人工核对"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(daemon.waitUntil(timeout: 90) {
            ws.statusRecord(Self.path)?.findings.filter { $0.settled != nil }.map(\.code) == others
        }, "\(ws.statusRecord(Self.path)?.findings ?? [])")
        #expect(ws.statusRecord(Self.path)?.verdict == .warn)
        let settled = try Self.review(ws, [ws.drop + "/" + Self.path, "cross_year.in_force", "--cell", "行政规范性文件", "--reason", Self.reason])
        #expect(settled.status == 0, "\(settled.output)\(settled.stderr)")
        #expect(daemon.waitUntil(timeout: 90) { ws.statusRecord(Self.path)?.verdict == .pass }, "\(ws.statusRecord(Self.path)?.findings ?? [])")
        let journaled = try #require(CrossYearDaemonTests.latest(ws, Self.path))
        #expect(journaled.verdict == .pass)
        #expect(Self.finding(journaled)?.settled?.reason == Self.reason, "still shown, marked settled")
        #expect(Self.finding(journaled)?.message.hasPrefix(Self.inForce) == true)
        let list = try Self.review(ws, ["--list"])
        #expect(list.output.contains("cross_year.in_force") && list.output.contains(Self.reason), "\(list.output)")
        // The page and the metrics follow.
        #expect(daemon.waitUntil(timeout: 90) {
            let page = (try? String(contentsOfFile: ws.status + "/index.html", encoding: .utf8)) ?? ""
            let metrics = (try? String(contentsOfFile: ws.status + "/nianbao.prom", encoding: .utf8)) ?? ""
            return page.contains("已核实") && page.contains(Self.reason)
                && metrics.contains("nianbao_findings_settled{code=\"cross_year.in_force\"} 1")
                && !metrics.contains("nianbao_findings{code=\"cross_year.in_force\"}")
        })
        #expect(daemon.terminate() == 0)

        // Restart: the mark is in force; a re-run of the same figures keeps it.
        daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.place(Self.path, CrossYearDaemonTests.brokenInForce + Array("\n".utf8))
        #expect(daemon.quiesce())
        let rerun = try #require(CrossYearDaemonTests.latest(ws, Self.path))
        #expect(rerun.sha256 != journaled.sha256 && rerun.verdict == .pass, "\(rerun.findings)")
        #expect(Self.finding(rerun)?.settled?.reason == Self.reason)

        // The cell's value changes: the finding reads differently, and counts again.
        let changed = Array(String(decoding: CrossYearDaemonTests.brokenInForce, as: UTF8.self)
            .replacing("行政规范性文件 3 0 10", with: "行政规范性文件 3 0 11").utf8)
        try ws.place(Self.path, changed)
        #expect(daemon.quiesce())
        let voided = try #require(CrossYearDaemonTests.latest(ws, Self.path))
        #expect(voided.verdict == .warn && Self.finding(voided)?.settled == nil, "\(voided.findings)")
        #expect(Self.finding(voided)?.message.contains("为 11") == true)

        // `check` with the marks file says the same as the daemon, for the marked figures.
        let script = "cd '\(ws.drop)' && exec '\(Binaries.nianbao)' check --json --marks '\(ws.root)/state/marks.jsonl' 2023/hongze.txt \(Self.path)"
        try ws.place(Self.path, CrossYearDaemonTests.brokenInForce)
        let checked = try Subprocess.run(["/bin/sh", "-c", script])
        let line = try #require(checked.output.split(separator: "\n").first { $0.contains("\"path\":\"\(Self.path)\"") })
        let record = try JSONDecoder().decode(VerdictRecord.self, from: Data(line.utf8))
        #expect(record.verdict == .pass && Self.finding(record)?.settled?.reason == Self.reason, "\(record.findings)")

        // Back to the marked value, then the mark is taken back: the finding counts again.
        #expect(daemon.waitUntil(timeout: 90) { CrossYearDaemonTests.latest(ws, Self.path)?.verdict == .pass })
        let removed = try Self.review(ws, [ws.drop + "/" + Self.path, "cross_year.in_force", "--remove"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(daemon.waitUntil(timeout: 90) { ws.statusRecord(Self.path)?.verdict == .warn && Self.finding(ws.statusRecord(Self.path))?.settled == nil })
        #expect(!(try Self.review(ws, ["--list"]).output.contains("cross_year.in_force")))
        #expect(daemon.terminate() == 0)
    }
}
