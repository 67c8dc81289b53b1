import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// Issue 20 with the real daemon: the checkpoint written at the stop is where the
/// next start begins; a report's arrival survives a rename made while the daemon
/// was stopped; SIGTERM during start-up ends it cleanly before READY=1.
@Suite(.serialized, .timeLimit(.minutes(5)), .offPool)
struct StartupDaemonTests {
    let sample = Fixtures.sample("000_fb640ca0b162b3d7.txt")

    @Test func theArrivalSurvivesARenameWhileStoppedAndTheNextStartBeginsAtTheCheckpoint() throws {
        let ws = try Workspace()
        let first = try DaemonHarness(ws)
        #expect(first.waitUntilReady())
        try ws.place("局/a.txt", sample)
        #expect(first.waitForVerdicts(["局/a.txt"]))
        #expect(first.quiesce())
        let arrived = try #require(ws.statusRecord("局/a.txt"))
        #expect(arrived.arrival != nil && arrived.arrival == arrived.time && arrived.seq != nil)
        #expect(first.terminate() == 0)
        let checkpoint = JournalCheckpoint.path(journal: ws.journal)
        let saved = try #require(try JournalCheckpoint.read(path: checkpoint))
        #expect(saved.records[ReportKey(drop: "drop", relativePath: "局/a.txt")]?.sha256 == arrived.sha256)
        #expect(saved.header.journal.offset == FilePosition.of(path: ws.journal)?.offset, "the stop's checkpoint covers the whole journal")

        // The agency's folder is renamed while the daemon is stopped.
        #expect(rename(ws.drop + "/局", ws.drop + "/改名") == 0)
        let second = try DaemonHarness(ws)
        #expect(second.waitUntilReady())
        #expect(second.waitForVerdicts(["改名/a.txt"]))
        #expect(second.quiesce())
        let renamed = try #require(ws.statusRecord("改名/a.txt"))
        #expect(renamed.arrival == arrived.arrival, "arrival is when the content first arrived")
        #expect(renamed.arrivalSeq == arrived.seq)
        #expect((renamed.seq ?? 0) > (arrived.seq ?? 0))
        #expect(ws.statusRecord("局/a.txt") == nil)
        #expect(second.terminate() == 0)
    }

    @Test func aReportMovedToAnotherDropFolderKeepsItsArrival() throws {
        let ws = try Workspace()
        let other = ws.root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        let daemon = try DaemonHarness(ws, extraArguments: ["--drop", "other=" + other])
        #expect(daemon.waitUntilReady())
        try ws.place("局/a.txt", sample)
        #expect(daemon.waitForVerdicts(["局/a.txt"]))
        #expect(daemon.quiesce())
        let arrived = try #require(ws.statusRecord("局/a.txt"))
        // Moved by the office into another drop folder (same file system).
        #expect(rename(ws.drop + "/局/a.txt", other + "/a.txt") == 0)
        let status = StatusDirectory(root: ws.status)
        let key = ReportKey(drop: "other", relativePath: "a.txt")
        #expect(daemon.waitUntil(timeout: 30) { status.read(key) != nil && ws.statusRecord("局/a.txt") == nil })
        let moved = try #require(status.read(key))
        #expect(moved.arrival == arrived.arrival, "arrival is when the content first arrived, in any drop folder")
        #expect(moved.arrivalSeq == arrived.seq && (moved.seq ?? 0) > (arrived.seq ?? 0))
        #expect(daemon.terminate() == 0)
    }

    @Test func sigtermDuringStartUpEndsItCleanlyBeforeReady() throws {
        let ws = try Workspace()
        // A journal of the previous version (no checkpoint): read whole at this start.
        var line = VerdictRecord(path: ws.drop + "/x.txt", sha256: String(repeating: "a", count: 64), format: "text", encoding: "utf-8",
                                 template: "2021", agency: "某局", year: 2024, published: nil, verdict: .pass, findings: [])
        line.drop = "drop"
        line.event = .changed
        line.time = "2025-03-01T00:00:00.000Z"
        let handle = try #require({ () -> FileHandle? in
            try? Directories.create((ws.journal as NSString).deletingLastPathComponent)
            _ = FileManager.default.createFile(atPath: ws.journal, contents: nil)
            return FileHandle(forWritingAtPath: ws.journal)
        }())
        line.relativePath = "rXXXXXX.txt"
        let template = String(decoding: JSONLine.bytes(line), as: UTF8.self) + "\n"
        var chunk = Data()
        for i in 0..<400_000 {
            let name = String(i % 5000)
            chunk.append(contentsOf: template.replacingOccurrences(of: "XXXXXX", with: String(repeating: "0", count: 6 - name.count) + name).utf8)
            if chunk.count > 4 << 20 {
                try handle.write(contentsOf: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: chunk)
        try handle.close()

        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntil(timeout: 60) { daemon.notify.all.contains { $0.status?.hasPrefix("starting") == true } })
        kill(daemon.pid, SIGTERM)
        #expect(daemon.waitForExit(timeout: 60) == 0, "a clean exit, not a kill")
        #expect(!daemon.notify.all.contains { $0.lines.contains("READY=1") }, "no READY=1 before start-up ended")
        #expect(!FileManager.default.fileExists(atPath: JournalCheckpoint.path(journal: ws.journal)), "stopped before the checkpoint")
    }
}
