import Foundation
import NianbaoEngine
import NianbaoPlatform

/// Engine throughput over the text samples, on one thread, in one process:
/// parse + validate (the engine proper, from decoded text), and the whole path
/// from bytes (decode + normalise + parse + validate).
struct EngineBenchmark {
    let options: BenchOptions

    /// Single-thread rates over one set of samples, in reports per second.
    struct Rates {
        /// Parse + validate, from decoded text.
        var parse: (rate: Double, count: Int, seconds: Double)
        /// Decode + normalise + parse + validate, from bytes.
        var whole: (rate: Double, count: Int, seconds: Double)
        var verdicts: [Verdict: Int]
    }

    /// The `.txt` samples' bytes, sorted by name.
    static func textSamples(_ fixtures: String) throws -> [[UInt8]] {
        let directory = fixtures + "/samples"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        return names.compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map(Array.init) }
    }

    func run() throws {
        let inputs = try Self.textSamples(options.fixtures)
        print("engine: \(inputs.count) text samples (\(inputs.map(\.count).reduce(0, +) / max(1, inputs.count)) bytes avg), one thread")
        let rates = Self.rates(inputs, seconds: options.double("seconds", 5))
        let bytes = inputs.map(\.count).reduce(0, +)
        print("  parse + validate:                    \(ProcessMeasure.format(rates.parse.rate, 0)) reports/second (\(rates.parse.count) in \(ProcessMeasure.format(rates.parse.seconds, 2)) s)")
        print("  decode + normalise + parse + validate: \(ProcessMeasure.format(rates.whole.rate, 0)) reports/second, \(ProcessMeasure.format(rates.whole.rate * Double(bytes) / Double(inputs.count) / 1e6, 1)) MB/s")
        print("  peak RSS:                            \(ProcessMeasure.format(ProcessMeasure.peakRSSMiB)) MiB")
        print("  verdicts:                            \(rates.verdicts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))")
    }

    /// Measures both single-thread rates over `inputs`, each for `seconds`.
    static func rates(_ inputs: [[UInt8]], seconds: Double) -> Rates {
        let engine = ReportEngine()
        let decoder = IconvDecoder()
        let documents = inputs.compactMap { try? TextDecoding.document(from: $0, legacy: decoder).get() }
        var verdicts: [Verdict: Int] = [:]
        let parsed = measure(seconds: seconds) {
            for document in documents {
                verdicts[engine.assess(document).verdict, default: 0] += 1
            }
            return documents.count
        }
        let whole = measure(seconds: seconds) {
            for input in inputs {
                switch TextDecoding.document(from: input, legacy: decoder) {
                case .success(let document): _ = engine.assess(document).verdict
                case .failure: break
                }
            }
            return inputs.count
        }
        return Rates(parse: parsed, whole: whole, verdicts: verdicts)
    }

    /// Runs `body` (which returns how many reports it did) repeatedly for `seconds` after one warm-up round.
    static func measure(seconds: Double, _ body: () -> Int) -> (rate: Double, count: Int, seconds: Double) {
        _ = body()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        var count = 0
        while clock.now < deadline { count += body() }
        let elapsed = clock.now - start
        let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (Double(count) / s, count, s)
    }
}
