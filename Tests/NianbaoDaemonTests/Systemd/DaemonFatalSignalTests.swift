import Foundation
import Glibc
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// The watchdog's SIGABRT ends the daemon at once, with the environment the unit sets.
    @Suite(.serialized, .timeLimit(.minutes(1)))
    struct FatalSignal {
        @Test func sigabrtEndsTheProcess() throws {
            let unit = try String(contentsOfFile: Fixtures.directory + "/../../systemd/nianbao.service", encoding: .utf8)
            let line = try #require(unit.split(separator: "\n").first { $0.hasPrefix("Environment=SWIFT_BACKTRACE=") })
            let value = String(line.dropFirst("Environment=SWIFT_BACKTRACE=".count))
            let root = try DaemonSystemdRoot()
            try root.writeConfig(drops: ["a"])
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let daemon = try WatchChild(arguments: ["--config", root.config],
                                        environment: ["NOTIFY_SOCKET": recorder.path, "SWIFT_BACKTRACE": value],
                                        outputPath: root.root + "/daemon.out")
            defer { daemon.signal(SIGKILL); _ = daemon.waitForExit(timeout: 10) }
            _ = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1: \(daemon.output)")
            daemon.signal(SIGABRT)
            // The backtracer must not wait (for a debugger, or an interactive prompt):
            // the process ends by the signal. waitForExit's bound only guards a hang.
            let (reason, status) = daemon.waitForExit(timeout: 30)
            #expect(reason == .uncaughtSignal && status == SIGABRT, "\(reason) \(status)")
        }
    }
}
