import Foundation
import NianbaoFormats
import NianbaoPlatform

#if canImport(Glibc)
import Glibc
#endif

/// CPU seconds per scanned page: each image-only fixture (Tests/Fixtures/scanned)
/// read once in this process (render, seal removal, deskew, rules, OCR) with one
/// OCR thread, the process's CPU time divided by the pages read.
struct ScannedBenchmark {
    let options: BenchOptions

    func run() {
        let directory = options.fixtures + "/scanned"
        let paths = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".pdf") }.sorted().map { directory + "/" + $0 }
        guard !paths.isEmpty else {
            print("  pdf (scanned, OCR): no fixtures")
            return
        }
        // One OCR thread, as in the reader child (its environment sets OMP_THREAD_LIMIT=1).
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let extractor = DocumentExtractor(legacy: IconvDecoder())
        var pages = 0
        var cpu = 0.0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let before = Self.cpuSeconds()
            let extraction = extractor.extract(Array(data), fileName: path)
            cpu += Self.cpuSeconds() - before
            let pageNumbers = (extraction.document?.lines ?? []).compactMap { line -> Int? in
                guard line.location.hasPrefix("第 "), let end = line.location.firstIndex(of: "页") else { return nil }
                return Int(line.location.dropFirst(2)[..<end].trimmingCharacters(in: .whitespaces))
            }
            pages += pageNumbers.max() ?? 0
        }
        guard pages > 0 else {
            print("  pdf (scanned, OCR): nothing read (is Tesseract installed?)")
            return
        }
        print("  pdf (scanned, OCR): \(paths.count) fixtures, \(pages) pages, "
              + "\(ProcessMeasure.format(cpu / Double(pages), 2)) CPU seconds per scanned page")
    }

    /// This process's CPU time (user and system), in seconds.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
