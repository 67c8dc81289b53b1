import Foundation
import NianbaoDaemon
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform

/// Extraction + parse + validate throughput per document format, over the
/// committed office fixtures (Tests/Fixtures/office: official layout exported by
/// LibreOffice) and the real published PDFs (Tests/Fixtures/real-pdfs).
/// .doc goes through the LibreOffice converter in a child process.
struct FormatsBenchmark {
    let options: BenchOptions

    func run() throws {
        let directories = [options.fixtures + "/office", options.fixtures + "/real-pdfs"]
        let paths = directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).map { directory + "/" + $0 }
        }
        let converter = LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits)
        let extractor = DocumentExtractor(legacy: IconvDecoder(), converter: converter)
        let engine = ReportEngine()
        let seconds = options.double("seconds", 3)
        print("formats: extract + parse + validate, one thread, \(ProcessMeasure.format(seconds, 0)) s per format")
        for ext in ["txt", "docx", "html", "pdf", "doc"] {
            let files = paths.filter { $0.hasSuffix("." + ext) }.sorted()
            let inputs = files.compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }
            guard !inputs.isEmpty else {
                print("  \(ext): no fixtures")
                continue
            }
            let clock = ContinuousClock()
            let start = clock.now
            let deadline = start + .milliseconds(Int(seconds * 1000))
            var count = 0
            var verdicts: [String: Int] = [:]
            while clock.now < deadline {
                for (name, input) in zip(files, inputs) {
                    switch extractor.extract(input, fileName: name) {
                    case .document(let document, _, _): verdicts[engine.assess(document).verdict.rawValue, default: 0] += 1
                    case .refused: verdicts["refused", default: 0] += 1
                    }
                    count += 1
                }
            }
            let elapsed = clock.now - start
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("  \(ext): \(inputs.count) fixtures, \(ProcessMeasure.format(Double(count) / s, 0)) reports/second (\(verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))")
        }
        print("  peak RSS: \(ProcessMeasure.format(ProcessMeasure.peakRSSMiB)) MiB")
    }
}
