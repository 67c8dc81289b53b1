import Foundation
import NianbaoDaemon
import NianbaoPlatform

/// Writes a verdict journal as the daemon would after a busy year: every line a
/// real verdict with its tables (the checker's record of the sample report), each
/// report judged again and again with new content; the checkpoint the daemon writes
/// `tail` lines before the end; and the status files of the final state.
///
/// Lines are made from one encoded template whose variable fields have a fixed
/// width (hash, path, sequence numbers, times), patched in place: 2 GB are written
/// in seconds, not in the minutes encoding each line would take.
struct JournalFixture {
    let template: VerdictRecord
    let reports: Int
    /// Sequence numbers start here, so every one has nine digits.
    static let firstSeq = 100_000_000

    init(sample: [UInt8], reports: Int) {
        template = ReportChecker().check(bytes: sample, path: "/srv/drop/sample.txt")
        self.reports = reports
    }

    /// The record of line `index`: report `index % reports`, its `index / reports`-th content.
    func record(_ index: Int) -> (ReportKey, VerdictRecord) {
        let report = index % reports
        let version = index / reports
        let key = ReportKey(drop: "drop", relativePath: "d\(report % 10)/r" + Self.digits(report, 7) + ".txt")
        var record = template
        record.sha256 = String(repeating: "0", count: 40) + Self.hex(report, 12) + Self.hex(version, 12)
        record.path = "/srv/drop/" + key.relativePath.string
        record.drop = key.drop
        record.relativePath = key.relativePath.string
        record.event = .changed
        record.seq = Self.firstSeq + index
        record.arrivalSeq = Self.firstSeq + index
        record.time = Self.time(index)
        record.arrival = record.time
        return (key, record)
    }

    /// Returns the journal's size in bytes.
    func write(journal: String, status: String, lines: Int, tail: Int) throws -> Int {
        let file = try AppendOnlyFile(path: journal)
        let patcher = LinePatcher(JSONLine.bytes(record(0).1), record(0).1)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(9 << 20)
        var size = 0
        for index in 0..<lines {
            if index == lines - tail {
                try flush(&buffer, to: file)
                var state: [ReportKey: VerdictRecord] = [:]
                var arrivals = ArrivalBook()
                for last in max(0, index - reports)..<index {
                    var (key, record) = self.record(last)
                    record.tables = nil
                    state[key] = record
                    arrivals.restore(.init(sha256: record.sha256, agency: record.agency ?? ""), .init(time: record.time ?? "", seq: record.seq ?? 0))
                }
                try JournalCheckpoint.write(
                    path: JournalCheckpoint.path(journal: journal), journal: try file.position(), nextSeq: Self.firstSeq + index,
                    lastTime: Self.time(index - 1), records: state, arrivals: arrivals)
            }
            let line = patcher.line(record(index).1)
            buffer += line
            buffer.append(0x0A)
            size += line.count + 1
            if buffer.count > 8 << 20 { try flush(&buffer, to: file) }
        }
        try flush(&buffer, to: file)
        try file.sync()
        // The status files of the final state (tables included), as the daemon leaves them.
        let directory = StatusDirectory(root: status)
        for index in max(0, lines - reports)..<lines {
            let (key, record) = self.record(index)
            guard let path = directory.statusPath(for: key) else { continue }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(patcher.line(record)))
        }
        return size
    }

    private func flush(_ buffer: inout [UInt8], to file: AppendOnlyFile) throws {
        guard !buffer.isEmpty else { return }
        buffer.removeLast()   // append adds the newline
        try file.append(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func hex(_ value: Int, _ width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// 2025-01-01T00:00:00.000Z plus `index` × 60 s, in the journal's fixed-width form.
    static func time(_ index: Int) -> String {
        let minutes = index
        let days = minutes / 1440
        var (year, dayOfYear) = (2025, days)
        while dayOfYear >= 365 {
            dayOfYear -= 365
            year += 1
        }
        let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        while month < 11, dayOfYear >= monthDays[month] {
            dayOfYear -= monthDays[month]
            month += 1
        }
        return "\(year)-\(digits(month + 1, 2))-\(digits(dayOfYear + 1, 2))T\(digits(minutes / 60 % 24, 2)):\(digits(minutes % 60, 2)):00.000Z"
    }
}

/// Patches the fixed-width fields of an encoded template line.
private struct LinePatcher {
    let template: [UInt8]
    /// Byte offsets of each field's value in the template, by field.
    let offsets: [(offset: Int, field: (VerdictRecord) -> String)]

    init(_ template: [UInt8], _ record: VerdictRecord) {
        self.template = template
        let fields: [(VerdictRecord) -> String] = [
            { $0.sha256 }, { $0.path }, { $0.relativePath ?? "" }, { String($0.seq ?? 0) }, { String($0.arrivalSeq ?? 0) },
            { $0.time ?? "" }, { $0.arrival ?? "" },
        ]
        let keys = ["\"sha256\":\"", "\"path\":\"", "\"relative_path\":\"", "\"seq\":", "\"arrival_seq\":", "\"time\":\"", "\"arrival\":\""]
        var offsets: [(Int, (VerdictRecord) -> String)] = []
        for (key, field) in zip(keys, fields) {
            let needle = Array(key.utf8)
            var at = 0
            while at + needle.count <= template.count, !template[at..<(at + needle.count)].elementsEqual(needle) { at += 1 }
            offsets.append((at + needle.count, field))
        }
        self.offsets = offsets
    }

    func line(_ record: VerdictRecord) -> [UInt8] {
        var line = template
        for (offset, field) in offsets {
            let value = Array(field(record).utf8)
            line.replaceSubrange(offset..<(offset + value.count), with: value)
        }
        return line
    }
}
