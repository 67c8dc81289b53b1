import Foundation
import NianbaoDaemon
import NianbaoPlatform
import NianbaoTestSupport
import Testing

/// The status directory, the receipts directory, the journal and the attempt log
/// deleted while the daemon runs: found at the next write or by the periodic check,
/// rebuilt (status, receipts), reopened (journal) or written again from memory
/// (attempt log), and said once each.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct SelfHealingDaemonTests {
    @Test func deletedStateIsRebuiltAndSaidOnce() throws {
        let ws = try Workspace()
        let receipts = ws.root + "/receipts"
        let daemon = try DaemonHarness(ws, extraArguments: ["--receipt-dir", receipts])
        #expect(daemon.waitUntilReady())
        let names = (0..<20).map { "a\($0)/r.txt" }
        for name in names { try ws.place(name, Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(name)\n".utf8)) }
        #expect(daemon.waitForVerdicts(names))
        #expect(daemon.quiesce())
        let before = StatusDirectory(root: ws.status).allRecords().count

        // Gone at once (renamed away, then deleted: the daemon may be writing the page meanwhile).
        for folder in [ws.status, receipts] {
            #expect(rename(folder, folder + ".deleted") == 0)
            try? FileManager.default.removeItem(atPath: folder + ".deleted")
        }
        try ws.place("late.txt", Fixtures.sample("001_53afeb125be3f4fc.txt"))
        #expect(daemon.quiesce(), "\(daemon.output.suffix(1500))")
        let rebuilt = daemon.waitUntil(timeout: 30) { StatusDirectory(root: ws.status).allRecords().count >= before + 1 }
        #expect(rebuilt, "status files: \(StatusDirectory(root: ws.status).allRecords().count) of \(before + 1)")
        #expect(StatusDirectory(root: ws.status).allRecords()[ReportKey(drop: "drop", relativePath: "a3/r.txt")]?.tables != nil,
                "rebuilt from the journal: the tables are there")
        let receiptBack = daemon.waitUntil(timeout: 30) { FileManager.default.fileExists(atPath: receipts + "/drop/a3/r.txt.结果.txt") }
        #expect(receiptBack)

        // The journal unlinked: later verdicts go to a new file at its path, not to the deleted inode.
        try FileManager.default.removeItem(atPath: ws.journal)
        try ws.place("later.txt", Fixtures.sample("000_fb640ca0b162b3d7.txt"))
        #expect(daemon.waitForVerdicts(["later.txt"]), "\(daemon.output.suffix(1500))")
        // The attempt log deleted: written again (found before the next attempt or by the periodic check).
        let attempts = ws.journal + ".attempts"
        try FileManager.default.removeItem(atPath: attempts)
        try ws.place("last.txt", Fixtures.sample("huaian_hongze_2024.txt"))
        #expect(daemon.waitForVerdicts(["last.txt"]))
        #expect(daemon.waitUntil(timeout: 30) { daemon.output.contains("----  attempt log") })
        let logged = (try? String(contentsOfFile: attempts, encoding: .utf8)) ?? ""
        #expect(logged.contains(Hex.lowercase(Array("last.txt".utf8))), "the attempt went to the file at its path: \(logged)")
        let output = daemon.output
        // Each said once (on the terminal; the log has its own line).
        #expect(output.components(separatedBy: "----  status directory").count - 1 == 1, "\(output.suffix(2000))")
        #expect(output.components(separatedBy: "----  receipts directory").count - 1 == 1)
        #expect(output.components(separatedBy: "----  verdict journal").count - 1 == 1)
        #expect(output.components(separatedBy: "----  attempt log").count - 1 == 1)
        #expect(daemon.terminate() == 0)
    }
}
