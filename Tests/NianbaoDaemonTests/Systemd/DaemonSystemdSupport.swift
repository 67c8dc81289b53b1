import Foundation
import Glibc
import NianbaoDaemon
import Testing

/// Groups the tests that run the real `nianbao watch` binary against systemd's
/// interfaces (a notification socket, a private journald), so that
/// `swift test --filter DaemonSystemd` selects exactly them.
@Suite(.serialized) enum DaemonSystemd {}

/// `CLOCK_MONOTONIC` now, in microseconds (the clock of `MONOTONIC_USEC=`).
func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
}

/// One datagram received on the notification socket.
struct Notification: Sendable {
    /// When it was received, `CLOCK_MONOTONIC` microseconds.
    let time: UInt64
    /// The raw payload (newline-separated assignments).
    let text: String
    var lines: [String] { text.split(separator: "\n").map(String.init) }
    var seconds: Double { Double(time) / 1_000_000 }
}

/// A real AF_UNIX datagram socket standing in for the service manager's
/// `NOTIFY_SOCKET`. A background thread receives every datagram and stamps it.
final class NotifyRecorder: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var received: [Notification] = []
    private var stopped = false
    private var thread: Thread?
    /// Called on the receiving thread the moment a datagram arrives.
    private let onReceive: (@Sendable (Notification) -> Void)?

    init(path: String, onReceive: (@Sendable (Notification) -> Void)? = nil) throws {
        self.path = path
        self.onReceive = onReceive
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw RecorderError(errno: errno) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { throw RecorderError(errno: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw RecorderError(errno: code)
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [unowned self] in self.receiveLoop() }
        self.thread = thread
        thread.start()
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            lock.lock()
            let done = stopped
            lock.unlock()
            if done { return }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count >= 0 else { continue }
            let note = Notification(time: monotonicMicroseconds(), text: String(decoding: buffer[..<count], as: UTF8.self))
            onReceive?(note)
            lock.lock()
            received.append(note)
            lock.unlock()
        }
    }

    /// Every datagram so far, in arrival order.
    var all: [Notification] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Waits until a datagram after index `from` satisfies `match`; returns its index.
    func waitFor(after from: Int = -1, timeout: Double, _ match: (Notification) -> Bool) -> Int? {
        var found: Int?
        _ = Wait.until(timeout: timeout, interval: 0.02) {
            let notes = all
            found = notes.indices.first { $0 > from && match(notes[$0]) }
            return found != nil
        }
        return found
    }

    /// Stops the receiving thread (waits for it) and closes the socket.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        while let thread, !thread.isFinished { usleep(10_000) }
    }

    deinit {
        stop()
        close(descriptor)
        unlink(path)
    }
}

struct RecorderError: Error { let errno: Int32 }

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
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "NIANBAO_DEBUG_WEDGE", "NIANBAO_LOG"] {
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
