import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// Real inotify, real child daemon: each way a report arrives yields exactly one verdict.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct WatchArrivalTests {
    let sample = Fixtures.sample("000_fb640ca0b162b3d7.txt")

    /// Every way a file can appear is judged once: a hard link (IN_CREATE only), a
    /// copy by `cp --reflink=auto`, a file created and held open without a write,
    /// a closed file moved in from another mount, and a file truncated in place.
    @Test func hardLinksCopiesEmptyAndTruncatedFilesAreJudgedOnce() throws {
        let ws = try Workspace()
        let staging = ws.root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try Data(sample).write(to: URL(fileURLWithPath: staging + "/staged.txt"))
        #expect(link(staging + "/staged.txt", ws.drop + "/linked.txt") == 0)
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["--reflink=auto", staging + "/staged.txt", ws.drop + "/reflinked.txt"]
        try copy.run()
        copy.waitUntilExit()
        let held = open(ws.drop + "/held-open.txt", O_CREAT | O_WRONLY, 0o644)
        #expect(held >= 0)
        // A closed file moved in from another mount (/dev/shm, a tmpfs): mv copies and unlinks.
        let other = "/dev/shm/nianbao-mv-\(UUID().uuidString.prefix(8)).txt"
        try Data(sample + Array("\nmoved\n".utf8)).write(to: URL(fileURLWithPath: other))
        let move = Process()
        move.executableURL = URL(fileURLWithPath: "/bin/mv")
        move.arguments = [other, ws.drop + "/moved-across.txt"]
        try move.run()
        move.waitUntilExit()
        #expect(daemon.waitForVerdicts(["linked.txt", "reflinked.txt", "held-open.txt", "moved-across.txt"], timeout: 20))
        close(held)
        // Truncated in place to other content: judged again (a change), once.
        let truncated = open(ws.drop + "/linked.txt", O_WRONLY | O_TRUNC)
        let shorter = Array(sample.prefix(sample.count / 2))
        #expect(shorter.withUnsafeBytes { write(truncated, $0.baseAddress, $0.count) } == shorter.count)
        close(truncated)
        #expect(daemon.waitUntil(timeout: 20) { ws.verdictCounts()["linked.txt"] == 2 })
        #expect(daemon.quiesce())
        let counts = ws.verdictCounts()
        #expect(counts["linked.txt"] == 2)
        #expect(counts["reflinked.txt"] == 1)
        #expect(counts["held-open.txt"] == 1)
        #expect(counts["moved-across.txt"] == 1)
        #expect(daemon.terminate() == 0)
    }

    @Test func slowWriterYieldsOneVerdict() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        // One open file written in 10 chunks over 2 s (an SFTP upload), then closed.
        // (Plain open(2)/write(2) as an SFTP server does: Foundation's createFile renames into place.)
        let fd = open(ws.drop + "/slow.txt", O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let chunk = (sample.count + 9) / 10
        for i in 0..<10 {
            let part = Array(sample[min(sample.count, i * chunk)..<min(sample.count, (i + 1) * chunk)])
            #expect(part.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == part.count)
            Thread.sleep(forTimeInterval: 0.2)
        }
        close(fd)
        // A writer that reopens and closes the file after each chunk.
        let path2 = ws.drop + "/reopened.txt"
        for i in 0..<10 {
            let part = sample[min(sample.count, i * chunk)..<min(sample.count, (i + 1) * chunk)]
            let fd = open(path2, O_CREAT | O_WRONLY | O_APPEND, 0o644)
            let bytes = Array(part)
            #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count)
            close(fd)
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(daemon.waitForVerdicts(["slow.txt", "reopened.txt"]))
        #expect(daemon.quiesce())
        #expect(ws.verdictCounts()["slow.txt"] == 1)
        #expect(ws.verdictCounts()["reopened.txt"] == 1)
        let last = ws.journalRecords().compactMap { $0 }.last { $0.relativePath == "slow.txt" }
        #expect(last?.sha256 == ContentHash.sha256(sample))
        #expect(daemon.terminate() == 0)
    }

    @Test func renameSubfolderMkdirAndGB18030EachYieldOneVerdict() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        // Atomic rename into place: the temporary name is never judged.
        try ws.write(".upload.txt.tmp", sample)
        try FileManager.default.moveItem(atPath: ws.drop + "/.upload.txt.tmp", toPath: ws.drop + "/renamed.txt")
        // A copy into a subfolder created after start.
        try FileManager.default.createDirectory(atPath: ws.drop + "/agency", withIntermediateDirectories: false)
        try ws.write("agency/copied.txt", Fixtures.sample("001_53afeb125be3f4fc.txt"))
        // mkdir -p a/b/c then a file in c.
        try FileManager.default.createDirectory(atPath: ws.drop + "/a/b/c", withIntermediateDirectories: true)
        try ws.write("a/b/c/deep.txt", Fixtures.sample("002_c2173b29a2f695bc.txt"))
        // A GB18030 file.
        let gb = try GB18030.encode(String(decoding: Fixtures.sample("003_458875e39d02c745.txt"), as: UTF8.self))
        try ws.write("gb.txt", gb)
        let expected = ["renamed.txt", "agency/copied.txt", "a/b/c/deep.txt", "gb.txt"]
        #expect(daemon.waitForVerdicts(expected))
        #expect(daemon.quiesce())
        let counts = ws.verdictCounts()
        for name in expected { #expect(counts[name] == 1, "\(name): \(counts[name] ?? 0) verdicts") }
        #expect(counts.keys.allSatisfy { !$0.contains(".tmp") })
        let gbRecord = ws.journalRecords().compactMap { $0 }.last { $0.relativePath == "gb.txt" }
        #expect(gbRecord?.encoding == "gb18030")
        #expect(gbRecord?.agency == "昌乐县商务局")
        // Status files exist and the summary counts them.
        _ = daemon.waitUntil(timeout: 30) { expected.allSatisfy { FileManager.default.fileExists(atPath: ws.status + "/drop/" + $0 + ".json") } }
        for name in expected { #expect(FileManager.default.fileExists(atPath: ws.status + "/drop/" + name + ".json")) }
        #expect(daemon.terminate() == 0)
        let summary = try JSONDecoder().decode(Summary.self, from: try Data(contentsOf: URL(fileURLWithPath: ws.status + "/summary.json")))
        #expect(summary.total.total == expected.count + daemon.sentinels)
    }

    @Test func sameContentIsNotJudgedTwiceAndCorrectionReplacesStatus() throws {
        let ws = try Workspace()
        let daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        try ws.write("r.txt", sample)
        #expect(daemon.waitForVerdicts(["r.txt"]))
        try ws.write("r.txt", sample)               // same bytes rewritten
        #expect(daemon.quiesce())
        #expect(ws.verdictCounts()["r.txt"] == 1)
        var changed = sample
        changed.append(contentsOf: Array("\n".utf8))
        try ws.write("r.txt", changed)              // corrected content
        #expect(daemon.waitUntil(timeout: 20) { ws.verdictCounts()["r.txt"] == 2 })
        let records = ws.journalRecords().compactMap { $0 }.filter { $0.relativePath == "r.txt" }
        #expect(records.map(\.event) == [.new, .changed])
        // The status file follows the durable journal record.
        #expect(daemon.waitUntil(timeout: 10) {
            let data = FileManager.default.contents(atPath: ws.status + "/drop/r.txt.json") ?? Data()
            return (try? JSONDecoder().decode(VerdictRecord.self, from: data))?.sha256 == ContentHash.sha256(changed)
        })
        try FileManager.default.removeItem(atPath: ws.drop + "/r.txt")
        #expect(daemon.waitUntil(timeout: 20) { !FileManager.default.fileExists(atPath: ws.status + "/drop/r.txt.json") })
        #expect(ws.journalRecords().compactMap { $0 }.last?.event == .removed)
        #expect(daemon.terminate() == 0)
    }
}
