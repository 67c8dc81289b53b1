import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// kill -9 during a burst, files added while down, restart: nothing lost, nothing judged twice.
@Suite(.serialized, .timeLimit(.minutes(5)), .offPool)
struct RecoveryTests {
    @Test func killNineDuringBurstThenRestart() throws {
        let ws = try Workspace()
        let samples = Fixtures.sampleNames.map(Fixtures.sample)
        var daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        var names: [String] = []
        for i in 0..<400 {
            // Distinct content per file: the sample plus a unique trailing line.
            var bytes = samples[i % samples.count]
            bytes.append(contentsOf: Array("\n\(i)\n".utf8))
            let name = "burst/f\(i).txt"
            try ws.write(name, bytes)
            names.append(name)
            if i == 200 {
                _ = daemon.waitUntil(timeout: 10) { ws.verdictCounts().count > 20 }
                daemon.kill9()
            }
        }
        // Files added while the daemon is down.
        for i in 0..<50 {
            let name = "down/g\(i).txt"
            var bytes = samples[i % samples.count]
            bytes.append(contentsOf: Array("\ndown \(i)\n".utf8))
            try ws.write(name, bytes)
            names.append(name)
        }
        // A file removed while down must be retired.
        let before = ws.verdictCounts()
        let victim = try #require(before.keys.sorted().first)
        try FileManager.default.removeItem(atPath: ws.drop + "/" + victim)
        names.removeAll { $0 == victim }

        daemon = try DaemonHarness(ws)
        #expect(daemon.waitForVerdicts(names, timeout: 120))
        #expect(daemon.quiesce())
        let records = ws.journalRecords()
        #expect(records.allSatisfy { $0 != nil }, "every journal line parses")
        let counts = ws.verdictCounts()
        for name in names { #expect(counts[name] == 1, "\(name) judged \(counts[name] ?? 0) times") }
        #expect(records.compactMap { $0 }.contains { $0.relativePath == victim && $0.event == .removed })
        // Status files follow the durable journal in batches (one syncfs each,
        // which can take a while when other tests load the same file system).
        _ = daemon.waitUntil(timeout: 30) { names.allSatisfy { FileManager.default.fileExists(atPath: ws.status + "/drop/" + $0 + ".json") } }
        for name in names { #expect(FileManager.default.fileExists(atPath: ws.status + "/drop/" + name + ".json")) }
        #expect(!FileManager.default.fileExists(atPath: ws.status + "/drop/" + victim + ".json"))

        // A second restart with nothing changed writes no new record.
        #expect(daemon.terminate() == 0)
        let lines = ws.journalRecords().count
        daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        // Synchronised on the daemon, not on a pause: once the sentinel is judged, the
        // start-up reconciliation queued before it is done.
        #expect(daemon.quiesce())
        #expect(daemon.terminate() == 0)
        #expect(ws.journalRecords().count == lines + 1, "only the sentinel's verdict")
    }

    @Test func tornLastJournalLineIsRepairedAtStart() throws {
        let ws = try Workspace()
        try ws.write("a.txt", Fixtures.sample("000_fb640ca0b162b3d7.txt"))
        var daemon = try DaemonHarness(ws)
        #expect(daemon.waitForVerdicts(["a.txt"]))
        #expect(daemon.terminate() == 0)
        // Simulate a crash mid-append.
        let handle = try #require(FileHandle(forWritingAtPath: ws.journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"path\":\"/torn".utf8))
        try handle.close()
        daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        #expect(daemon.output.contains("torn line"))
        #expect(daemon.terminate() == 0)
        #expect(ws.journalRecords().allSatisfy { $0 != nil })
        #expect(ws.verdictCounts()["a.txt"] == 1)
    }
}
