import Foundation
import NianbaoTestSupport
import Testing

/// Folders beyond the inotify watch limit (lowered to 4 in a user namespace of the
/// daemon's own, so nothing else on the machine is touched): said once in total,
/// counted in STATUS= and the metrics, their files still judged (polled), and
/// watched once the limit is raised and SIGHUP sent.
@Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
struct WatchLimitDaemonTests {
    static let limitedPrefix = ["/usr/bin/unshare", "-U", "-r", "/bin/sh", "-c",
                                "echo 4 > /proc/sys/user/max_inotify_watches && exec \"$0\" \"$@\""]

    @Test func foldersBeyondTheLimitArePolledThenWatchedAfterARaiseAndSIGHUP() throws {
        let ws = try Workspace()
        for index in 0..<10 { try FileManager.default.createDirectory(atPath: ws.drop + "/d\(index)", withIntermediateDirectories: true) }
        let daemon = try DaemonHarness(ws, prefix: Self.limitedPrefix)
        #expect(daemon.waitUntilReady(), "\(daemon.output)")
        let polled = daemon.waitUntil(timeout: 30) {
            daemon.notify.all.contains { $0.status?.contains("7 polled (inotify watch limit)") == true }
        }
        #expect(polled, "STATUS=: \(daemon.notify.all.compactMap(\.status).suffix(3))")
        // A report in a folder that has no watch is judged all the same (polled).
        let unwatched = (0..<10).map { "d\($0)/report.txt" }
        for path in unwatched { try ws.write(path, Fixtures.sample("huaian_hongze_2024.txt") + Array("\n\(path)\n".utf8)) }
        #expect(daemon.waitForVerdicts(unwatched, timeout: 60), "judged: \(ws.verdictCounts())")
        let metrics = ws.status + "/nianbao.prom"
        let counted = daemon.waitUntil(timeout: 30) {
            let text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
            return text.contains("nianbao_watch_directories 4\n") && text.contains("nianbao_unwatched_directories 7\n")
        }
        #expect(counted, "\((try? String(contentsOfFile: metrics, encoding: .utf8)) ?? "no metrics")")
        // Said once for the seven folders (on the terminal; the log has its own line).
        #expect(daemon.output.components(separatedBy: "----  inotify watch limit reached").count - 1 == 1, "said once: \(daemon.output)")

        // The operator raises the limit and reloads: every folder gets its watch.
        let raise = Process()
        raise.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
        raise.arguments = ["-t", "\(daemon.pid)", "-U", "--preserve-credentials", "/bin/sh", "-c", "echo 1000 > /proc/sys/user/max_inotify_watches"]
        try raise.run()
        raise.waitUntilExit()
        #expect(raise.terminationStatus == 0)
        kill(daemon.pid, SIGHUP)
        let watched = daemon.waitUntil(timeout: 30) {
            let text = (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? ""
            return text.contains("nianbao_watch_directories 11\n") && text.contains("nianbao_unwatched_directories 0\n")
        }
        #expect(watched, "\((try? String(contentsOfFile: metrics, encoding: .utf8)) ?? "no metrics")")
        #expect(daemon.notify.all.last { $0.status != nil }?.status?.contains("polled") == false)
        #expect(daemon.terminate() == 0)
    }
}
