import Foundation
import NianbaoDaemon

/// A real `nianbao watch` child process on temporary folders, for tests.
final class DaemonProcess {
    let process = Process()
    let workspace: Workspace
    let stdoutPath: String

    /// Starts `nianbao watch` with the workspace's drop, status and journal paths.
    init(_ workspace: Workspace, extraArguments: [String] = [], environment: [String: String] = [:], prefix: [String] = []) throws {
        self.workspace = workspace
        stdoutPath = workspace.root + "/daemon-\(UUID().uuidString.prefix(8)).out"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        let output = FileHandle(forWritingAtPath: stdoutPath)!
        var arguments = ["watch", "--drop", workspace.drop, "--status-dir", workspace.status, "--journal", workspace.journal]
        arguments += extraArguments
        if prefix.isEmpty {
            process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [Binaries.nianbao] + arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "WATCHDOG_USEC")
        env.removeValue(forKey: "JOURNAL_STREAM")
        env["NIANBAO_LOG_TO_STDERR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// What the daemon printed so far.
    var output: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }

    /// Waits until the daemon printed `text` (its start notice, say).
    func waitForOutput(_ text: String, timeout: Double = 30) -> Bool {
        Wait.until(timeout: timeout) { self.output.contains(text) }
    }

    /// Sends SIGTERM and waits for exit; returns the exit status.
    @discardableResult
    func terminate(timeout: Double = 30) -> Int32 {
        kill(pid, SIGTERM)
        _ = Wait.until(timeout: timeout) { !self.process.isRunning }
        if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() }
        return process.terminationStatus
    }

    /// kill -9.
    func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() }
    }
}

/// Polling helper for tests (waits on the outside world, not on the code under test's internals).
enum Wait {
    static func until(timeout: Double, interval: Double = 0.05, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: interval)
        }
        return condition()
    }
}

/// Locates the binaries built next to the test bundle.
enum Binaries {
    static var directory: String {
        let candidates = [Bundle.main.bundlePath, CommandLine.arguments.first ?? ""].map { ($0 as NSString).deletingLastPathComponent }
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                if FileManager.default.isExecutableFile(atPath: d + "/nianbao") { return d }
                d = (d as NSString).deletingLastPathComponent
            }
        }
        return candidates[0]
    }

    static var nianbao: String { directory + "/nianbao" }
}
