import Foundation
import Testing
import NianbaoDaemon
import NianbaoTestSupport

/// A full disk loses nothing: the daemon's state lives on a 2 MiB tmpfs mounted
/// in a private mount namespace; it is filled, reports are dropped, space is
/// freed, and every report gets its verdict without a restart, every journal
/// line parsing.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct DiskFullTests {
    static var enabled: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") }

    /// Runs `script` inside the daemon's mount namespace.
    func inside(_ pid: Int32, _ script: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
        process.arguments = ["--target", "\(pid)", "--mount", "/bin/sh", "-c", script]
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: DiskFullTests.enabled)) func verdictsHeldWhileTheDiskIsFullAndWrittenWhenSpaceReturns() throws {
        let ws = try Workspace()
        let state = ws.root + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let daemon = try DaemonHarness(ws, extraArguments: ["--workers", "2"], prefix: [
            "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
            "mount -t tmpfs -o size=2m tmpfs \"$0\" && exec \"$@\"", state,
        ])
        #expect(daemon.waitUntilReady())
        let pid = daemon.pid
        // Fill the state file system.
        _ = inside(pid, "dd if=/dev/zero of='\(state)/filler' bs=64k 2>/dev/null; sync")
        let sample = Fixtures.sample("huaian_hongze_2024.txt")
        let count = 40
        var names: [String] = []
        for index in 0..<count {
            let name = "r\(index).txt"
            try ws.write(name, sample + Array("\n\(index)\n".utf8))
            names.append(name)
        }
        #expect(daemon.waitUntil(timeout: 20) { daemon.output.contains("cannot write verdicts") }, "\(daemon.output.suffix(1000))")
        let during = inside(pid, "cat '\(ws.journal)' 2>/dev/null").split(separator: "\n").count
        #expect(during < count, "the disk was not full: \(during) lines")
        // Free the space: everything is written, with no restart.
        _ = inside(pid, "rm -f '\(state)/filler'")
        var lines: [Substring] = []
        #expect(daemon.waitUntil(timeout: 60) {
            lines = inside(pid, "cat '\(ws.journal)'").split(separator: "\n")
            let decoded = lines.compactMap { try? JSONDecoder().decode(VerdictRecord.self, from: Data($0.utf8)) }
            return Set(decoded.compactMap(\.relativePath)) == Set(names)
        }, "\(daemon.output.suffix(1500))")
        let parsed = lines.map { try? JSONDecoder().decode(VerdictRecord.self, from: Data($0.utf8)) }
        #expect(parsed.allSatisfy { $0 != nil }, "a journal line does not parse")
        #expect(daemon.waitUntil(timeout: 10) { daemon.output.contains("storage writable again") })
        #expect(daemon.waitUntil(timeout: 20) {
            inside(pid, "ls '\(ws.status)/drop' | wc -l").trimmingCharacters(in: .whitespacesAndNewlines) == "\(count)"
        }, "status files did not catch up")
        print("disk full: \(count) reports dropped during the outage, \(during) journal lines then, \(parsed.count) after space returned")
        #expect(daemon.process.isRunning, "no restart: the same process ran throughout")
        #expect(daemon.terminate() == 0)
    }
}
