import Foundation
import Testing
import NianbaoDaemon

/// 5,000 files while the kernel queue is far smaller: an overflow happens and every file still gets exactly one verdict.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct OverflowTests {
    static let knob = "/proc/sys/fs/inotify/max_queued_events"

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isWritableFile(atPath: OverflowTests.knob)))
    func everyFileJudgedOnceDespiteOverflow() throws {
        let ws = try Workspace()
        let old = try String(contentsOfFile: Self.knob, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        // The limit is captured when the daemon calls inotify_init1; restore it right after.
        try "64".write(toFile: Self.knob, atomically: false, encoding: .utf8)
        let daemon: DaemonProcess
        do {
            daemon = try DaemonProcess(ws)
            _ = daemon.waitForOutput("started")
        }
        try old.write(toFile: Self.knob, atomically: false, encoding: .utf8)
        let base = Fixtures.sample("huaian_hongze_2024.txt")
        var names: [String] = []
        for i in 0..<5000 {
            var bytes = base
            bytes.append(contentsOf: Array("\n\(i)\n".utf8))
            let name = "d\(i % 10)/r\(i).txt"
            try ws.write(name, bytes)
            names.append(name)
        }
        #expect(ws.waitForVerdicts(names, timeout: 240))
        Thread.sleep(forTimeInterval: 1.0)
        #expect(daemon.output.contains("overflow"), "the test must actually overflow the queue")
        let counts = ws.verdictCounts()
        #expect(counts.count == 5000)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(daemon.terminate() == 0)
    }
}
