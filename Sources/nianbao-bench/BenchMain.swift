import Foundation

/// `nianbao-bench [engine|formats|daemon|check] [options]` — prints figures; asserts nothing.
@main
struct BenchMain {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let mode = arguments.first ?? "engine"
        let options = BenchOptions(arguments.dropFirst())
        switch mode {
        case "engine": try EngineBenchmark(options: options).run()
        case "formats": try FormatsBenchmark(options: options).run()
        case "daemon": try DaemonBenchmark(options: options).run()
        case "check": try CheckBenchmark(options: options).run()
        case "startup": try StartupBenchmark(options: options).run()
        case "poll": try PollBenchmark(options: options).run()
        case "scanned": try ScanAccuracyBenchmark(options: options).run()
        default:
            print("usage: nianbao-bench engine|formats|daemon|check|startup|poll|scanned [--seconds N] [--fixtures DIR] [--binary PATH] [--scale N] [--reports N] [--rounds N] [--only NAME] [--findings 1] [--lines 1]")
        }
    }
}

/// "--key value" options.
struct BenchOptions {
    var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var iterator = arguments.makeIterator()
        while let key = iterator.next() {
            if key.hasPrefix("--") { values[String(key.dropFirst(2))] = iterator.next() ?? "" }
        }
    }

    func double(_ key: String, _ fallback: Double) -> Double { values[key].flatMap(Double.init) ?? fallback }
    func int(_ key: String, _ fallback: Int) -> Int { values[key].flatMap(Int.init) ?? fallback }
    func string(_ key: String, _ fallback: String) -> String { values[key] ?? fallback }

    /// Tests/Fixtures, found from the working directory.
    var fixtures: String { string("fixtures", FileManager.default.currentDirectoryPath + "/Tests/Fixtures") }
}

/// Process measurements.
enum ProcessMeasure {
    /// Peak resident set size of this process, in MiB.
    static var peakRSSMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Current RSS and peak RSS (MiB) and CPU seconds (user+system) of a process, from /proc.
    static func sample(pid: Int32) -> (rss: Double, peak: Double, cpu: Double)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        func kib(_ key: String) -> Double {
            for line in status.split(separator: "\n") where line.hasPrefix(key) {
                return Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
            }
            return 0
        }
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let utime = fields.count > 12 ? Double(fields[11]) ?? 0 : 0
        let stime = fields.count > 13 ? Double(fields[12]) ?? 0 : 0
        return (kib("VmRSS:") / 1024, kib("VmHWM:") / 1024, (utime + stime) / ticks)
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }
}
