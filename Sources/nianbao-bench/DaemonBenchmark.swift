import Foundation

/// The daemon against the sysadmin's baseline (inotifywait piping each path to
/// its own `nianbao check --json`): latency, backlog at start, burst, idle cost.
struct DaemonBenchmark {
    let options: BenchOptions

    var binary: String {
        options.string("binary", (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/nianbao")
    }

    func run() throws {
        // --only LETTERS runs a subset of the scenarios, e.g. --only e.
        let only = options.string("only", "abcdefg")
        let scale = options.double("scale", 1)
        // --daemon-flags "--no-dashboard …": more flags for the daemon in (a)–(f).
        let flags = options.string("daemon-flags", "").split(separator: " ").map(String.init)
        let sample = Array(FileManager.default.contents(atPath: options.fixtures + "/samples/huaian_hongze_2024.txt") ?? Data())
        print("daemon benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores), binary \(binary)")
        let latencyCount = max(20, Int(200 * scale))
        let backlogCount = max(100, Int(10_000 * scale))
        let burstCount = max(200, Int(20_000 * scale))
        let baselineBurst = min(burstCount, max(100, Int(1_000 * scale)))

        var bench: Bench
        var base: Bench
        if only.contains("a") {
        // (a) latency, rename → durable journal record (printed after the fsync).
        bench = try Bench(binary: binary, sample: sample)
        try bench.startDaemon(extra: flags)
        let latency = try bench.latency(count: latencyCount)
        let daemonStats = bench.stop()
        print("(a) latency rename → durable verdict, \(latencyCount) reports: p50 \(ms(latency.p50)) ms, p99 \(ms(latency.p99)) ms")
        base = try Bench(binary: binary, sample: sample)
        try base.startBaseline()
        let baseLatency = try base.latency(count: min(latencyCount, 100))
        _ = base.stop()
        print("    baseline inotifywait | nianbao check: p50 \(ms(baseLatency.p50)) ms, p99 \(ms(baseLatency.p99)) ms (ratio p50 \(ratio(baseLatency.p50, latency.p50)))")
        _ = daemonStats
        }

        if only.contains("b") {
        // (b) backlog present at start.
        bench = try Bench(binary: binary, sample: sample)
        try bench.populate(count: backlogCount)
        let started = ContinuousClock.now
        try bench.startDaemon(waitReady: false, extra: flags)
        let backlogTime = bench.waitAll(count: backlogCount, since: started, idleTimeout: 60)
        let backlogStats = bench.stop()
        print("(b) \(backlogCount) reports present at start: all verdicts in \(s(backlogTime.duration)) s = \(rate(backlogTime.count, backlogTime.duration)) reports/s (judged \(backlogTime.count)); peak RSS \(mib(backlogStats?.peak)) MiB; daemon CPU \(s(backlogStats.map { Duration.milliseconds(Int($0.cpu * 1000)) } ?? .zero)) s")
        print("    baseline: inotifywait never reports files present at start (0 of \(backlogCount) judged)")
        }

        if only.contains("c") {
        // (c) burst.
        bench = try Bench(binary: binary, sample: sample)
        try bench.startDaemon(extra: flags)
        let burstStart = ContinuousClock.now
        try bench.populate(count: burstCount)
        let writeTime = ContinuousClock.now - burstStart
        let burst = bench.waitAll(count: burstCount, since: burstStart, idleTimeout: 60)
        let burstStats = bench.stop()
        print("(c) burst of \(burstCount) files (written in \(s(writeTime)) s): \(burst.count) verdicts in \(s(burst.duration)) s = \(rate(burst.count, burst.duration)) reports/s, lost \(burstCount - burst.count), overflow rescan: \(bench.collector.sawLine(containing: "overflow") ? "yes" : "no"); peak RSS \(mib(burstStats?.peak)) MiB")
        base = try Bench(binary: binary, sample: sample)
        try base.startBaseline()
        let baseStart = ContinuousClock.now
        try base.populate(count: baselineBurst)
        let baseBurst = base.waitAll(count: baselineBurst, since: baseStart, idleTimeout: 20)
        _ = base.stop()
        print("    baseline, burst of \(baselineBurst): \(baseBurst.count) verdicts in \(s(baseBurst.duration)) s = \(rate(baseBurst.count, baseBurst.duration)) reports/s, lost \(baselineBurst - baseBurst.count) (throughput ratio \(ratio(Double(burst.count) / max(1e-9, seconds(burst.duration)), Double(baseBurst.count) / max(1e-9, seconds(baseBurst.duration)))))")

        }

        if only.contains("e") {
        // (e) a report arriving while 20,000 reports are being removed (rm -rf).
        let stormCount = max(200, Int(20_000 * scale))
        bench = try Bench(binary: binary, sample: sample)
        try bench.startDaemon(extra: flags)
        let stormStart = ContinuousClock.now
        try bench.populate(count: stormCount)
        _ = bench.waitAll(count: stormCount, since: stormStart, idleTimeout: 60)
        let arrival = try bench.arrivalDuringRemoval()
        _ = bench.stop()
        print("(e) arrival latency during a \(stormCount)-file removal: \(arrival.map { ms($0) + " ms" } ?? "no verdict within 120 s")")
        }

        if only.contains("f") {
        // (f) 5,000 files written while the daemon is stopped (SIGSTOP): the kernel
        // queue overflows; time from SIGCONT to the last durable verdict.
        let overflowCount = max(200, Int(5_000 * scale))
        bench = try Bench(binary: binary, sample: sample)
        try bench.startDaemon(extra: flags)
        // The folders exist and are watched first, so every file event is queued.
        for d in 0..<10 { try FileManager.default.createDirectory(atPath: bench.drop + "/o\(d)", withIntermediateDirectories: true) }
        Thread.sleep(forTimeInterval: 0.5)
        kill(bench.pid, SIGSTOP)
        // As an uploader does: a temporary name, then a rename (five queued events per file).
        for n in 0..<overflowCount {
            let dir = bench.drop + "/o\(n % 10)"
            _ = FileManager.default.createFile(atPath: dir + "/.o\(n).part", contents: Data(sample + Array("\nzzq\(n)\n".utf8)))
            rename(dir + "/.o\(n).part", dir + "/zzq\(n).txt")
        }
        let resumed = ContinuousClock.now
        kill(bench.pid, SIGCONT)
        let overflow = bench.waitAll(count: overflowCount, since: resumed, idleTimeout: 60)
        _ = bench.stop()
        print("(f) overflowed burst of \(overflowCount) files: \(overflow.count) verdicts \(s(overflow.duration)) s after SIGCONT = \(rate(overflow.count, overflow.duration)) reports/s, overflow rescan: \(bench.collector.sawLine(containing: "overflow") ? "yes" : "no")")
        }

        if only.contains("g") { try dashboardCost(sample: sample, count: max(200, Int(5_000 * scale))) }

        guard only.contains("d") else { return }
        // (d) idle cost with 1,000 watched directories.
        let idleSeconds = options.double("idle-seconds", 60)
        bench = try Bench(binary: binary, sample: sample)
        for i in 0..<1000 { try FileManager.default.createDirectory(atPath: bench.drop + "/dir\(i)/sub", withIntermediateDirectories: true) }
        try bench.startDaemon(extra: flags)
        Thread.sleep(forTimeInterval: 1)
        let before = ProcessMeasure.sample(pid: bench.pid)
        Thread.sleep(forTimeInterval: idleSeconds)
        let after = ProcessMeasure.sample(pid: bench.pid)
        _ = bench.stop()
        if let before, let after {
            let cpu = after.cpu - before.cpu
            print("(d) idle \(Int(idleSeconds)) s with 2,000 watched directories: CPU \(ProcessMeasure.format(cpu, 2)) s (\(ProcessMeasure.format(cpu / idleSeconds * 100, 3)) %), RSS \(mib(after.rss)) MiB, peak \(mib(after.peak)) MiB")
        }
    }

    /// (g) the same burst with the dashboard page written (the default) and with
    /// `--no-dashboard`: what the page costs while reports pour in (target ≤ 20 % slower).
    func dashboardCost(sample: [UInt8], count: Int) throws {
        // Wall time on a shared machine is noisy; the daemon's own CPU time (its children's
        // excluded: text reports need none) is the steadier measure of what the page adds.
        var results: [(duration: Duration, cpu: Double)] = []
        for (label, extra) in [("with the page", [String]()), ("--no-dashboard", ["--no-dashboard"])] {
            var bench = try Bench(binary: binary, sample: sample)
            try bench.startDaemon(extra: extra)
            let before = ProcessMeasure.sample(pid: bench.pid)
            let start = ContinuousClock.now
            try bench.populate(count: count)
            let burst = bench.waitAll(count: count, since: start, idleTimeout: 60)
            // The last page write follows the last verdict by up to a second.
            Thread.sleep(forTimeInterval: 1.5)
            let after = ProcessMeasure.sample(pid: bench.pid)
            _ = bench.stop()
            let cpu = (after?.cpu ?? 0) - (before?.cpu ?? 0)
            results.append((burst.duration, cpu))
            print("(g) burst of \(count) files \(label): \(burst.count) verdicts in \(s(burst.duration)) s = \(rate(burst.count, burst.duration)) reports/s, daemon CPU \(ProcessMeasure.format(cpu, 2)) s")
        }
        let slower = (seconds(results[0].duration) / max(1e-9, seconds(results[1].duration)) - 1) * 100
        let cpu = (results[0].cpu / max(1e-9, results[1].cpu) - 1) * 100
        print("    with the page: wall time \(ProcessMeasure.format(slower, 1)) %, daemon CPU \(ProcessMeasure.format(cpu, 1)) % (target ≤ 20 % slower)")
    }

    func ms(_ d: Duration) -> String { ProcessMeasure.format(seconds(d) * 1000, 2) }
    func s(_ d: Duration) -> String { ProcessMeasure.format(seconds(d), 2) }
    func mib(_ v: Double?) -> String { v.map { ProcessMeasure.format($0) } ?? "?" }
    func rate(_ n: Int, _ d: Duration) -> String { ProcessMeasure.format(Double(n) / max(1e-9, seconds(d)), 0) }
    func ratio(_ a: Duration, _ b: Duration) -> String { ratio(seconds(a), seconds(b)) }
    func ratio(_ a: Double, _ b: Double) -> String { ProcessMeasure.format(a / max(1e-9, b), 1) + "×" }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
