import Foundation
import NianbaoEngine
import NianbaoFormats
import NianbaoPlatform

#if canImport(Glibc)
import Glibc
#endif

/// `nianbao-bench scanned [--only NAME] [--findings 1] [--lines 1] [--lines 1]`: each scanned fixture (Tests/Fixtures/scanned)
/// read in this process, one OCR thread as in the reader child, against its text twin:
/// whether it gets the twin's verdict and codes, which table cells OCR read otherwise,
/// and the CPU seconds per scanned page.
struct ScanAccuracyBenchmark {
    let options: BenchOptions

    func run() throws {
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let directory = options.fixtures + "/scanned"
        let only = options.values["only"]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix("-scan.pdf") }.map { String($0.dropLast("-scan.pdf".count)) }
            .filter { only == nil || $0.contains(only!) }.sorted()
        let extractor = DocumentExtractor(legacy: IconvDecoder())
        let engine = ReportEngine()
        var same = 0, uncertain = 0, doubtfulTotal = 0, falseFail = 0, pages = 0, cellsWrong = 0, cellsTotal = 0
        var cpu = 0.0
        for name in names {
            let twinPath = options.fixtures + (name.hasPrefix("seed-") ? "/seeds/" : "/office/") + name + ".txt"
            guard let twinData = FileManager.default.contents(atPath: twinPath),
                  let twin = extractor.extract(Array(twinData), fileName: name + ".txt").document,
                  let scanData = FileManager.default.contents(atPath: "\(directory)/\(name)-scan.pdf") else { continue }
            let before = ScannedBenchmark.cpuSeconds()
            let scanned = extractor.extract(Array(scanData), fileName: name + ".pdf")
            let spent = ScannedBenchmark.cpuSeconds() - before
            cpu += spent
            guard let document = scanned.document else {
                print("\(name): refused \(String(describing: scanned.refusal))")
                continue
            }
            let pageCount = document.lines.compactMap { Self.page(of: $0.location) }.max() ?? 0
            pages += pageCount
            let expected = engine.assess(twin), got = engine.assess(document)
            let codes = { (findings: [Finding]) in Set(findings.filter { $0.severity != .info }.map(\.code.rawValue)) }
            let match = expected.verdict == got.verdict && codes(expected.findings) == codes(got.findings)
            if match { same += 1 } else if codes(got.findings).contains(RuleCode.ocrUncertain.rawValue) { uncertain += 1 }
            if got.verdict == .fail, expected.verdict != .fail { falseFail += 1 }
            let differences = Self.cells(expected.report).sorted { $0.key < $1.key }.compactMap { key, value -> String? in
                let read = Self.cells(got.report)[key]
                return read == value ? nil : "\(key): \(value) ≠ \(read ?? "—")"
            }
            let doubtful = document.lines.map { $0.location.components(separatedBy: OCRReview.marker).dropFirst().joined()
                .components(separatedBy: "列").count - 1 }.reduce(0, +)
            doubtfulTotal += doubtful
            cellsTotal += Self.cells(expected.report).count
            cellsWrong += differences.count
            print("\(match ? "same" : "DIFF") \(name): \(got.verdict) \(codes(got.findings).sorted()) "
                  + "(text: \(expected.verdict) \(codes(expected.findings).sorted())), \(pageCount) pages, "
                  + "\(ProcessMeasure.format(spent / Double(max(pageCount, 1)), 2)) CPU s/page, \(differences.count) cells differ, \(doubtful) doubtful")
            for difference in differences { print("    " + difference) }
            if options.values["lines"] != nil {
                for line in document.lines { print("    | \(line.location)\t\(line.text)") }
            }
            if options.values["findings"] != nil {
                for finding in got.findings where finding.severity != .info {
                    // Of an ocr.uncertain warning, the checks it stands for.
                    let message = finding.message.components(separatedBy: "未通过的检查：").last ?? finding.message
                    print("    ! \(finding.code.rawValue) \(message.prefix(600))")
                }
            }
            if got.report.agency != expected.report.agency || got.report.title != expected.report.title {
                print("    title/agency: \(got.report.title ?? "—") / \(got.report.agency ?? "—")")
            }
        }
        print("scans with the text form's verdict and codes: \(same)/\(names.count); ocr.uncertain: \(uncertain); "
              + "false fail: \(falseFail); cells read otherwise: \(cellsWrong)/\(cellsTotal), "
              + "\(doubtfulTotal) read with low confidence; "
              + "\(ProcessMeasure.format(cpu / Double(max(pages, 1)), 2)) CPU s per scanned page (\(pages) pages)")
    }

    /// The page number of a location "第 P 页…".
    static func page(of location: String) -> Int? {
        guard location.hasPrefix("第 "), let end = location.firstIndex(of: "页") else { return nil }
        return Int(location.dropFirst(2)[..<end].trimmingCharacters(in: .whitespaces))
    }

    /// Every table cell of a report by name ("T1 行政许可 #0", "T2 （七）总计 #3", "T3 #7") with its raw text.
    static func cells(_ report: Report) -> [String: String] {
        var result: [String: String] = [:]
        for block in report.table1?.blocks ?? [] {
            for row in block.rows {
                for (index, cell) in row.cells.enumerated() { result["T1 \(row.label) #\(index)"] = cell.raw }
            }
        }
        for (row, cells) in report.table2?.rows ?? [:] {
            for (index, cell) in cells.enumerated() { result["T2 \(row.label) #\(index)"] = cell.raw }
        }
        for (index, cell) in (report.table3?.cells ?? []).enumerated() { result["T3 #\(String(format: "%02d", index))"] = cell.raw }
        return result
    }
}
