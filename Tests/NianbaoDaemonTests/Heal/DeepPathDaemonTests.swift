import Foundation
import Glibc
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// Reports nested deeper than the status tree can mirror (about 4,050 bytes) or
/// than PATH_MAX: judged, recorded under a shortened name in `<drop>/deep~/`, kept
/// current across a restart, and listed by `status`.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct DeepPathDaemonTests {
    /// Makes `depth` nested folders of 100-byte names below `root` with `openat`
    /// (no path reaches the kernel whole) and renames a report into the deepest one;
    /// returns the report's path relative to `root`.
    static func placeDeep(in root: String, staging: String, depth: Int, tag: String) throws -> String {
        var fd = open(root, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw POSIXError(.ENOENT) }
        var components: [String] = []
        for index in 0..<depth {
            let name = String(format: "%03d", index) + String(repeating: "d", count: 97)
            components.append(name)
            _ = mkdirat(fd, name, 0o755)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            close(fd)
            guard next >= 0 else { throw POSIXError(.EIO) }
            fd = next
        }
        defer { close(fd) }
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let temporary = staging + "/" + tag
        try Data(Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(tag)\n".utf8)).write(to: URL(fileURLWithPath: temporary))
        guard renameat(AT_FDCWD, temporary, fd, "r.txt") == 0 else { throw POSIXError(.EIO) }
        return (components + ["r.txt"]).joined(separator: "/")
    }

    @Test func deepReportsAreJudgedRecordedAndKept() throws {
        let ws = try Workspace()
        // Past PATH_MAX before the start (found by the initial scan) …
        let beyond = try Self.placeDeep(in: ws.drop, staging: ws.root + "/staging", depth: 45, tag: "beyond")
        #expect((ws.drop + "/" + beyond).utf8.count > Int(PATH_MAX))
        var daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        // … and about 4,050 bytes while running (found by its events).
        try FileManager.default.createDirectory(atPath: ws.drop + "/near", withIntermediateDirectories: true)
        let near = try "near/" + Self.placeDeep(in: ws.drop + "/near", staging: ws.root + "/staging", depth: 40, tag: "near")
        #expect((ws.drop + "/" + near).utf8.count > 4_000 && (ws.drop + "/" + near).utf8.count < Int(PATH_MAX))
        #expect(daemon.waitForVerdicts([beyond, near]), "\(ws.verdictCounts().keys.map { $0.prefix(20) })\n\(daemon.output.suffix(1500))")
        #expect(daemon.quiesce())
        for path in [beyond, near] {
            let record = ws.statusRecord(path)
            #expect(record?.relativePath == path)
            let placed = StatusDirectory(root: ws.status).statusPath(for: ReportKey(drop: "drop", relativePath: path)) ?? ""
            #expect(placed.contains("/drop/deep~/") && placed.utf8.count < 300, "\(placed.prefix(120))")
        }
        #expect(!daemon.output.contains("failed"), "\(daemon.output.suffix(1500))")
        #expect(daemon.terminate() == 0)

        // A restart finds them present: no removal, no second verdict.
        daemon = try DaemonHarness(ws)
        #expect(daemon.waitUntilReady())
        #expect(daemon.quiesce())
        let records = ws.journalRecords().compactMap { $0 }
        #expect(!records.contains { $0.event == .removed && [beyond, near].contains($0.relativePath ?? "") })
        #expect(ws.verdictCounts()[beyond] == 1 && ws.verdictCounts()[near] == 1)
        #expect(daemon.terminate() == 0)
    }
}
