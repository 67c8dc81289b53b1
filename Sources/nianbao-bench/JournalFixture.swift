import Foundation
import NianbaoDaemon
import NianbaoPlatform

/// Writes a verdict journal as the daemon would after a busy year: every line a
/// real verdict with its tables (the checker's record of the sample report), each
/// report judged again and again with new content; the checkpoint the daemon writes
/// `tail` lines before the end; and the status files of the final state.
struct JournalFixture {
    let template: VerdictRecord
    let reports: Int

    init(sample: [UInt8], reports: Int) {
        template = ReportChecker().check(bytes: sample, path: "/srv/drop/sample.txt")
        self.reports = reports
    }

    /// Returns the journal's size in bytes.
    func write(journal: String, status: String, lines: Int, tail: Int) throws -> Int {
        let file = try AppendOnlyFile(path: journal)
        var checkpointAt: FilePosition?
        var state: [ReportKey: VerdictRecord] = [:]
        var lastLines: [ReportKey: [UInt8]] = [:]
        var buffer: [UInt8] = []
        var size = 0
        for index in 0..<lines {
            if index == lines - tail {
                try flush(&buffer, to: file)
                checkpointAt = try file.position()
                var arrivals = ArrivalBook()
                for (key, record) in state {
                    arrivals.restore(.init(sha256: record.sha256, drop: key.drop), .init(time: record.time ?? "", seq: record.seq ?? 0))
                }
                try JournalCheckpoint.write(
                    path: JournalCheckpoint.path(journal: journal), journal: checkpointAt!, nextSeq: index + 1,
                    lastTime: state.values.compactMap(\.time).max(), records: state, arrivals: arrivals)
            }
            let (key, record) = line(index)
            let bytes = JSONLine.bytes(record)
            buffer += bytes
            buffer.append(0x0A)
            size += bytes.count + 1
            var kept = record
            kept.tables = nil
            state[key] = kept
            if index >= lines - reports { lastLines[key] = bytes }
            if buffer.count > 8 << 20 { try flush(&buffer, to: file) }
        }
        try flush(&buffer, to: file)
        try file.sync()
        // The status files of the final state (tables included), as the daemon leaves them.
        let directory = StatusDirectory(root: status)
        for (key, bytes) in lastLines {
            guard let path = directory.statusPath(for: key) else { continue }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
        return size
    }

    private func flush(_ buffer: inout [UInt8], to file: AppendOnlyFile) throws {
        guard !buffer.isEmpty else { return }
        buffer.removeLast()   // append adds the newline
        try file.append(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Line `index`: report `index % reports`, its `index / reports`-th content.
    private func line(_ index: Int) -> (ReportKey, VerdictRecord) {
        let report = index % reports
        let version = index / reports
        let key = ReportKey(drop: "drop", relativePath: "d\(report % 10)/r\(report).txt")
        var record = template
        record.sha256 = String(repeating: "0", count: 40) + hex(report, 12) + hex(version, 12)
        record.path = "/srv/drop/" + key.relativePath.string
        record.drop = key.drop
        record.relativePath = key.relativePath.string
        record.event = version == 0 ? .new : .changed
        record.seq = index + 1
        record.arrivalSeq = index + 1
        let time = Self.time(index)
        record.time = time
        record.arrival = time
        return (key, record)
    }

    private func hex(_ value: Int, _ width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// 2025-01-01T00:00:00Z plus `index` × 60 s, as the journal writes times.
    static func time(_ index: Int) -> String {
        let date = Date(timeIntervalSince1970: 1_735_689_600 + Double(index) * 60)
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
