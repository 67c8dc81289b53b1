import Foundation
import NianbaoDaemon
import NianbaoPlatform

/// Start-up after a busy year: a journal of `--lines` verdict lines with their
/// tables (default 400,000, about 2 GB) over `--reports` reports (default 5,000),
/// with the checkpoint the daemon writes and `--tail` lines after it; then the same
/// journal ending in a torn line of `--torn-mb` MiB (default 100). Prints the time
/// from spawn to READY (the "started" notice) and the daemon's peak RSS (GNU time's
/// %M: the daemon is exec'd by `time`, so it does not inherit this process's peak).
struct StartupBenchmark {
    let options: BenchOptions

    var binary: String {
        options.string("binary", (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/nianbao")
    }

    func run() throws {
        let lines = options.int("lines", 400_000)
        let reports = options.int("reports", 5_000)
        let tail = options.int("tail", 1_000)
        let tornMiB = options.int("torn-mb", 100)
        let sample = Array(FileManager.default.contents(atPath: options.fixtures + "/samples/huaian_hongze_2024.txt") ?? Data())
        let root = FileManager.default.temporaryDirectory.path + "/nianbao-startup-" + UUID().uuidString.prefix(8)
        defer { if options.string("keep", "no") == "no" { try? FileManager.default.removeItem(atPath: root) } }
        try FileManager.default.createDirectory(atPath: root + "/drop", withIntermediateDirectories: true)
        print("start-up benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores), binary \(binary)")

        let generated = ContinuousClock.now
        let journal = root + "/verdicts.jsonl"
        let size = try JournalFixture(sample: sample, reports: reports).write(
            journal: journal, status: root + "/status", lines: lines, tail: tail)
        print("generated \(lines) lines (\(size >> 20) MiB, \(reports) reports, checkpoint \(tail) lines before the end) in \(seconds(ContinuousClock.now - generated)) s")

        let (ready, peak) = try startAndStop(root: root)
        print("(1) start to READY with a \(size >> 20) MiB journal: \(ready.map(seconds) ?? "no READY") s, peak RSS \(peak.map { String($0 >> 10) } ?? "?") MiB")

        // The same journal ending in a torn line (a crash mid-write) of tornMiB MiB.
        let active = JournalSegments.existing(journal: journal).last ?? journal
        try appendTorn(path: active, mebibytes: tornMiB)
        let (tornReady, tornPeak) = try startAndStop(root: root)
        print("(2) start to READY with a \(tornMiB) MiB torn tail: \(tornReady.map(seconds) ?? "no READY") s, peak RSS \(tornPeak.map { String($0 >> 10) } ?? "?") MiB")
        let copy = root + "/torn.jsonl"
        _ = FileManager.default.createFile(atPath: copy, contents: Data("{\"a\":1}\n".utf8))
        try appendTorn(path: copy, mebibytes: tornMiB)
        let repairStarted = ContinuousClock.now
        let repaired = try AppendOnlyFile(path: copy)
        print("    repair alone: \(repaired.repairedByteCount >> 20) MiB cut in \(seconds(ContinuousClock.now - repairStarted)) s")
    }

    /// Starts the daemon under GNU time, waits for READY, stops it; returns the time to READY and the peak RSS in KiB.
    private func startAndStop(root: String) throws -> (Duration?, Int?) {
        let collector = LineCollector()
        let peakFile = root + "/peak.txt"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", peakFile, binary, "watch", "--drop", root + "/drop", "--status-dir", root + "/status",
                             "--journal", root + "/verdicts.jsonl", "--no-dashboard"]
        process.standardOutput = collector.pipe
        process.standardError = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        var ready: Duration?
        let deadline = started + .seconds(600)
        while ContinuousClock.now < deadline, process.isRunning {
            if collector.sawLine(containing: "started") {
                ready = ContinuousClock.now - started
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        // GNU time does not pass SIGTERM on: stop the daemon, its child, by its own pid.
        let children = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)) ?? ""
        for pid in children.split(separator: " ").compactMap({ Int32($0) }) { kill(pid, SIGTERM) }
        process.waitUntilExit()
        let peak = (try? String(contentsOfFile: peakFile, encoding: .utf8))?
            .split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last
        return (ready, peak)
    }

    private func appendTorn(path: String, mebibytes: Int) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        try handle.seekToEnd()
        let chunk = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<mebibytes { try handle.write(contentsOf: chunk) }
    }

    private func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
