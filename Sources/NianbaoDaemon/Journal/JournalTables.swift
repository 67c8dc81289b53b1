import Foundation
import NianbaoPlatform

/// Finds the journal lines of current reports, tables included: the state in
/// memory and the checkpoint keep no tables, so a status file written again (the
/// status directory rebuilt) takes its report's line from the journal.
///
/// Every segment still there is read, newest first, streaming, and the search ends
/// once every report is found. A line is decoded only when its sequence number is
/// one sought (a byte search for `"seq":`), so a large journal is read at the speed
/// of the disk. A line of an earlier version has no sequence number: it matches its
/// report's content instead (the last such line).
enum JournalTables {
    /// The journal line of each report of `current` found in the journal at `journal`
    /// (its active file and numbered segments). Blocking.
    static func find(_ current: [ReportKey: VerdictRecord], journal: String) -> [ReportKey: VerdictRecord] {
        var bySeq: [Int: ReportKey] = [:]
        for (key, record) in current { if let seq = record.seq { bySeq[seq] = key } }
        var found: [ReportKey: VerdictRecord] = [:]
        let decoder = JSONDecoder()
        for segment in JournalSegments.existing(journal: journal).reversed() where found.count < current.count {
            // Lines of earlier versions: the last in the newest segment that has one wins.
            var legacy: [ReportKey: VerdictRecord] = [:]
            guard let reader = try? LineReader(path: segment) else { continue }
            while let line = try? reader.next({ line -> VerdictRecord? in
                switch sequenceNumber(line) {
                case .some(let seq):
                    guard let key = bySeq[seq], found[key] == nil else { return nil }
                case nil:
                    guard found.count + legacy.count < current.count else { return nil }
                }
                return try? decoder.decode(VerdictRecord.self, from: Data(buffer: line))
            }) {
                guard let record = line, let drop = record.drop, let relative = record.relativePath else { continue }
                let key = ReportKey(drop: drop, relativePath: relative)
                guard let wanted = current[key], wanted.sha256 == record.sha256, record.event != .removed else { continue }
                if let seq = record.seq {
                    if seq == wanted.seq { found[key] = record }
                } else if found[key] == nil {
                    legacy[key] = record
                }
            }
            for (key, record) in legacy where found[key] == nil { found[key] = record }
        }
        return found
    }

    private static let needle = Array(#""seq":"#.utf8)

    /// The value of the line's `"seq":` key, or nil when it has none.
    static func sequenceNumber(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = firstIndex(of: needle, in: line) else { return nil }
        var index = start + needle.count
        var value = 0
        var digits = 0
        while index < line.count, (0x30...0x39).contains(line[index]), digits < 18 {
            value = value * 10 + Int(line[index] - 0x30)
            index += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Where `needle` first occurs in `line` (a `memchr` for its first byte, then a compare).
    private static func firstIndex(of needle: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = line.baseAddress, let first = needle.first else { return nil }
        var from = 0
        while line.count - from >= needle.count {
            guard let hit = memchr(base + from, Int32(first), line.count - from) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard line.count - at >= needle.count else { return nil }
            if memcmp(base + at, needle, needle.count) == 0 { return at }
            from = at + 1
        }
        return nil
    }
}
