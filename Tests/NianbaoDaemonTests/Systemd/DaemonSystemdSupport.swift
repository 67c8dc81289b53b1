import Foundation
import Glibc
import NianbaoDaemon
import Testing
import NianbaoTestSupport

/// Groups the tests that run the real `nianbao watch` binary against systemd's
/// interfaces (a notification socket, a private journald), so that
/// `swift test --filter DaemonSystemd` selects exactly them.
@Suite(.serialized) enum DaemonSystemd {}

/// `CLOCK_MONOTONIC` now, in microseconds (the clock of `MONOTONIC_USEC=`).
func monotonicMicroseconds() -> UInt64 { NotifySocket.monotonicMicroseconds() }

typealias NotifyRecorder = NotifySocket
typealias RecorderError = NotifySocket.SocketError

/// A temporary folder for one daemon run: drop folders `a` and `b`, a state
/// folder and a JSON configuration file.
final class DaemonSystemdRoot {
    let root: String
    var config: String { root + "/nianbao.json" }
    var status: String { root + "/state/status" }
    var journal: String { root + "/state/verdicts.jsonl" }
    func drop(_ name: String) -> String { root + "/" + name }

    init() throws {
        // Short: the notification socket path must fit in sun_path.
        root = "/tmp/nb-sdd-" + UUID().uuidString.prefix(8).lowercased()
        for name in ["a", "b", "stage"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes the configuration file with these drop folders (names of folders under the root).
    func writeConfig(drops: [String], printVerdicts: Bool = true, extra: [String: Any] = [:]) throws {
        var object: [String: Any] = [
            "drops": drops.map { drop($0) },
            "state": ["statusDirectory": status, "journalFile": journal],
            "watch": ["settleMilliseconds": 100],
            "output": ["printVerdicts": printVerdicts],
        ]
        object.merge(extra) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        // Replace atomically, as an editor or configuration management would.
        let temporary = config + ".new"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, config) == 0 else { throw RecorderError(errno: errno) }
    }

    /// Puts `bytes` into drop folder `folder` as `name`: written under a
    /// temporary name in the same folder, then renamed into place.
    func drop(_ bytes: [UInt8], as name: String, into folder: String) throws {
        let temporary = drop(folder) + "/.incoming.tmp"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, drop(folder) + "/" + name) == 0 else { throw RecorderError(errno: errno) }
    }

    /// Every verdict-journal record that parses.
    func records() -> [VerdictRecord] {
        guard let data = FileManager.default.contents(atPath: journal) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(VerdictRecord.self, from: Data($0)) }
    }

    /// Waits until the verdict journal holds a record for each (drop, relative path).
    func waitForRecords(_ keys: [(String, String)], timeout: Double = 60) -> Bool {
        Wait.until(timeout: timeout, interval: 0.1) {
            let records = self.records()
            return keys.allSatisfy { key in records.contains { $0.drop == key.0 && $0.relativePath == key.1 } }
        }
    }
}

/// `nianbao watch ARGS` as a child process with a controlled environment;
/// standard output and error go to a file.
final class WatchChild {
    let process = Process()
    let outputPath: String

    init(arguments: [String], environment: [String: String], outputPath: String) throws {
        self.outputPath = outputPath
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try #require(FileHandle(forWritingAtPath: outputPath))
        process.executableURL = URL(fileURLWithPath: Binaries.nianbao)
        process.arguments = ["watch"] + arguments
        var env = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "NIANBAO_LOG"] {
            env.removeValue(forKey: name)
        }
        env["NIANBAO_LOG"] = "stderr"
        for (name, value) in environment { env[name] = value }
        process.environment = env
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var isAlive: Bool { process.isRunning && kill(pid, 0) == 0 }

    /// Sends signal `number` to the daemon (does not wait).
    func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the exit; kills with SIGKILL after `timeout`. Returns (reason, status).
    func waitForExit(timeout: Double = 30) -> (Process.TerminationReason, Int32) {
        _ = Wait.until(timeout: timeout) { !self.process.isRunning }
        if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() }
        return (process.terminationReason, process.terminationStatus)
    }

    deinit {
        if process.isRunning { kill(pid, SIGKILL); process.waitUntilExit() }
    }
}

/// The fixture reports used here, with their known verdicts.
enum DaemonSystemdSamples {
    static let failing = "huaian_hongze_2023.txt"
    static let warning = "000_fb640ca0b162b3d7.txt"
    static let passing = "003_458875e39d02c745.txt"
}
