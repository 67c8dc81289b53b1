import Foundation
import NianbaoEngine
import NianbaoPlatform

/// Parse + validate throughput over the text samples, on one core, in one process.
struct EngineBenchmark {
    let options: BenchOptions

    func run() throws {
        let directory = options.fixtures + "/samples"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        let inputs = names.compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map(Array.init) }
        let seconds = options.double("seconds", 5)
        let engine = ReportEngine()
        let decoder = IconvDecoder()
        var count = 0
        var bytes = 0
        var verdicts: [Verdict: Int] = [:]
        // Warm up.
        for input in inputs { _ = assess(input, engine, decoder) }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        while clock.now < deadline {
            for input in inputs {
                let verdict = assess(input, engine, decoder)
                verdicts[verdict, default: 0] += 1
                count += 1
                bytes += input.count
            }
        }
        let elapsed = clock.now - start
        let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("engine: decode + parse + validate, \(inputs.count) text samples (\(inputs.map(\.count).reduce(0, +) / max(1, inputs.count)) bytes avg), one thread")
        print("  reports:        \(count) in \(ProcessMeasure.format(secondsElapsed, 2)) s")
        print("  reports/second: \(ProcessMeasure.format(Double(count) / secondsElapsed, 0))")
        print("  MB/second:      \(ProcessMeasure.format(Double(bytes) / secondsElapsed / 1e6, 1))")
        print("  peak RSS:       \(ProcessMeasure.format(ProcessMeasure.peakRSSMiB)) MiB")
        print("  verdicts:       \(verdicts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))")
    }

    private func assess(_ input: [UInt8], _ engine: ReportEngine, _ decoder: IconvDecoder) -> Verdict {
        switch TextDecoding.decode(input, legacy: decoder) {
        case .success(let decoded):
            return engine.assess(TextNormalization.document(from: decoded.text)).verdict
        case .failure:
            return .fail
        }
    }
}
