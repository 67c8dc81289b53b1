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
        func files(_ folder: String) -> [String] {
            let directory = options.fixtures + "/" + folder
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).map { directory + "/" + $0 }
        }
        let converter = LibreOfficeConverter.installed(limits: LibreOfficeConverter.defaultLimits)
        let extractor = DocumentExtractor(legacy: IconvDecoder(), converter: converter)
        // With --binary PATH (a built nianbao): PDFs again, read by the bounded child process as the daemon does.
        let isolated = options.values["binary"].map {
            DocumentExtractor(legacy: IconvDecoder(), isolated: ChildPDFReader(executable: $0))
        }
        let office = files("office")
        // (label, files): the office forms, plus PDFs by origin (poppler's cost differs widely).
        var sets: [(String, [String])] = ["txt", "docx", "html", "pdf", "doc"].map { ext in
            (ext == "pdf" ? "pdf (office, LibreOffice)" : ext, office.filter { $0.hasSuffix("." + ext) })
        }
        sets.insert(("pdf (real published)", files("real-pdfs").filter { $0.hasSuffix(".pdf") }), at: 4)
        sets.insert(("pdf (synthetic, no embedded fonts)", files("formats").filter { $0.hasSuffix(".pdf") && !$0.contains("encrypted") }), at: 5)
        if isolated != nil {
            sets.insert(("pdf (office) in the child process", office.filter { $0.hasSuffix(".pdf") }), at: 6)
            sets.insert(("pdf (synthetic) in the child process", files("formats").filter { $0.hasSuffix(".pdf") && !$0.contains("encrypted") }), at: 7)
        }
        let engine = ReportEngine()
        let seconds = options.double("seconds", 3)
        print("formats: extract + parse + validate, one thread, \(ProcessMeasure.format(seconds, 0)) s per format")
        for (label, paths) in sets {
            let files = paths.sorted()
            let inputs = files.compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }
            guard !inputs.isEmpty else {
                print("  \(label): no fixtures")
                continue
            }
            let clock = ContinuousClock()
            let start = clock.now
            let deadline = start + .milliseconds(Int(seconds * 1000))
            var count = 0
            var verdicts: [String: Int] = [:]
            while clock.now < deadline {
                let reader = label.hasSuffix("child process") ? isolated ?? extractor : extractor
                for (name, input) in zip(files, inputs) {
                    switch reader.extract(input, fileName: name) {
                    case .document(let document, _, _): verdicts[engine.assess(document).verdict.rawValue, default: 0] += 1
                    case .refused: verdicts["refused", default: 0] += 1
                    }
                    count += 1
                }
            }
            let elapsed = clock.now - start
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("  \(label): \(inputs.count) fixtures, \(ProcessMeasure.format(Double(count) / s, 0)) reports/second (\(verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))")
        }
        print("  peak RSS: \(ProcessMeasure.format(ProcessMeasure.peakRSSMiB)) MiB")
    }
}
