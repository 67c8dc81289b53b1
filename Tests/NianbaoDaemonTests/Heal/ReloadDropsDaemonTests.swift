import Foundation
import NianbaoDaemon
import NianbaoTestSupport
import Testing

/// Drop folders changed by SIGHUP and between starts, on the real daemon: a folder
/// removed has its reports retired (also when it left the configuration while the
/// daemon was down), a reload naming a missing folder is refused, and a start-only
/// key changed by a reload is said to need a restart.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct ReloadDropsDaemonTests {
    static func configure(_ ws: Workspace, drops: [String], workers: Int = 1) throws -> String {
        let path = ws.root + "/nianbao.json"
        let list = drops.map { "\"\($0)\"" }.joined(separator: ", ")
        let json = #"{"drops": [\#(list)], "watch": {"workers": \#(workers)}}"#
        let staged = path + ".new"
        try Data(json.utf8).write(to: URL(fileURLWithPath: staged))
        guard rename(staged, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    static func report(_ tag: String) -> [UInt8] { Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(tag)\n".utf8) }

    static func removed(_ ws: Workspace, drop: String) -> Set<String> {
        Set(ws.journalRecords().compactMap { $0 }.filter { $0.event == .removed && $0.drop == drop }.compactMap(\.relativePath))
    }

    @Test func removedDropsAreRetiredMissingOnesRefusedAndStateKeysNeedARestart() throws {
        let ws = try Workspace()
        let other = ws.root + "/other"
        let third = ws.root + "/third"
        for folder in [other, third] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var config = try Self.configure(ws, drops: ["drop=" + ws.drop, "other=" + other, "third=" + third])
        var daemon = try DaemonHarness(ws, configuration: config)
        #expect(daemon.waitUntilReady(), "\(daemon.output)")
        for (folder, name) in [(other, "o.txt"), (third, "t.txt")] {
            try Data(Self.report(name)).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        #expect(daemon.waitForVerdicts(["o.txt", "t.txt"]))
        #expect(daemon.quiesce())
        #expect(daemon.terminate() == 0)

        // Down, "third" left the configuration: its report is retired at the next start.
        config = try Self.configure(ws, drops: ["drop=" + ws.drop, "other=" + other])
        daemon = try DaemonHarness(ws, configuration: config)
        #expect(daemon.waitUntilReady())
        #expect(daemon.waitUntil { Self.removed(ws, drop: "third") == ["t.txt"] }, "\(Self.removed(ws, drop: "third"))")
        #expect(daemon.quiesce())
        #expect(ws.statusRecord("t.txt", drop: "third") == nil)

        // A reload naming a folder that does not exist is refused; "other" stays.
        _ = try Self.configure(ws, drops: ["drop=" + ws.drop, "other=" + other, "gone=" + ws.root + "/gone"])
        var mark = daemon.notify.count - 1
        kill(daemon.pid, SIGHUP)
        #expect(daemon.notify.waitFor(after: mark, timeout: 30) { $0.lines.contains("READY=1") } != nil)
        #expect(daemon.waitUntil { daemon.output.contains("reload failed") && daemon.output.contains(ws.root + "/gone") })
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/gone"), "not created without createDrops")
        #expect(Self.removed(ws, drop: "other").isEmpty)

        // A reload removing "other" and changing watch.workers: its report retired, workers said to need a restart.
        _ = try Self.configure(ws, drops: ["drop=" + ws.drop], workers: 2)
        mark = daemon.notify.count - 1
        kill(daemon.pid, SIGHUP)
        #expect(daemon.notify.waitFor(after: mark, timeout: 30) { $0.lines.contains("READY=1") } != nil)
        #expect(daemon.waitUntil { Self.removed(ws, drop: "other") == ["o.txt"] })
        #expect(daemon.waitUntil { daemon.output.contains("watch.workers changed: these take effect only after a restart") })
        // Reports arriving in the removed folder are not judged.
        try Data(Self.report("late")).write(to: URL(fileURLWithPath: other + "/late.txt"))
        #expect(daemon.quiesce())
        #expect(ws.verdictCounts()["late.txt"] == nil)
        #expect(ws.statusRecord("o.txt", drop: "other") == nil)
        #expect(daemon.terminate() == 0)
    }
}
