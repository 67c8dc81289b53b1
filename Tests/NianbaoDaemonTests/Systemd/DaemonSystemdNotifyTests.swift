import Foundation
import Glibc
import NianbaoDaemon
import Testing
import NianbaoTestSupport

extension DaemonSystemd {
    /// The real `nianbao watch` talking sd_notify to a datagram socket named by
    /// `NOTIFY_SOCKET`, as the service manager would see it under `Type=notify`
    /// with `WatchdogSec=1s`.
    @Suite(.serialized, .timeLimit(.minutes(3)), .offPool)
    struct NotifySequence {
        @Test func readyStatusWatchdogReloadAndStopping() throws {
            let root = try DaemonSystemdRoot()
            try root.writeConfig(drops: ["a"])
            let recorder = try NotifyRecorder(path: root.root + "/notify.sock")
            defer { recorder.stop() }
            let daemon = try WatchChild(
                arguments: ["--config", root.config],
                environment: ["NOTIFY_SOCKET": recorder.path, "WATCHDOG_USEC": "1000000"],
                outputPath: root.root + "/daemon.out")

            // Before READY=1 only start-up's progress (STATUS=, EXTEND_TIMEOUT_USEC=): no watchdog
            // ping, no report counts.
            let ready = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" }, "no READY=1; output: \(daemon.output)")
            let early = recorder.all.prefix(ready).map(\.text)
            #expect(early.allSatisfy { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") || ($0.hasPrefix("STATUS=") && !$0.contains("report")) },
                    "datagrams before READY=1: \(early)")
            let firstStatus = try #require(recorder.waitFor(after: ready, timeout: 10) { $0.text.hasPrefix("STATUS=") })
            #expect(recorder.all[firstStatus].text.hasPrefix("STATUS=watching 1 folder · 0 reports"), "\(recorder.all[firstStatus].text)")

            // Three reports: the STATUS= line counts them.
            try root.drop(Fixtures.sample(DaemonSystemdSamples.failing), as: "fail.txt", into: "a")
            try root.drop(Fixtures.sample(DaemonSystemdSamples.warning), as: "warn.txt", into: "a")
            try root.drop(Fixtures.sample(DaemonSystemdSamples.passing), as: "pass.txt", into: "a")
            let counted = try #require(
                recorder.waitFor(after: firstStatus, timeout: 60) { $0.text.contains("3 reports: 1 pass, 1 warn, 1 fail") },
                "no STATUS with the counts; got \(recorder.all.filter { $0.text.hasPrefix("STATUS=") }.map(\.text))")
            #expect(recorder.all[counted].text.hasPrefix("STATUS=watching 1 folder · 3 reports: 1 pass, 1 warn, 1 fail"))
            #expect(root.waitForRecords([("a", "fail.txt"), ("a", "warn.txt"), ("a", "pass.txt")], timeout: 10))

            // Watchdog pings while idle (WATCHDOG_USEC=1 s): they keep coming. Their cadence
            // (every half interval, withheld while a worker is wedged) is decided by the
            // daemon's state and tested there with `now:` values (WatchdogStateTests).
            var pinged = counted
            for _ in 0..<3 {
                let after = pinged
                pinged = try #require(recorder.waitFor(after: after, timeout: 20) { $0.text == "WATCHDOG=1" }, "no WATCHDOG=1 while idle")
            }
            // Every ping datagram is exactly WATCHDOG=1 (never merged with other state).
            #expect(!recorder.all.contains { $0.text.contains("WATCHDOG=1") && $0.text != "WATCHDOG=1" })

            // Reload: add drop folder b, SIGHUP.
            try root.writeConfig(drops: ["a", "b"])
            let beforeReload = monotonicMicroseconds()
            let mark = recorder.all.count - 1
            daemon.signal(SIGHUP)
            let reloading = try #require(
                recorder.waitFor(after: mark, timeout: 20) { $0.lines.contains("RELOADING=1") },
                "no RELOADING=1; alive: \(daemon.isAlive); output: \(daemon.output)")
            let reloadLines = recorder.all[reloading].lines
            #expect(reloadLines.count == 2 && reloadLines.first == "RELOADING=1", "\(reloadLines)")
            let stamp = reloadLines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
            let usec = try #require(stamp, "RELOADING=1 without MONOTONIC_USEC in the same datagram: \(reloadLines)")
            #expect(usec >= beforeReload && usec <= recorder.all[reloading].time, "MONOTONIC_USEC \(usec) outside [\(beforeReload), \(recorder.all[reloading].time)]")
            let readyAgain = try #require(recorder.waitFor(after: reloading, timeout: 20) { $0.text == "READY=1" }, "no READY=1 after reload")
            #expect(!recorder.all[(reloading + 1)..<readyAgain].contains { $0.lines.contains("RELOADING=1") })
            // The STATUS= line follows the configuration in force.
            #expect(recorder.waitFor(after: readyAgain, timeout: 10) { $0.text.hasPrefix("STATUS=watching 2 folders") } != nil,
                    "STATUS after reload: \(recorder.all.suffix(from: readyAgain).filter { $0.text.hasPrefix("STATUS=") }.map(\.text))")

            // The new folder is watched.
            try root.drop(Fixtures.sample(DaemonSystemdSamples.warning), as: "late.txt", into: "b")
            #expect(root.waitForRecords([("b", "late.txt")], timeout: 60), "no verdict for b/late.txt; output: \(daemon.output)")
            #expect(daemon.isAlive)

            // Stop: STOPPING=1, exit 0, no verdict lost.
            let beforeStop = recorder.all.count - 1
            daemon.signal(SIGTERM)
            let (reason, status) = daemon.waitForExit()
            #expect(reason == .exit && status == 0, "terminated by \(reason) with \(status); output: \(daemon.output)")
            let stopping = recorder.waitFor(after: beforeStop, timeout: 5) { $0.text == "STOPPING=1" }
            #expect(stopping != nil, "no STOPPING=1; after SIGTERM: \(recorder.all.suffix(from: beforeStop + 1).map(\.text))")

            let records = root.records()
            let expected: [(String, String, String)] = [
                ("a", "fail.txt", "fail"), ("a", "warn.txt", "warn"), ("a", "pass.txt", "pass"), ("b", "late.txt", "warn"),
            ]
            for (drop, name, verdict) in expected {
                let matching = records.filter { $0.drop == drop && $0.relativePath == name }
                #expect(matching.count == 1, "\(drop)/\(name): \(matching.count) records")
                #expect(matching.first?.verdict.rawValue == verdict, "\(drop)/\(name): \(String(describing: matching.first?.verdict))")
            }
            #expect(records.count == expected.count, "unexpected records: \(records.map { "\($0.drop ?? "?")/\($0.relativePath ?? "?")" })")

            // Overall order of the lifecycle announcements.
            let order = recorder.all.map(\.text).filter { ["READY=1", "STOPPING=1"].contains($0) || $0.hasPrefix("RELOADING=1") }
            #expect(order.map { $0.hasPrefix("RELOADING=1") ? "RELOADING=1" : $0 } == ["READY=1", "RELOADING=1", "READY=1", "STOPPING=1"], "\(order)")
        }

        /// `systemctl reload` may come the instant READY=1 arrives; SIGHUP's
        /// default action (terminate) must already be replaced by then.
        @Test func reloadRightAfterReadyIsNotFatal() throws {
            for attempt in 0..<5 {
                let root = try DaemonSystemdRoot()
                try root.writeConfig(drops: ["a"])
                // The receiving thread sends SIGHUP the instant READY=1 arrives.
                let target = PIDBox()
                let recorder = try NotifyRecorder(path: root.root + "/notify.sock") { note in
                    if note.text == "READY=1", let pid = target.takeOnce() { kill(pid, SIGHUP) }
                }
                defer { recorder.stop() }
                let daemon = try WatchChild(
                    arguments: ["--config", root.config],
                    environment: ["NOTIFY_SOCKET": recorder.path],
                    outputPath: root.root + "/daemon.out")
                target.set(daemon.pid)
                let ready = try #require(recorder.waitFor(timeout: 30) { $0.text == "READY=1" })
                _ = Wait.until(timeout: 20) { !daemon.isAlive || recorder.all.contains { $0.lines.contains("RELOADING=1") } }
                let reloading = recorder.waitFor(after: ready, timeout: 0) { $0.lines.contains("RELOADING=1") }
                let alive = daemon.isAlive
                #expect(reloading != nil, "attempt \(attempt): no RELOADING=1 after an early SIGHUP")
                #expect(alive, "attempt \(attempt): the daemon died of a SIGHUP sent right after READY=1 (\(daemon.process.isRunning ? "running" : "\(daemon.process.terminationReason == .uncaughtSignal ? "signal" : "exit status") \(daemon.process.terminationStatus)")); output: \(daemon.output)")
                guard alive else { return }
                daemon.signal(SIGTERM)
                let (reason, status) = daemon.waitForExit()
                #expect(reason == .exit && status == 0)
            }
        }
    }
}

/// The daemon's pid, handed to the receiving thread once.
final class PIDBox: @unchecked Sendable {
    private let lock = NSLock()
    private var pid: Int32?
    private var used = false
    func set(_ value: Int32) { lock.lock(); pid = value; lock.unlock() }
    func takeOnce() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        guard !used, let pid else { return nil }
        used = true
        return pid
    }
}
