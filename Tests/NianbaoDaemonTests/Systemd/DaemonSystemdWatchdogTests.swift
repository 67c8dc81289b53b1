import Foundation
import Glibc
import NianbaoDaemon
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// A worker stuck on one report must make the daemon withhold WATCHDOG=1,
    /// so that systemd's watchdog restarts it (`NIANBAO_DEBUG_WEDGE` test hook).
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct Watchdog {
        @Test func wedgedWorkerStopsThePings() throws {
            let root = try DaemonSystemdRoot()
            try root.writeConfig(drops: ["a"])
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let daemon = try WatchChild(
                arguments: ["--config", root.config, "--workers", "1"],
                environment: ["NOTIFY_SOCKET": recorder.path, "WATCHDOG_USEC": "1000000", "NIANBAO_DEBUG_WEDGE": "wedge.txt"],
                outputPath: root.root + "/daemon.out")
            defer { daemon.signal(SIGKILL); _ = daemon.waitForExit(timeout: 10) }

            let ready = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1: \(daemon.output)")
            // Healthy: pings keep coming, also while an ordinary report is judged.
            try root.drop(Fixtures.sample(DaemonSystemdSamples.passing), as: "ok.txt", into: "a")
            #expect(root.waitForRecords([("a", "ok.txt")], timeout: 30))
            Thread.sleep(forTimeInterval: 1.5)
            let healthyPings = recorder.all.suffix(from: ready + 1).filter { $0.text == "WATCHDOG=1" }
            #expect(healthyPings.count >= 3, "pings before the wedge: \(healthyPings.count)")

            // The only worker picks up the wedge file and never returns.
            let dropped = monotonicMicroseconds()
            try root.drop(Fixtures.sample(DaemonSystemdSamples.passing), as: "wedge.txt", into: "a")
            Thread.sleep(forTimeInterval: 4.0)
            let end = monotonicMicroseconds()
            let pings = recorder.all.filter { $0.text == "WATCHDOG=1" }.map(\.time)
            let last = try #require(pings.last)
            #expect(last < dropped + 1_500_000, "pings went on \(Double(Int64(last) - Int64(dropped)) / 1e6) s after the wedge")
            #expect(end - last >= 2_000_000, "last ping only \(Double(end - last) / 1e6) s ago")
            // Still alive (no crash), still reporting status; the report has no verdict.
            #expect(daemon.isAlive)
            #expect(daemon.output.contains("a validation worker is wedged"), "the wedge is not logged: \(daemon.output)")
            #expect(!root.records().contains { $0.relativePath == "wedge.txt" })
        }
    }
}
