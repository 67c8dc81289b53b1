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
        // With --binary PATH (a built nianbao): PDFs again, read in child processes as the daemon
        // does (reused children), and as it did before (one child per document).
        let pooled = options.values["binary"].map { ChildPDFReader(executable: $0) }
        let oneShot = options.values["binary"].map { OneShotPDFReader(executable: $0) }
        let office = files("office")
        let synthetic = files("formats").filter { $0.hasSuffix(".pdf") && !$0.contains("encrypted") }
        // (label, files, reader): the office forms, plus PDFs by origin (poppler's cost differs widely).
        var sets: [(String, [String], DocumentExtractor)] = ["txt", "docx", "html", "pdf", "doc"].map { ext in
            (ext == "pdf" ? "pdf (office, LibreOffice)" : ext, office.filter { $0.hasSuffix("." + ext) }, extractor)
        }
        sets.insert(("pdf (real published)", files("real-pdfs").filter { $0.hasSuffix(".pdf") }, extractor), at: 4)
        sets.insert(("pdf (synthetic, no embedded fonts)", synthetic, extractor), at: 5)
        var childSets: [(String, [String], DocumentExtractor)] = []
        for (kind, reader) in [("reused child", pooled.map { $0 as any IsolatedReader }),
                               ("one child per document", oneShot.map { $0 as any IsolatedReader })] {
            guard let reader else { continue }
            let isolated = DocumentExtractor(legacy: IconvDecoder(), isolated: reader)
            childSets.append(("pdf (office) in a \(kind)", office.filter { $0.hasSuffix(".pdf") }, isolated))
            childSets.append(("pdf (synthetic) in a \(kind)", synthetic, isolated))
        }
        let engine = ReportEngine()
        let seconds = options.double("seconds", 3)
        print("formats: extract + parse + validate, one thread, \(ProcessMeasure.format(seconds, 0)) s per format")
        for (label, paths, reader) in sets {
            let inputs = Self.inputs(paths)
            guard !inputs.isEmpty else {
                print("  \(label): no fixtures")
                continue
            }
            let run = measure(inputs, [reader], engine: engine, seconds: seconds)
            print("  \(label): \(inputs.count) fixtures, \(ProcessMeasure.format(Double(run.count) / run.seconds[0], 0)) reports/second (\(run.verdicts))")
        }
        // The child's own cost per PDF: the same PDFs read alternately in a child and in this
        // process over the same seconds (so a load change on a shared machine hits both alike).
        for (label, paths, isolated) in childSets {
            let inputs = Self.inputs(paths)
            guard !inputs.isEmpty else { continue }
            let run = measure(inputs, [isolated, extractor], engine: engine, seconds: 2 * seconds)
            let (child, local) = (run.seconds[0] * 1000 / Double(run.count), run.seconds[1] * 1000 / Double(run.count))
            print("  \(label): \(ProcessMeasure.format(1000 / child, 0)) reports/second; cost of the child per PDF "
                  + "\(ProcessMeasure.format(child - local, 2)) ms (\(ProcessMeasure.format(child, 2)) ms vs "
                  + "\(ProcessMeasure.format(local, 2)) ms in this process, \(run.count) PDFs each)")
        }
        ScannedBenchmark(options: options).run()
        if let pooled { print("  reused children started: \(pooled.childrenStarted)") }
        print("  peak RSS: \(ProcessMeasure.format(ProcessMeasure.peakRSSMiB)) MiB")
    }

    /// The files' names and contents, in name order.
    static func inputs(_ paths: [String]) -> [(String, [UInt8])] {
        paths.sorted().compactMap { path in FileManager.default.contents(atPath: path).map { (path, Array($0)) } }
    }

    /// Reads every input with each reader in turn, round after round, until `seconds`
    /// have passed: the reports each reader read, the seconds each took, the verdicts.
    func measure(_ inputs: [(String, [UInt8])], _ readers: [DocumentExtractor], engine: ReportEngine,
                 seconds: Double) -> (count: Int, seconds: [Double], verdicts: String) {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1000))
        var count = 0
        var spent = [Duration](repeating: .zero, count: readers.count)
        var verdicts: [String: Int] = [:]
        while clock.now < deadline {
            for (name, input) in inputs {
                for (index, reader) in readers.enumerated() {
                    let start = clock.now
                    switch reader.extract(input, fileName: name) {
                    case .document(let document, _, _): verdicts[engine.assess(document).verdict.rawValue, default: 0] += 1
                    case .refused: verdicts["refused", default: 0] += 1
                    }
                    spent[index] += clock.now - start
                }
                count += 1
            }
        }
        let list = verdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return (count, spent.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }, list)
    }
}
