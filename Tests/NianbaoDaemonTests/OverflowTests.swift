import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// 5,000 files while the daemon's inotify reader is stalled (SIGSTOP) so the
/// kernel queue overflows: the overflow is seen and every file still gets
/// exactly one verdict. The system-wide queue limit is left alone. The waits fail
/// when the daemon stops making progress, not when a loaded machine is slow; the
/// time limit only guards against a hang.
@Suite(.serialized, .timeLimit(.minutes(20)), .offPool)
struct OverflowTests {
    @Test func everyFileJudgedOnceDespiteOverflow() throws {
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16384
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        let base = Fixtures.sample("huaian_hongze_2024.txt")
        // Each file: create, modify, close-write under a temporary name, then
        // moved-from and moved-to: five queued events per file.
        let count = max(5000, limit / 5 + 1000)
        var names: [String] = []
        // The folders exist (and are watched) before the reader stalls, so every
        // file event is queued by the kernel.
        for d in 0..<10 { try FileManager.default.createDirectory(atPath: ws.drop + "/d\(d)", withIntermediateDirectories: true) }
        #expect(daemon.quiesce())
        kill(daemon.pid, SIGSTOP)
        for i in 0..<count {
            var bytes = base
            bytes.append(contentsOf: Array("\n\(i)\n".utf8))
            let name = "d\(i % 10)/r\(i).txt"
            try ws.write("d\(i % 10)/.r\(i).txt.part", bytes)
            rename(ws.drop + "/d\(i % 10)/.r\(i).txt.part", ws.drop + "/" + name)
            names.append(name)
        }
        kill(daemon.pid, SIGCONT)
        #expect(daemon.waitForVerdicts(names, timeout: 120))
        #expect(daemon.quiesce())
        #expect(daemon.output.contains("overflow"), "the test must actually overflow the queue (limit \(limit))")
        let counts = ws.verdictCounts()
        #expect(counts.count == count)
        #expect(counts.values.allSatisfy { $0 == 1 })
        let status = daemon.terminate()
        #expect(status == 0, "\(daemon.output.suffix(1500))")
    }
}
