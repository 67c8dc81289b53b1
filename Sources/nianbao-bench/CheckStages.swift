import Foundation
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice

/// What `nianbao check` does for one text report beside the engine, each stage timed
/// alone on one thread over the samples (microseconds per report): the part of
/// check's cost that the engine rate does not include.
enum CheckStages {
    static func print(_ samples: [[UInt8]], seconds: Double) {
        let checker = ReportChecker()
        let checked = samples.enumerated().map { index, bytes in
            checker.checkReport(bytes: bytes, sha256: "", path: "d/report-\(index).txt")
        }
        let reports = checked.compactMap(\.report)
        let records = checked.map(\.record)
        let stages: [(String, () -> Int)] = [
            ("check (extract + engine + record)", {
                for (index, bytes) in samples.enumerated() { _ = checker.checkReport(bytes: bytes, sha256: "", path: "d/report-\(index).txt") }
                return samples.count
            }),
            ("sha256", {
                for bytes in samples { _ = ContentHash.sha256(bytes) }
                return samples.count
            }),
            ("tables record", {
                for report in reports { _ = TablesRecord(report) }
                return reports.count
            }),
            ("JSON line", {
                for record in records { _ = JSONLine.bytes(record) }
                return records.count
            }),
        ]
        for (name, body) in stages {
            let rate = EngineBenchmark.measure(seconds: seconds, body).rate
            Swift.print("    \(name): \(ProcessMeasure.format(1e6 / rate, 1)) µs per report")
        }
    }
}
