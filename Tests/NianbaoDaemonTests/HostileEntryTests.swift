import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// A FIFO, a symlink to /etc/passwd, an empty file, a 60 MiB file and an
/// unreadable file: the daemon stays up, each gets a status or a log line, and
/// later drops are still judged.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct HostileEntryTests {
    @Test func hostileEntriesGetVerdictsAndTheDaemonKeepsGoing() throws {
        let ws = try Workspace()
        let asNobody = getuid() == 0
        if asNobody {
            // Run the daemon unprivileged so that file permissions apply to it.
            _ = chown(ws.root, 65534, 65534)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: ws.root)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: ws.drop)
        }
        let prefix = asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let daemon = try DaemonHarness(ws, prefix: prefix)
        #expect(daemon.waitUntilReady())
        #expect(mkfifo(ws.drop + "/pipe.txt", 0o666) == 0)
        try FileManager.default.createSymbolicLink(atPath: ws.drop + "/passwd.txt", withDestinationPath: "/etc/passwd")
        try ws.write("empty.txt", [])
        let big = ws.drop + "/big.txt"
        _ = FileManager.default.createFile(atPath: big, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: 60 << 20)
        try handle.close()
        try ws.write("secret.txt", Fixtures.sample("000_fb640ca0b162b3d7.txt"))
        _ = chmod(ws.drop + "/secret.txt", 0o000)
        let hostile = ["pipe.txt", "passwd.txt", "empty.txt", "big.txt"] + (asNobody ? ["secret.txt"] : [])
        #expect(daemon.waitForVerdicts(hostile, timeout: 30), "verdicts: \(ws.verdictCounts())\n\(daemon.output)")
        let records = Dictionary(ws.journalRecords().compactMap { $0 }.map { ($0.relativePath ?? "", $0) }, uniquingKeysWith: { $1 })
        #expect(records["big.txt"]?.findings.first?.code == "input.too_large")
        #expect(records["pipe.txt"]?.verdict == .fail)
        #expect(records["passwd.txt"]?.verdict == .fail)
        #expect(records["empty.txt"]?.verdict == .fail)
        #expect(!(records["passwd.txt"]?.findings.contains { $0.message.contains("root:") } ?? true))
        // Still alive and judging.
        #expect(daemon.process.isRunning)
        try ws.write("later.txt", Fixtures.sample("001_53afeb125be3f4fc.txt"))
        #expect(daemon.waitForVerdicts(["later.txt"]))
        #expect(daemon.terminate() == 0)
    }
}
