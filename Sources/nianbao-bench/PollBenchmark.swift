import Foundation
import NianbaoPlatform

/// Polled drop folders (`nianbao-bench poll`): the CPU time of one scan of a large
/// unchanged tree (100,000 files in 1,000 folders by default; `--dir` puts it on a share),
/// and the latency from a write into a polled drop folder to its durable verdict.
struct PollBenchmark {
    let options: BenchOptions

    func run() throws {
        let only = options.string("only", "ab")
        if only.contains("a") { try scanCost() }
        if only.contains("b") { try latency() }
    }

    /// (a) CPU time (this thread's) of a scan with nothing changed: every file `fstatat`ed
    /// (`watch.pollRecheckEvery` 1), then with `--recheck-every N` (default 4, the daemon's).
    func scanCost() throws {
        let folders = options.int("folders", 1000)
        let perFolder = options.int("files", 100)
        let base = options.string("dir", FileManager.default.temporaryDirectory.path)
        let root = base + "/nianbao-poll-bench-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in 0..<folders {
            let directory = root + "/agency-\(folder / 100)/unit-\(folder)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in 0..<perFolder {
                let fd = open(directory + "/report-\(file).txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if fd >= 0 { _ = write(fd, "x", 1); close(fd) }
            }
        }
        let rounds = options.int("rounds", 12)
        let interval = Double(options.int("poll-seconds", 5))
        let every = options.int("recheck-every", 4)
        print("poll benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores), \(folders * perFolder) files in \(folders) folders at \(base)")
        for restatEvery in every > 1 ? [1, every] : [1] {
            let tree = PollTree(root: root, restatEvery: restatEvery)
            let first = Self.cpu { _ = tree.scanOnce() }
            _ = tree.scanOnce()  // directories listed once more after a change (see PollTree)
            // Whole rotations, so that the median and the mean cover every share alike.
            let count = (rounds + restatEvery - 1) / restatEvery * restatEvery
            var times: [Double] = []
            var changed = 0
            let before = Self.usage()
            for _ in 0..<count {
                times.append(Self.cpu { changed += tree.scanOnce() ?? 0 })
            }
            let after = Self.usage()
            let mean = times.reduce(0, +) / Double(count)
            times.sort()
            let label = restatEvery == 1 ? "every file every scan" : "files rechecked every \(restatEvery)th scan (amortised)"
            print("(a) \(label): first scan (lists everything) \(ms(first)) ms CPU")
            print("    unchanged scan, \(count) rounds: mean \(ms(mean)) ms CPU, median \(ms(times[times.count / 2])) ms, max \(ms(times.last ?? 0)) ms;"
                  + " \(String(format: "%.2f", mean / interval * 100))% of one core at a \(Int(interval)) s interval; \(changed) changes seen")
            print("    per scan: user \(ms((after.user - before.user) / Double(count))) ms, system \(ms((after.system - before.system) / Double(count))) ms")
        }
    }

    /// (b) write → durable verdict through `nianbao watch` with the folder forced to poll.
    func latency() throws {
        let binary = options.string("binary", (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/nianbao")
        let sample = Array(FileManager.default.contents(atPath: options.fixtures + "/samples/huaian_hongze_2024.txt") ?? Data())
        let seconds = options.int("poll-seconds", 5)
        let count = options.int("reports", 6)
        var bench = try Bench(binary: binary, sample: sample)
        let config = bench.root + "/nianbao.json"
        try Data(#"{"watch": {"mode": "poll", "pollSeconds": \#(seconds)}, "output": {"printVerdicts": true}}"#.utf8).write(to: URL(fileURLWithPath: config))
        try bench.startDaemon(extra: ["--config", config])
        var written: [Duration] = []
        var renamed: [Duration] = []
        for _ in 0..<count {
            if let elapsed = bench.writeOneIn(timeout: Double(seconds) * 4 + 10) { written.append(elapsed) }
            if let elapsed = bench.renameOneIn(timeout: Double(seconds) * 4 + 10) { renamed.append(elapsed) }
        }
        _ = bench.stop()
        written.sort()
        renamed.sort()
        func line(_ samples: [Duration]) -> String {
            guard let low = samples.first, let high = samples.last else { return "no verdicts" }
            return "median \(ms(Self.seconds(samples[samples.count / 2]))) ms, min \(ms(Self.seconds(low))) ms, max \(ms(Self.seconds(high))) ms"
        }
        print("(b) latency write → durable verdict, polled every \(seconds) s, settle 200 ms, \(written.count) reports: \(line(written))")
        print("    rename into place → durable verdict, \(renamed.count) reports: \(line(renamed))")
    }

    /// This process's user and system CPU seconds.
    static func usage() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    /// CPU seconds of this thread spent in `body`.
    static func cpu(_ body: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
}
