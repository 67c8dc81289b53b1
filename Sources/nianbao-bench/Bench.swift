import Foundation

/// One benchmark arena: a temporary drop folder and state, and the process under test.
struct Bench {
    let binary: String
    let sample: [UInt8]
    let root: String
    var drop: String { root + "/drop" }
    let collector = LineCollector()
    var process: Process?
    var pid: Int32 { process?.processIdentifier ?? 0 }
    private var next = 0

    init(binary: String, sample: [UInt8]) throws {
        self.binary = binary
        self.sample = sample
        root = FileManager.default.temporaryDirectory.path + "/nianbao-bench-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root + "/drop/.staging", withIntermediateDirectories: true)
    }

    /// Starts `nianbao watch` printing verdicts to the collector (`extra`: more flags).
    mutating func startDaemon(waitReady: Bool = true, extra: [String] = []) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["watch", "--drop", drop, "--status-dir", root + "/status", "--journal", root + "/verdicts.jsonl"] + extra
        p.standardOutput = collector.pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        if waitReady { _ = waitFor { collector.sawLine(containing: "started") } }
    }

    /// Starts the sysadmin's script: inotifywait piping each path to its own `nianbao check --json`.
    mutating func startBaseline() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        let script = """
        inotifywait -m -r -q -e close_write,moved_to --format '%w%f' "$1" 2>/dev/null | while IFS= read -r f; do "$2" check --json "$f"; done
        """
        p.arguments = ["-c", script, "baseline", drop, binary]
        p.standardOutput = collector.pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
        Thread.sleep(forTimeInterval: 1.0)   // inotifywait prints nothing when ready; give it a second
    }

    /// Writes `count` distinct reports straight into the drop folder (spread over 10 subfolders).
    mutating func populate(count: Int) throws {
        for _ in 0..<count {
            let n = next
            next += 1
            var bytes = sample
            bytes.append(contentsOf: Array("\nzzq\(n)\n".utf8))
            let dir = drop + "/d\(n % 10)"
            if n < 10 { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            _ = FileManager.default.createFile(atPath: dir + "/zzq\(n).txt", contents: Data(bytes))
        }
    }

    /// Renames reports into place one at a time and measures the time to each verdict.
    mutating func latency(count: Int) throws -> (p50: Duration, p99: Duration) {
        var samples: [Duration] = []
        for _ in 0..<count {
            if let elapsed = renameOneIn(timeout: 10) { samples.append(elapsed) }
        }
        samples.sort()
        guard !samples.isEmpty else { return (.zero, .zero) }
        return (samples[samples.count / 2], samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))])
    }

    /// Removes every report written so far (the d0…d9 folders, `rm -rf` style) and,
    /// right after, renames one new report into place; returns the time to its verdict.
    mutating func arrivalDuringRemoval() throws -> Duration? {
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf"] + (0..<10).map { drop + "/d\($0)" }
        try remover.run()
        Thread.sleep(forTimeInterval: 0.05)
        let elapsed = renameOneIn(timeout: 120)
        remover.waitUntilExit()
        return elapsed
    }

    /// Renames one new report into place and returns the time to its verdict (nil: none in time).
    /// Writes a report in place (open, write, close: no rename), as an SMB or NFS client
    /// does; returns the time to its verdict.
    mutating func writeOneIn(timeout: Double) -> Duration? {
        let n = next
        next += 1
        var bytes = sample
        bytes.append(contentsOf: Array("\nzzq\(n)\n".utf8))
        let start = ContinuousClock.now
        let fd = open(drop + "/zzq\(n).txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard waitFor(timeout: timeout, { collector.time(of: n) != nil }), let end = collector.time(of: n) else { return nil }
        return end - start
    }

    mutating func renameOneIn(timeout: Double) -> Duration? {
        let n = next
        next += 1
        var bytes = sample
        bytes.append(contentsOf: Array("\nzzq\(n)\n".utf8))
        let staging = drop + "/.staging/zzq\(n).txt"
        _ = FileManager.default.createFile(atPath: staging, contents: Data(bytes))
        let start = ContinuousClock.now
        rename(staging, drop + "/zzq\(n).txt")
        guard waitFor(timeout: timeout, { collector.time(of: n) != nil }), let end = collector.time(of: n) else { return nil }
        return end - start
    }

    /// Waits until `count` verdicts were seen or no progress for `idleTimeout` seconds.
    func waitAll(count: Int, since start: ContinuousClock.Instant, idleTimeout: Double) -> (count: Int, duration: Duration) {
        var last = collector.count
        var lastChange = ContinuousClock.now
        while collector.count < count {
            Thread.sleep(forTimeInterval: 0.01)
            let now = collector.count
            if now != last { last = now; lastChange = .now }
            if ContinuousClock.now - lastChange > .seconds(idleTimeout) { break }
        }
        return (collector.count, ContinuousClock.now - start)
    }

    /// Stops the process under test and removes the arena; returns its last measurements.
    func stop() -> (rss: Double, peak: Double, cpu: Double)? {
        let stats = ProcessMeasure.sample(pid: pid)
        if let p = process, p.isRunning {
            kill(p.processIdentifier, SIGTERM)
            if p.executableURL?.path == "/bin/bash" { _ = system("pkill -f 'inotifywait -m -r -q -e close_write,moved_to --format %w%f \(drop)' >/dev/null 2>&1") }
            p.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: root)
        return stats
    }

    private func waitFor(timeout: Double = 30, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(200)
        }
        return condition()
    }
}
