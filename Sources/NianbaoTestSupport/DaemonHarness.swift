import Foundation
import Glibc
import NianbaoDaemon

/// A real `nianbao watch` child process on a ``Workspace``, with a real
/// notification socket. Tests wait on what the daemon announces (READY=1,
/// `STATUS=… queue 0`) and on the journal, never on a fixed sleep.
public final class DaemonHarness {
    public let process = Process()
    public let workspace: Workspace
    public let notify: NotifySocket
    public let outputPath: String
    /// The number of sentinel names taken so far by ``quiesce(timeout:)`` (those of earlier runs included; they count in summaries).
    public private(set) var sentinels = 0

    /// Starts `nianbao watch` with the workspace's drop, status and journal paths.
    /// `prefix` runs the daemon through another program (unshare, setpriv …).
    /// `configuration`: run with `--config FILE` and without `--drop` (the file names the drop folders, so a reload can change them).
    public init(
        _ workspace: Workspace, extraArguments extra: [String] = [], environment: [String: String] = [:], prefix: [String] = [],
        configuration: String? = nil
    ) throws {
        self.workspace = workspace
        notify = try NotifySocket(path: workspace.root + "/notify")
        outputPath = workspace.root + "/daemon-\(UUID().uuidString.prefix(8)).out"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = FileHandle(forWritingAtPath: outputPath)!
        let drops = configuration.map { ["--config", $0] } ?? ["--drop", workspace.drop]
        let arguments = ["watch"] + drops + ["--status-dir", workspace.status, "--journal", workspace.journal] + extra
        if prefix.isEmpty {
            process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [Binaries.nianbao] + arguments
        }
        var env = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "NIANBAO_LOG"] { env.removeValue(forKey: name) }
        env["NIANBAO_LOG"] = "stderr"
        env["NOTIFY_SOCKET"] = notify.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }

    /// What the daemon printed so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Waits for READY=1.
    @discardableResult
    public func waitUntilReady(timeout: Double = 30) -> Bool {
        notify.waitFor(timeout: timeout) { $0.lines.contains("READY=1") } != nil
    }

    /// Waits until `check` holds, re-checked whenever the daemon announces something.
    public func waitUntil(timeout: Double = 30, _ check: () -> Bool) -> Bool {
        notify.waitUntil(timeout: timeout, check)
    }

    /// Waits until every path has at least one verdict in the journal. `timeout`
    /// bounds the time without progress (no further path judged), not the whole wait:
    /// a loaded machine that judges slowly is no failure, a daemon that stops judging is.
    public func waitForVerdicts(_ paths: [String], timeout: Double = 60) -> Bool {
        func judged() -> Int {
            let counts = workspace.verdictCounts()
            return paths.count { counts[$0, default: 0] > 0 }
        }
        var done = judged()
        while done < paths.count {
            let before = done
            guard waitUntil(timeout: timeout, { done = judged(); return done > before }) else { return false }
        }
        return true
    }

    /// Waits until the daemon has handled everything that happened before the
    /// call: a sentinel report is renamed into the drop folder (after every
    /// earlier event, in inotify's order), and the wait ends at the first
    /// `STATUS=` saying `queue 0` once the sentinel has its verdict, and its status
    /// file is written (status files follow the journal in batches: with the
    /// sentinel's, those of every report judged before it are there). `timeout`
    /// bounds the time without progress (no new `STATUS=`: the line changes only
    /// when counts or the queue do), not the whole wait, as in ``waitForVerdicts(_:timeout:)``.
    public func quiesce(timeout: Double = 30) -> Bool {
        // A name no earlier run used either (a restarted daemon already judged those).
        var name: String
        repeat {
            sentinels += 1
            name = Workspace.sentinelDirectory + "/s\(sentinels).txt"
        } while FileManager.default.fileExists(atPath: workspace.drop + "/" + name)
        var index = notify.count - 1
        guard (try? workspace.place(name, Fixtures.sample("003_458875e39d02c745.txt"))) != nil else { return false }
        while let found = notify.waitFor(after: index, timeout: timeout, { $0.status != nil }) {
            if notify.all[found].status?.hasSuffix("queue 0") == true,
               workspace.verdictCounts(includingSentinels: true)[name] != nil {
                return waitUntil(timeout: timeout) { workspace.statusRecord(name) != nil }
            }
            index = found
        }
        return false
    }

    /// Sends SIGTERM and waits for exit; returns the exit status.
    @discardableResult
    public func terminate(timeout: Double = 30) -> Int32 {
        kill(pid, SIGTERM)
        return waitForExit(timeout: timeout)
    }

    /// Waits for the exit (SIGKILL after `timeout`); returns the exit status.
    @discardableResult
    public func waitForExit(timeout: Double = 30) -> Int32 {
        let exited = DispatchSemaphore(value: 0)
        let process = self.process
        DispatchQueue.global().async {
            process.waitUntilExit()
            exited.signal()
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(pid, SIGKILL)
            exited.wait()
        }
        return process.terminationStatus
    }

    /// kill -9.
    public func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() }
    }
}
