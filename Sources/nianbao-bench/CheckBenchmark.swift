import Foundation

/// `nianbao check --json DIR > /dev/null` over a folder of text reports (copies of
/// the text samples, each with a line of its own), against the single-thread engine
/// rate over the same samples.
struct CheckBenchmark {
    let options: BenchOptions

    var binary: String {
        options.string("binary", (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/nianbao")
    }

    func run() throws {
        let count = options.int("reports", 3_000)
        let rounds = max(1, options.int("rounds", 3))
        let samples = try EngineBenchmark.textSamples(options.fixtures)
        guard !samples.isEmpty else { throw CocoaError(.fileNoSuchFile) }
        let folder = FileManager.default.temporaryDirectory.path + "/nianbao-bench-check-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for index in 0 ..< count {
            let copy = samples[index % samples.count] + Array("\n备注：第 \(index) 份副本\n".utf8)
            try Data(copy).write(to: URL(fileURLWithPath: folder + "/report-\(index).txt"))
        }
        // The copies just written are dirty in the page cache: write them back now, not
        // while the runs below are timed.
        sync()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("check: \(count) text reports (copies of \(samples.count) samples), \(cores) cores, binary \(binary); each figure the best of \(rounds)")

        // Each round times all three, one after the other, and each figure is its best
        // round: a busy moment on a shared machine lowers no side of the ratio alone.
        var parallel = Double.infinity, single = Double.infinity
        var engine: EngineBenchmark.Rates?
        for _ in 0 ..< rounds {
            parallel = min(parallel, try time(["check", "--json", folder]))
            single = min(single, try time(["check", "--json", "--jobs", "1", folder]))
            let round = EngineBenchmark.rates(samples, seconds: options.double("seconds", 3) / Double(rounds))
            if round.whole.rate > engine?.whole.rate ?? 0 { engine = round }
        }
        guard let engine else { return }
        let checkRate = Double(count) / parallel
        print("  nianbao check --json DIR (all cores):  \(ProcessMeasure.format(checkRate, 0)) reports/s (\(ProcessMeasure.format(parallel, 2)) s)")
        print("  nianbao check --json --jobs 1 DIR:     \(ProcessMeasure.format(Double(count) / single, 0)) reports/s (\(ProcessMeasure.format(single, 2)) s)")
        print("  engine, one thread, decode + parse + validate: \(ProcessMeasure.format(engine.whole.rate, 0)) reports/s")
        print("  engine, one thread, parse + validate:          \(ProcessMeasure.format(engine.parse.rate, 0)) reports/s")
        print("  ratio check / engine (decode + parse + validate): \(ProcessMeasure.format(checkRate / engine.whole.rate, 2))×")
        print("  ratio check / engine (parse + validate):          \(ProcessMeasure.format(checkRate / engine.parse.rate, 2))×")
        print("  one thread, per report, beside the engine (\(ProcessMeasure.format(1e6 / engine.whole.rate, 1)) µs):")
        CheckStages.print(samples, seconds: options.double("seconds", 3) / 3)
    }

    /// Wall-clock seconds of one `nianbao` run, standard output to /dev/null: started with
    /// posix_spawn and reaped with waitpid, because Foundation's `waitUntilExit` polls its
    /// run loop every 50 ms and would add up to that much to a half-second run.
    private func time(_ arguments: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - started
        // Exit 0 or 1 (a sample fails): anything else means the run itself went wrong.
        guard status & 0x7F == 0, (status >> 8) & 0xFF <= 1 else { throw CocoaError(.executableLoad) }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
